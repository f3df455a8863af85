//! Inline CSV: column recognition and maps, bad rows, formula cells, malformed files.

use plenary_core::import::{self, ColumnMap, ImportOptions};
use plenary_core::model::Format;
use plenary_core::Error;

use super::{csv, lines, options};

#[test]
fn column_map_names_odd_headers() {
    let text = "Firma;Stand No.;Halle;Land;Web;Branchen;Produkte;Notiz;Name\n\
                Acme GmbH;4.1 A12; Halle 4 ;DE;https://acme.example;\"Robotik; KI\";Greifer;intern;Hans\n";
    let columns = ColumnMap::parse(
        "name=Firma,booth=Stand No.,hall=halle,country=Land,website=Web,categories=Branchen,\
         products=Produkte",
    )
    .expect("valid map");
    let parsed = import::parse(
        text.as_bytes(),
        &options("odd.csv", Some(Format::ExhibitorsCsv), columns),
    )
    .expect("parses");
    assert_eq!(parsed.data.exhibitors.len(), 1, "one row");
    let e = &parsed.data.exhibitors[0];
    assert_eq!(e.name, "Acme GmbH", "mapped name beats the `Name` column");
    assert_eq!(e.booths, ["4.1 A12"], "booth");
    assert_eq!(
        e.hall.as_deref(),
        Some("Halle 4"),
        "hall, case-insensitive map"
    );
    assert_eq!(e.country.as_deref(), Some("DE"), "country");
    assert_eq!(e.website.as_deref(), Some("https://acme.example"), "site");
    assert_eq!(e.categories, ["Robotik", "KI"], "categories split on ;");
    let products: Vec<&str> = e.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(products, ["Greifer"], "products");
    assert_eq!(
        lines(&parsed.warnings),
        [Some(1)],
        "one header warning: {:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings[0].message.ends_with("Notiz, Name"),
        "{}",
        parsed.warnings[0]
    );
}

#[test]
fn recognised_headers_ignore_case_and_punctuation() {
    let text = "\u{feff}Company Name\tBOOTH-NUMBER\tPavilion\tCountry_Code\tHomepage\tAbout\
                \tExhibitor ID\tName_ZH\tSectors\n\
                Unitree\tC1-01\tH1\tCN\thttps://unitree.com\tRobots\t42\t宇树科技\tRobotics; AI\n";
    let parsed = import::parse(
        text.as_bytes(),
        &options("tabs.tsv", None, ColumnMap::default()),
    )
    .expect("parses");
    assert_eq!(parsed.format, Format::ExhibitorsCsv, "detected despite BOM");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let e = &parsed.data.exhibitors[0];
    assert_eq!(e.name, "Unitree", "name");
    assert_eq!(e.other_name.as_deref(), Some("宇树科技"), "other name");
    assert_eq!(e.booths, ["C1-01"], "booth");
    assert_eq!(e.hall.as_deref(), Some("H1"), "pavilion");
    assert_eq!(e.country.as_deref(), Some("CN"), "country");
    assert_eq!(
        e.website.as_deref(),
        Some("https://unitree.com"),
        "homepage"
    );
    assert_eq!(e.description.as_deref(), Some("Robots"), "about");
    assert_eq!(e.source_id.as_deref(), Some("42"), "exhibitor id");
    assert_eq!(e.categories, ["Robotics", "AI"], "sectors");
}

#[test]
fn mapped_column_missing_from_file_is_invalid() {
    let columns = ColumnMap::parse("booth=Stand").expect("valid map");
    let err = import::parse(
        b"name,booth\nA,1\n",
        &options("list.csv", Some(Format::ExhibitorsCsv), columns),
    )
    .expect_err("no Stand column");
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "list.csv:1:1: field `booths`: the column \"Stand\" given in the column map is not \
         in the file; columns found: \"name\", \"booth\"",
        "message"
    );
}

#[test]
fn ragged_rows_and_empty_names_warn_with_file_lines() {
    let text = "name,booth,description\r\n\
                A,1,\"two\r\nlines\"\r\n\
                B,2\r\n\
                ,3,nameless\r\n\
                C,4,x,extra\r\n\
                \r\n\
                ,,\r\n\
                D,5,\"multi\r\nline\r\ntext\"\r\n\
                ,6,\r\n";
    let parsed = csv(text).expect("parses");
    let names: Vec<&str> = parsed
        .data
        .exhibitors
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["A", "B", "C", "D"], "rows kept");
    assert_eq!(
        parsed.data.exhibitors[0].description.as_deref(),
        Some("two\nlines"),
        "embedded line break, CRLF normalised"
    );
    let shown: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "line 4: row has 2 fields but the header has 3; the missing ones are left empty",
            "line 5: row has no exhibitor name (`name` is empty); skipped",
            "line 6: row has 4 fields but the header has 3; the extra ones are ignored",
            "line 12: row has no exhibitor name (`name` is empty); skipped",
        ],
        "warnings name the real file lines"
    );
}

#[test]
fn formula_cells_are_kept_as_text() {
    let parsed = csv("name,booth,hall,description\n\
         \"=cmd|' /C calc'!A0\",+1234,-2,@SUM(A1:A9)\n")
    .expect("parses");
    let e = &parsed.data.exhibitors[0];
    assert_eq!(
        e.name, "=cmd|' /C calc'!A0",
        "formula-looking name verbatim"
    );
    assert_eq!(e.booths, ["+1234"], "plus sign kept");
    assert_eq!(e.hall.as_deref(), Some("-2"), "minus sign kept");
    assert_eq!(
        e.description.as_deref(),
        Some("@SUM(A1:A9)"),
        "at sign kept"
    );
}

#[test]
fn missing_name_column_lists_headers_and_accepted_names() {
    let err = csv("id,booth,hall\n1,2,3\n").expect_err("no name column");
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "list.csv:1:1: field `name`: no exhibitor name column; columns found: \"id\", \
         \"booth\", \"hall\"; a name column is one of: exhibitor_name, company_name, name, \
         exhibitor, company (or name yours with a column map, e.g. --map name=Company)",
        "message"
    );
}

#[test]
fn unterminated_quote_is_a_syntax_error_on_its_line() {
    let err = csv("name,booth\nA,1\n\"B,2\nC,3\n").expect_err("unterminated");
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert!(err.to_string().starts_with("list.csv:3:1: "), "{err}");
}

#[test]
fn exhibitor_list_without_conference_is_refused() {
    let err = import::parse(b"name,booth\nA,1\n", &ImportOptions::new("list.csv"))
        .expect_err("needs --conference");
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
}
