//! What every importer target does: parse the bytes as one forced format, and if that succeeds,
//! write the result into a store. A panic anywhere is a crash; so is a store that refuses what
//! the importer accepted, since `Store::import` must take whatever an importer produces.

use std::sync::OnceLock;

use plenary_core::import::{self, ImportOptions};
use plenary_core::model::Format;
use plenary_core::Store;

/// One store for the whole run: opening and migrating one per input would dominate the time.
pub fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| Store::open_in_memory().expect("in-memory store"))
}

/// Parses `data` as `format` and imports it if it parses.
pub fn import_as(format: Format, data: &[u8]) {
    let mut options = ImportOptions::new("fuzz-input");
    options.format = Some(format);
    if format.is_exhibitor_list() {
        options.conference = Some("fuzz".into());
    }
    if let Ok(parsed) = import::parse(data, &options) {
        if let Err(e) = store().import(parsed, &mut |_| {}) {
            panic!("parsed, but the store refused it: {e}");
        }
    }
}

/// A store holding the bundled WAIC 2025 dataset (Chinese and English), for search.
pub fn search_store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let store = Store::open_in_memory().expect("in-memory store");
        store.load_default_if_empty().expect("bundled dataset loads");
        store
    })
}
