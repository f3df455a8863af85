//! Schedule subscriptions: a conference follows a schedule URL, and each refresh records what
//! changed for the "changes since you last looked" list.
//!
//! - [`fetch`]: one conditional HTTP(S) GET with redirects, timeouts and a size cap;
//! - [`diff`]: what changed between two versions of a programme, field by field;
//! - [`refresh`]: [`crate::Store::subscribe`], [`crate::Store::refresh`] and friends, which
//!   import a new copy and its change log in one transaction;
//! - [`subscription`]: the stored subscription, [`crate::Store::subscription`];
//! - [`log`]: the stored change log, [`crate::Store::changes`] and the "seen" marker;
//! - [`alerts`]: bookmarked sessions a refresh moved or cancelled, announced once each.

pub mod alerts;
pub mod diff;
pub mod fetch;
pub mod log;
pub mod refresh;
pub mod subscription;
pub mod whats_changed;

pub use alerts::ChangeAlert;
pub use diff::{diff, Change, ChangeField};
pub use fetch::{fetch, FetchOptions, Fetched};
pub use log::StoredChange;
pub use refresh::{RefreshOptions, RefreshOutcome, RefreshReport, RefreshStatus};
pub use subscription::SubscriptionView;
pub use whats_changed::WhatChanged;
