//! Reminders: the default of each priority, and the reminders still to come. A bookmark's own
//! reminder is set with `set_bookmark`; the notifications are shown by `notices.rs`.

use chrono::Utc;
use plenary_core::reminders::{PendingReminder, ReminderDefaults};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

/// The default reminder of each priority.
#[tauri::command(async)]
pub fn reminder_defaults(store: State<'_, Store>) -> Result<ReminderDefaults, CommandError> {
    Ok(store.reminder_defaults()?)
}

/// Sets the default reminder of each priority.
#[tauri::command(async)]
pub fn set_reminder_defaults(
    store: State<'_, Store>,
    defaults: ReminderDefaults,
) -> Result<ReminderDefaults, CommandError> {
    Ok(store.set_reminder_defaults(&defaults)?)
}

/// The reminders still to come, soonest first.
#[tauri::command(async)]
pub fn pending_reminders(store: State<'_, Store>) -> Result<Vec<PendingReminder>, CommandError> {
    Ok(store.pending_reminders(Utc::now())?)
}
