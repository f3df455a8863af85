//! The programme: sessions and speakers.

use plenary_core::store::{PersonView, SessionFilter, SessionView};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn sessions(
    store: State<'_, Store>,
    filter: SessionFilter,
) -> Result<Vec<SessionView>, CommandError> {
    Ok(store.sessions(&filter)?)
}

#[tauri::command(async)]
pub fn session(
    store: State<'_, Store>,
    conference: Option<String>,
    key: String,
) -> Result<SessionView, CommandError> {
    Ok(store.session(conference.as_deref(), &key)?)
}

#[tauri::command(async)]
pub fn speakers(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<Vec<PersonView>, CommandError> {
    Ok(store.speakers(conference.as_deref())?)
}
