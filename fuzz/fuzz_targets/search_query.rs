#![no_main]

//! The search query parser and the FTS5 expression it builds: any text the user types must give
//! results or nothing, never a panic and never an FTS5 syntax error.

use libfuzzer_sys::fuzz_target;
use plenary_core::search::{tokens, SearchQuery};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let terms = tokens::terms(text);
    let _ = tokens::match_expression(&terms);
    let _ = tokens::highlights(text, &terms);
    let store = plenary_fuzz::search_store();
    let query = SearchQuery {
        text: text.to_string(),
        ..SearchQuery::default()
    };
    if let Err(e) = store.search(&query) {
        panic!("search for {text:?} failed: {e}");
    }
});
