//! Exhibitor lists, CSV or JSON.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::import::Source;
use crate::model::{ConferenceData, Warning};

/// Explicit source column names for exhibitor fields, e.g. `name=Company`, `booth=Stand No`.
/// Fields left out are found by their common names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(pub BTreeMap<String, String>);

/// True when a lower-cased CSV header line names a column Plenary reads as the exhibitor name.
pub fn header_has_name(header: &str) -> bool {
    header.split([',', ';', '\t']).any(|h| {
        let h = h.trim().trim_matches('"');
        matches!(
            h,
            "name" | "exhibitor" | "company" | "exhibitor_name" | "company_name"
        )
    })
}

/// Parses an exhibitor CSV.
pub fn parse_csv(
    source: &Source<'_>,
    _map: &ColumnMap,
    _warnings: &mut Vec<Warning>,
) -> Result<ConferenceData> {
    Err(source.syntax(0, "exhibitor CSV import is not built yet"))
}

/// Parses an exhibitor JSON list.
pub fn parse_json(
    source: &Source<'_>,
    _map: &ColumnMap,
    _warnings: &mut Vec<Warning>,
) -> Result<ConferenceData> {
    Err(source.syntax(0, "exhibitor JSON import is not built yet"))
}
