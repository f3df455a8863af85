//! First use: an empty store gets the built-in WAIC 2025 conference.

use super::{ImportReport, Store};
use crate::dataset::{WAIC_2025_FILE, WAIC_2025_JSON};
use crate::error::Result;
use crate::import::{self, ImportOptions};
use crate::model::Format;

impl Store {
    /// Loads WAIC 2025 if the store holds no conference yet; returns what was imported, or
    /// `None` when there was nothing to do. Safe to call on every start: re-loading by two
    /// processes at once only replaces the same programme with itself.
    pub fn load_default_if_empty(&self) -> Result<Option<ImportReport>> {
        let empty: bool = self.read(|conn| {
            Ok(
                conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM conference)", [], |r| {
                    r.get(0)
                })?,
            )
        })?;
        if !empty {
            return Ok(None);
        }
        let mut options = ImportOptions::new(WAIC_2025_FILE);
        options.format = Some(Format::Plenary);
        let parsed = import::parse(WAIC_2025_JSON.as_bytes(), &options)?;
        self.import(parsed, &mut |_| {}).map(Some)
    }
}
