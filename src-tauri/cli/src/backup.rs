//! `plenary backup` and `plenary restore`: the user's own data in and out of a JSON file.

use std::path::Path;

use plenary_core::{Result, Store};
use serde::Serialize;

use crate::commands::print;

#[derive(Serialize)]
struct Written<'a> {
    file: &'a str,
    bookmarks: usize,
}

pub fn backup(store: &Store, output: &Path, json: bool) -> Result<()> {
    let bookmarks = store.write_backup(output)?;
    let file = output.display().to_string();
    print(
        json,
        &Written {
            file: &file,
            bookmarks,
        },
        |w| println!("Saved {} bookmark(s) to {}.", w.bookmarks, w.file),
    )
}

pub fn restore(store: &Store, file: &Path, json: bool) -> Result<()> {
    let report = store.restore_backup(file)?;
    print(json, &report, |r| {
        println!(
            "Restored {} bookmark(s) from {}: {} added, {} updated, {} already up to date.",
            r.read,
            file.display(),
            r.added,
            r.updated,
            r.kept
        );
        let t = r.bookmarks;
        println!(
            "Against the programme: {} attached, {} re-attached, {} orphaned (kept, waiting for \
             their conference or session).",
            t.attached, t.reattached, t.orphaned
        );
    })
}
