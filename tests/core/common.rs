//! Helpers shared by the suite's modules.
#![allow(dead_code)]

use std::path::PathBuf;

use plenary_core::import::{self, ImportOptions, Parsed};

/// The shared test data: `PLENARY_SHARED_DATA`, else `shared/data` beside the repository.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PLENARY_SHARED_DATA") {
        return PathBuf::from(dir);
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    repo.join("../shared/data")
}

/// The bytes of a file under the shared data folder, e.g. `schedules/36c3.schedule.xml`.
pub fn read(relative: &str) -> Vec<u8> {
    let path = data_dir().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read test data {}: {e}", path.display()))
}

/// Parses a shared data file with default options, panicking with the error if it fails.
pub fn parse(relative: &str) -> Parsed {
    let options = ImportOptions::new(relative);
    import::parse(&read(relative), &options).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Parses in-memory text as if it were a file called `name`.
pub fn parse_text(name: &str, text: &str) -> plenary_core::Result<Parsed> {
    import::parse(text.as_bytes(), &ImportOptions::new(name))
}
