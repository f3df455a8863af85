//! Importing a file the user picked or dropped on the window.

use std::path::Path;

use plenary_core::import::ImportOptions;
use plenary_core::store::ImportReport;
use plenary_core::Store;
use tauri::{AppHandle, Emitter, State};

use crate::error::CommandError;

/// The event that carries a [`plenary_core::store::Progress`] while an import runs.
pub const IMPORT_PROGRESS: &str = "import-progress";

/// `conference` names the target for exhibitor lists, which do not say which conference they
/// belong to; programmes carry their own.
#[tauri::command(async)]
pub fn import_file(
    app: AppHandle,
    store: State<'_, Store>,
    path: String,
    conference: Option<String>,
) -> Result<ImportReport, CommandError> {
    let options = ImportOptions {
        conference,
        ..ImportOptions::new(path.as_str())
    };
    // A lost progress event only costs the UI a progress bar update.
    Ok(store.import_file(Path::new(&path), &options, &mut |p| {
        let _ = app.emit(IMPORT_PROGRESS, p);
    })?)
}
