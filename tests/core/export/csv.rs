//! Exhibitor CSV export: the documented header, lists joined with `; `, quoting a CSV reader
//! undoes, and formula injection defused.

use plenary_core::export::csv;

use super::sample;

/// The exported rows, read back with a standard CSV reader (header included).
fn read_back(text: &str) -> Vec<Vec<String>> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_header_and_rows_read_back() {
    let text = csv::exhibitors(&sample());
    assert!(
        text.starts_with(
            "name,other_name,hall,booths,country,categories,website,description,products\n"
        ),
        "header line: {text}"
    );
    let rows = read_back(&text);
    assert_eq!(rows.len(), 3, "header and two exhibitors");
    assert_eq!(
        rows[2],
        vec![
            "Unitree Robotics",
            "宇树科技",
            "H1",
            "H1-A01",
            "China",
            "Robotics; Embodied AI",
            "https://www.unitree.com",
            "",
            "G1; H1"
        ],
        "lists joined with '; ', Chinese kept"
    );
    assert_eq!(
        rows[1][7], "Says \"hi\", twice;\nthen leaves.",
        "description as plain text; quotes, comma and newline survive quoting"
    );
}

#[test]
fn csv_defuses_formula_injection() {
    let rows = read_back(&csv::exhibitors(&sample()));
    let evil = &rows[1];
    assert_eq!(evil[0], "'=cmd|' /C calc'!A0", "a DDE payload becomes text");
    assert_eq!(evil[2], "'-1F", "leading minus");
    assert_eq!(evil[4], "'+86", "leading plus");
    assert_eq!(evil[6], "'@example", "leading at sign");
    assert_eq!(evil[3], "A1; B2", "harmless cells are untouched");
    let starts_with_trigger = rows
        .iter()
        .flatten()
        .filter(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']))
        .count();
    assert_eq!(starts_with_trigger, 0, "no cell can start a formula");
}

#[test]
fn csv_without_exhibitors_is_just_the_header() {
    let mut data = sample();
    data.exhibitors.clear();
    assert_eq!(
        csv::exhibitors(&data),
        "name,other_name,hall,booths,country,categories,website,description,products\n"
    );
}
