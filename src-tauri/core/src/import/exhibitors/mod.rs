//! Exhibitor lists, CSV or JSON: one exhibitor per row or object.
//!
//! Both forms share column recognition ([`columns`]) and the way a raw value becomes a field
//! ([`apply_text`], [`apply_list`]), so a file behaves the same whichever way it was exported.
//! The result holds only `exhibitors`; the caller sets the conference.
//!
//! Cells are stored as text and never evaluated, so a cell such as `=cmd|' /C calc'!A0` is kept
//! verbatim; defusing such cells is the job of whatever writes CSV back out.

mod columns;
mod from_csv;
mod from_json;

pub use columns::ColumnMap;
pub use from_csv::parse_csv;
pub use from_json::parse_json;

use columns::Field;

use crate::model::{Exhibitor, Product};
use crate::text::{clean, non_blank};

/// True when a lower-cased CSV header line names a column Plenary reads as the exhibitor name.
pub fn header_has_name(header: &str) -> bool {
    header.split([',', ';', '\t']).any(columns::is_name_column)
}

/// Sets `field` from one cell. Multi-valued fields (booths, hall, categories, products) are
/// split on `;`, the separator real lists use (`53423; 54123`); commas are not split on because
/// they occur inside single values (`Health, Fitness & Wellness`).
fn apply_text(exhibitor: &mut Exhibitor, field: Field, value: &str) {
    match field {
        Field::Booths | Field::Hall | Field::Categories | Field::Products => {
            let items = value.split(';').map(str::to_string).collect();
            apply_list(exhibitor, field, items);
        }
        Field::Name => exhibitor.name = clean(value).unwrap_or_default(),
        Field::OtherName => exhibitor.other_name = clean(value),
        Field::Country => exhibitor.country = clean(value),
        Field::Website => exhibitor.website = clean(value),
        // Quoted cells keep the file's line endings; CRLF files should not leak `\r` into text.
        Field::Description => exhibitor.description = non_blank(&value.replace("\r\n", "\n")),
        Field::Id => exhibitor.source_id = clean(value),
    }
}

/// Sets `field` from several values (a split cell or a JSON array). A single-valued field given
/// several values keeps them all, joined with `; `, rather than silently picking one.
fn apply_list(exhibitor: &mut Exhibitor, field: Field, items: Vec<String>) {
    let items: Vec<String> = items.iter().filter_map(|i| clean(i)).collect();
    match field {
        // Booth names are free text ("Westgate Hospitality Suites") and kept as given, even
        // when repeated: the list is the file's.
        Field::Booths => exhibitor.booths = items,
        // CES lists one hall per booth ("X; X" for two booths in hall X); an exhibitor is in a
        // hall once, so repeats collapse and "NN; QQ; P" stays for one spread over halls.
        Field::Hall => exhibitor.hall = join(unique(items)),
        Field::Categories => exhibitor.categories = unique(items),
        Field::Products => {
            exhibitor.products = items
                .into_iter()
                .map(|name| Product {
                    name,
                    ..Product::default()
                })
                .collect();
        }
        _ => {
            if let Some(joined) = join(items) {
                apply_text(exhibitor, field, &joined);
            }
        }
    }
}

fn unique(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn join(items: Vec<String>) -> Option<String> {
    (!items.is_empty()).then(|| items.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_recognises_name_headers() {
        assert!(header_has_name("exhibitor_id,name,booths"));
        assert!(header_has_name("id;\"company name\";stand"));
        assert!(header_has_name("stand\texhibitor"));
        assert!(!header_has_name("id,title,start"));
    }

    #[test]
    fn halls_collapse_and_booths_stay() {
        let mut e = Exhibitor::default();
        apply_text(&mut e, Field::Hall, "NN; QQ; QQ; P");
        apply_text(&mut e, Field::Booths, "5001; Chambertin 1;  ; Chambertin 2");
        assert_eq!(e.hall.as_deref(), Some("NN; QQ; P"));
        assert_eq!(e.booths, ["5001", "Chambertin 1", "Chambertin 2"]);
    }
}
