//! Bookmarks and the agenda built from them.

use plenary_core::agenda::Agenda;
use plenary_core::store::{Bookmark, BookmarkChange, BookmarkKind};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn bookmarks(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<Vec<Bookmark>, CommandError> {
    Ok(store.bookmarks(conference.as_deref())?)
}

#[tauri::command(async)]
pub fn set_bookmark(
    store: State<'_, Store>,
    change: BookmarkChange,
) -> Result<Bookmark, CommandError> {
    Ok(store.set_bookmark(&change)?)
}

#[tauri::command(async)]
pub fn remove_bookmark(
    store: State<'_, Store>,
    conference: String,
    kind: BookmarkKind,
    key: String,
) -> Result<bool, CommandError> {
    Ok(store.remove_bookmark(&conference, kind, &key)?)
}

#[tauri::command(async)]
pub fn agenda(store: State<'_, Store>, conference: Option<String>) -> Result<Agenda, CommandError> {
    Ok(store.agenda(conference.as_deref())?)
}
