//! The conferences in the store and which one is current.

use plenary_core::store::ConferenceSummary;
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn conferences(store: State<'_, Store>) -> Result<Vec<ConferenceSummary>, CommandError> {
    Ok(store.conferences()?)
}

#[tauri::command(async)]
pub fn set_current_conference(store: State<'_, Store>, slug: String) -> Result<(), CommandError> {
    Ok(store.set_current_conference(&slug)?)
}
