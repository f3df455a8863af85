//! Integration tests: exhibitor lists (CSV and JSON) through `import::parse`.

mod ces;
mod csv_rows;
mod json_lists;

use plenary_core::import::{self, ColumnMap, ImportOptions, Parsed};
use plenary_core::model::{Exhibitor, Format, Warning};

/// Options for an exhibitor list going into the conference `test-conf`.
fn options(name: &str, format: Option<Format>, columns: ColumnMap) -> ImportOptions {
    ImportOptions {
        conference: Some("test-conf".into()),
        format,
        columns,
        ..ImportOptions::new(name)
    }
}

/// Parses inline text as an exhibitor CSV called `list.csv`.
fn csv(text: &str) -> plenary_core::Result<Parsed> {
    import::parse(
        text.as_bytes(),
        &options(
            "list.csv",
            Some(Format::ExhibitorsCsv),
            ColumnMap::default(),
        ),
    )
}

/// Parses inline text as an exhibitor JSON list called `list.json`.
fn json(text: &str) -> plenary_core::Result<Parsed> {
    import::parse(
        text.as_bytes(),
        &options(
            "list.json",
            Some(Format::ExhibitorsJson),
            ColumnMap::default(),
        ),
    )
}

fn by_name<'a>(parsed: &'a Parsed, name: &str) -> &'a Exhibitor {
    parsed
        .data
        .exhibitors
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no exhibitor {name:?}"))
}

fn lines(warnings: &[Warning]) -> Vec<Option<u32>> {
    warnings.iter().map(|w| w.line).collect()
}
