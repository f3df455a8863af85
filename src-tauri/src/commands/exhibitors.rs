//! The exhibitor directory.

use plenary_core::store::{ExhibitorFilter, ExhibitorView};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn exhibitors(
    store: State<'_, Store>,
    filter: ExhibitorFilter,
) -> Result<Vec<ExhibitorView>, CommandError> {
    Ok(store.exhibitors(&filter)?)
}
