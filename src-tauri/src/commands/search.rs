//! Full-text search over sessions, speakers and exhibitors.

use plenary_core::search::{SearchHit, SearchQuery};
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn search(store: State<'_, Store>, query: SearchQuery) -> Result<Vec<SearchHit>, CommandError> {
    Ok(store.search(&query)?)
}
