//! Sharing an agenda, a day's plan or a booth list, and merging what others share.

use std::path::Path;

use chrono::NaiveDate;
use plenary_core::plan::share::{ShareReport, ShareScope, ShareView};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn share(
    store: State<'_, Store>,
    conference: Option<String>,
    scope: ShareScope,
) -> Result<ShareView, CommandError> {
    Ok(store.share_view(conference.as_deref(), scope)?)
}

#[tauri::command(async)]
pub fn write_share(
    store: State<'_, Store>,
    conference: Option<String>,
    scope: ShareScope,
    path: String,
) -> Result<usize, CommandError> {
    Ok(store.write_share(conference.as_deref(), scope, Path::new(&path))?)
}

#[tauri::command(async)]
pub fn merge_share_link(
    store: State<'_, Store>,
    link: String,
) -> Result<ShareReport, CommandError> {
    Ok(store.merge_share_link(&link)?)
}

#[tauri::command(async)]
pub fn merge_share_file(
    store: State<'_, Store>,
    path: String,
) -> Result<ShareReport, CommandError> {
    Ok(store.import_share_file(Path::new(&path))?)
}

#[tauri::command(async)]
pub fn export_plan_ics(
    store: State<'_, Store>,
    conference: Option<String>,
    date: NaiveDate,
    path: String,
) -> Result<(), CommandError> {
    Ok(store.write_plan_ics(conference.as_deref(), date, Path::new(&path))?)
}

#[tauri::command(async)]
pub fn export_plan_pdf(
    store: State<'_, Store>,
    conference: Option<String>,
    date: NaiveDate,
    path: String,
) -> Result<(), CommandError> {
    Ok(store.write_plan_pdf(conference.as_deref(), date, Path::new(&path))?)
}
