//! iCalendar exports to a path the user picked in the save dialog.

use std::path::Path;

use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn export_agenda_ics(
    store: State<'_, Store>,
    conference: Option<String>,
    path: String,
) -> Result<(), CommandError> {
    Ok(store.write_agenda_ics(conference.as_deref(), Path::new(&path))?)
}

#[tauri::command(async)]
pub fn export_session_ics(
    store: State<'_, Store>,
    conference: Option<String>,
    key: String,
    path: String,
) -> Result<(), CommandError> {
    Ok(store.write_session_ics(conference.as_deref(), &key, Path::new(&path))?)
}
