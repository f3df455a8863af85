//! plenary-core's integration suite: importers on the real files in `shared/data`, bad input,
//! the store, search, agenda and exports. One binary, one module per area.

// A test binary: panicking on a broken fixture is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod backup;
mod bad_input;
mod bad_input_json_ics;
mod concurrency;
mod cross_format;
mod exhibitors;
mod export;
mod fetch;
mod frab_json;
mod frab_xml;
mod fuzz_regressions;
mod hostile;
mod ical;
mod plan;
mod reconcile_props;
mod recovery;
mod reminders;
mod search;
mod server;
mod store;
mod subscribe;
mod waic;
