//! The real CES 2026 "IoT" exhibitor list.

use std::collections::{BTreeMap, BTreeSet};

use plenary_core::import::{self, ImportOptions, Parsed};
use plenary_core::model::Format;

use super::by_name;
use crate::common;

const CES: &str = "exhibitors/ces-2026.exhibitors-iot.csv";

fn ces() -> Parsed {
    let options = ImportOptions {
        conference: Some("ces-2026".into()),
        ..ImportOptions::new(CES)
    };
    import::parse(&common::read(CES), &options).unwrap_or_else(|e| panic!("{CES}: {e}"))
}

#[test]
fn ces_2026_counts_halls_and_ids() {
    let parsed = ces();
    assert_eq!(
        parsed.format,
        Format::ExhibitorsCsv,
        "detected from the header"
    );
    let exhibitors = &parsed.data.exhibitors;
    assert_eq!(exhibitors.len(), 660, "every row is an exhibitor");
    assert_eq!(
        parsed.data.conference.slug, "ces-2026",
        "slug from the options"
    );
    assert!(
        parsed.data.sessions.is_empty(),
        "an exhibitor list has no sessions"
    );

    // The file lists one hall per booth ("X; X"); the README's 44 distinct raw values (X 184,
    // M 124, A 114, NN 75) count those lists as written. Repeats collapse, so the 11 rows whose
    // booths share one hall join their hall, and 10 rows spread over several halls remain.
    let mut halls: BTreeMap<&str, usize> = BTreeMap::new();
    for e in exhibitors {
        *halls.entry(e.hall.as_deref().unwrap_or("")).or_default() += 1;
    }
    assert_eq!(halls.len(), 28, "distinct hall values: {halls:?}");
    assert_eq!(
        halls.get("X"),
        Some(&188),
        "hall X (184 + 4 multi-booth rows)"
    );
    assert_eq!(halls.get("M"), Some(&125), "hall M (124 + 1)");
    assert_eq!(halls.get("A"), Some(&116), "hall A (114 + 2)");
    assert_eq!(halls.get("NN"), Some(&76), "hall NN (75 + 1)");
    assert_eq!(halls.get(""), None, "every row has a hall");
    let spread = halls
        .iter()
        .filter(|(h, _)| h.contains(';'))
        .map(|(_, n)| n)
        .sum::<usize>();
    assert_eq!(spread, 10, "exhibitors in several halls");
    let codes: BTreeSet<&str> = exhibitors
        .iter()
        .filter_map(|e| e.hall.as_deref())
        .flat_map(|h| h.split("; "))
        .collect();
    assert_eq!(codes.len(), 20, "distinct hall codes: {codes:?}");

    let keys: BTreeSet<&str> = exhibitors.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys.len(), 660, "keys are unique");
    let adt = by_name(&parsed, "ADT");
    assert_eq!(
        adt.source_id.as_deref(),
        Some("0013000001KaLvPAAV"),
        "exhibitor_id"
    );
    assert_eq!(adt.key, "id-0013000001KaLvPAAV", "key from the source id");
    let described = exhibitors
        .iter()
        .filter(|e| e.description.is_some())
        .count();
    assert_eq!(described, 642, "rows with a description");
}

#[test]
fn ces_2026_booths_and_tags() {
    let parsed = ces();
    let exhibitors = &parsed.data.exhibitors;
    let multi = exhibitors.iter().filter(|e| e.booths.len() > 1).count();
    assert_eq!(multi, 36, "rows listing several booths");
    let booths: usize = exhibitors.iter().map(|e| e.booths.len()).sum();
    assert_eq!(booths, 751, "booths in all");
    let free_text = exhibitors
        .iter()
        .flat_map(|e| &e.booths)
        .filter(|b| b.contains(' '))
        .count();
    assert_eq!(free_text, 150, "booth names with spaces, kept whole");

    let adt = by_name(&parsed, "ADT");
    assert_eq!(adt.booths, ["Bellini 2001A", "Bellini 2002"], "ADT booths");
    assert_eq!(adt.hall.as_deref(), Some("X"), "ADT's \"X; X\" collapses");
    let airoha = by_name(&parsed, "Airoha Technology");
    assert_eq!(airoha.booths, ["Suite 29-222"], "free-text booth kept");
    let qualcomm = by_name(&parsed, "Qualcomm");
    assert_eq!(qualcomm.booths.len(), 7, "Qualcomm booths");
    assert_eq!(
        qualcomm.booths[3], "Wynn Encore Hospitality Suites",
        "Qualcomm's fourth booth"
    );
    assert_eq!(
        qualcomm.hall.as_deref(),
        Some("NN; QQ; P"),
        "Qualcomm's halls"
    );
    let kicta = by_name(&parsed, "KOREA ICT ASSOCIATION (KICTA)");
    assert_eq!(kicta.booths.len(), 14, "the longest booth list");

    // Tags are `; `-separated, like booths.
    let tagged = exhibitors
        .iter()
        .filter(|e| !e.categories.is_empty())
        .count();
    assert_eq!(tagged, 9, "rows with tags");
    let tags: usize = exhibitors.iter().map(|e| e.categories.len()).sum();
    assert_eq!(tags, 13, "tags in all");
    assert_eq!(
        by_name(&parsed, "Alps Alpine North America, Inc.").categories,
        ["Collateral", "Business Cards"],
        "split tags"
    );

    // A description starting with "-" looks like a formula to a spreadsheet; it is text here.
    let cd = by_name(&parsed, "Shenzhen C&D Electronics Co., Ltd.");
    assert!(
        cd.description
            .as_deref()
            .is_some_and(|d| d.starts_with("-Founded in Aug 2004")),
        "description kept verbatim: {:?}",
        cd.description
    );

    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0].line, Some(1), "header warning");
    assert_eq!(
        parsed.warnings[0].message,
        "columns not read as exhibitor fields: seeking_funding, funding_amount, \
         investment_stage, revenue, logo_file, featured",
        "unread columns listed once"
    );
}
