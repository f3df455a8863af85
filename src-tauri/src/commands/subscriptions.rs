//! Schedule subscriptions: subscribe to a URL, refresh now, and what changed since the user
//! last looked. The periodic refresh is in `lib.rs`.

use chrono::Utc;
use plenary_core::subscribe::{RefreshOptions, RefreshReport, WhatChanged};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

/// Subscribes `conference` (or the conference the schedule describes) to `url` and imports it.
#[tauri::command(async)]
pub fn subscribe(
    store: State<'_, Store>,
    conference: Option<String>,
    url: String,
) -> Result<RefreshReport, CommandError> {
    Ok(store.subscribe(conference.as_deref(), &url, &RefreshOptions::default())?)
}

/// Fetches the subscription of `conference` (or the current one) now.
#[tauri::command(async)]
pub fn refresh(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<RefreshReport, CommandError> {
    Ok(store.refresh(conference.as_deref(), &RefreshOptions::default())?)
}

/// The subscription's state and the changes since the user last looked.
#[tauri::command(async)]
pub fn whats_changed(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<WhatChanged, CommandError> {
    Ok(store.whats_changed(conference.as_deref())?)
}

/// Records that the user has now seen the changes of `conference` (or the current one).
#[tauri::command(async)]
pub fn mark_changes_seen(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<(), CommandError> {
    Ok(store.mark_changes_seen(conference.as_deref(), Utc::now())?)
}

/// Stops following the schedule URL of `conference` (or the current one); returns that URL.
#[tauri::command(async)]
pub fn unsubscribe(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<Option<String>, CommandError> {
    Ok(store.unsubscribe(conference.as_deref())?)
}
