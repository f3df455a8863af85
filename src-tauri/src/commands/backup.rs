//! Backing up and restoring what the user made: bookmarks, notes, priorities, visited marks.

use std::path::Path;

use plenary_core::store::RestoreReport;
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

/// Writes every bookmark to `path` (a file the user picked in the save dialog); returns how many.
#[tauri::command(async)]
pub fn backup_user_data(store: State<'_, Store>, path: String) -> Result<usize, CommandError> {
    Ok(store.write_backup(Path::new(&path))?)
}

/// Merges the backup at `path` into the store's bookmarks; nothing already here is lost.
#[tauri::command(async)]
pub fn restore_user_data(
    store: State<'_, Store>,
    path: String,
) -> Result<RestoreReport, CommandError> {
    Ok(store.restore_backup(Path::new(&path))?)
}
