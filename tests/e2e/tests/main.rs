//! Plenary's end-to-end suite. `config` always runs; the journeys drive the built app and run
//! only with `PLENARY_E2E=1` (see `plenary_e2e::enabled`).

// A test binary: panicking on a broken fixture is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod config;

mod backup;
mod bookmarks;
mod changes;
mod corrupt_store;
mod first_start;
mod import;
mod journeys;
mod planning;
mod reminders;
mod screenshots;
mod search;
mod security;
mod settings;
mod xss;
