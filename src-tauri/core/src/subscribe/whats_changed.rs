//! What the app's "What changed" view needs in one call: the subscription's state (for "last
//! good copy fetched at ..."), the changes since the user last looked, and the keys of the
//! sessions they touch, so every session list can mark changed rows.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::log::current_keys;
use super::{StoredChange, SubscriptionView};
use crate::error::Result;
use crate::Store;

/// The changes of one conference since the user last looked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WhatChanged {
    pub conference: String,
    /// `None` when the conference has no source URL.
    pub subscription: Option<SubscriptionView>,
    /// When the user last marked the changes seen; `None` if never.
    pub seen_at: Option<DateTime<Utc>>,
    /// Changes after `seen_at`: bookmarked sessions that moved or were cancelled first.
    pub changes: Vec<StoredChange>,
    /// The current keys of the sessions in `changes`, sorted and without repeats.
    pub changed_keys: Vec<String>,
}

impl Store {
    /// [`WhatChanged`] for `conference` (or the current one).
    pub fn whats_changed(&self, conference: Option<&str>) -> Result<WhatChanged> {
        let slug = self
            .read(|conn| crate::store::resolve_conference(conn, conference))?
            .slug;
        let seen_at = self.changes_seen_at(Some(&slug))?;
        let changes = self.changes(Some(&slug), seen_at)?;
        Ok(WhatChanged {
            subscription: self.subscription(Some(&slug))?,
            conference: slug,
            seen_at,
            changed_keys: current_keys(&changes),
            changes,
        })
    }
}
