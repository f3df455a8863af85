//! Exhibitors out as CSV, for spreadsheets. Every cell that a spreadsheet would read as a
//! formula is defused (OWASP "CSV injection"): exhibitor lists are scraped from the web, and a
//! name such as `=HYPERLINK(...)` must stay text when the file is opened in Excel.

use crate::model::{ConferenceData, Exhibitor};
use crate::text::html_to_text;

/// The header row, in column order.
pub const HEADER: [&str; 9] = [
    "name",
    "other_name",
    "hall",
    "booths",
    "country",
    "categories",
    "website",
    "description",
    "products",
];

/// How list cells (booths, categories, products) are joined; the exhibitor importer splits on it.
pub const LIST_SEPARATOR: &str = "; ";

/// Writes `data`'s exhibitors as CSV (RFC 4180 quoting, `\n` line ends, no BOM), one row each,
/// in the order given. Descriptions are written as plain text.
pub fn exhibitors(data: &ConferenceData) -> String {
    // Writing into memory cannot fail: csv's writer errors only on I/O, and every row has the
    // header's nine fields, so the empty fallback is never taken.
    let bytes = rows(&data.exhibitors).unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn rows(exhibitors: &[Exhibitor]) -> ::csv::Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for e in exhibitors {
        let products: Vec<&str> = e.products.iter().map(|p| p.name.as_str()).collect();
        let record = [
            e.name.clone(),
            e.other_name.clone().unwrap_or_default(),
            e.hall.clone().unwrap_or_default(),
            e.booths.join(LIST_SEPARATOR),
            e.country.clone().unwrap_or_default(),
            e.categories.join(LIST_SEPARATOR),
            e.website.clone().unwrap_or_default(),
            e.description
                .as_deref()
                .map(html_to_text)
                .unwrap_or_default(),
            products.join(LIST_SEPARATOR),
        ];
        writer.write_record(record.iter().map(|cell| defuse(cell).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// Prefixes `'` to a cell a spreadsheet would evaluate: one starting with `=`, `+`, `-`, `@`,
/// tab or carriage return. The quote shows in the cell but turns the formula into text.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuse_quotes_formula_starts_only() {
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("a=b"), "a=b");
        assert_eq!(defuse(""), "");
    }
}
