//! plenary-core: everything Plenary knows, with no user interface attached.
//!
//! - [`model`]: the in-memory shape of a conference, shared by importers, store and exporters;
//! - [`import`]: real-world formats in (frab XML/JSON, iCalendar, exhibitor CSV/JSON);
//! - [`Store`]: the SQLite store, its migrations and repositories;
//! - [`search`]: ranked full-text search that works for Chinese and English;
//! - [`agenda`]: bookmarks by day with overlaps;
//! - [`export`]: iCalendar and frab XML/JSON out;
//! - [`synth`]: seeded synthetic conferences for benchmarks;
//! - [`subscribe`]: schedule subscriptions: fetch, refresh, change list and change log;
//! - [`reminders`]: reminders before bookmarked sessions, and the notices the app shows;
//! - [`plan`]: choosing sessions with the walks between them, and ordering booth visits.
//!
//! The desktop shell and the CLI are thin adapters over this crate.

pub mod dataset;
pub mod error;
pub mod export;
pub mod import;
pub mod model;
pub mod text;

pub use error::{Error, Location, Result};
pub mod agenda;
pub mod plan;
pub mod reminders;
pub mod search;
pub mod store;
pub mod subscribe;
pub mod synth;

pub use store::Store;
pub mod bindings;
