//! Inputs found by `scripts/fuzz`, each kept as a test named after what broke.

use crate::common::{parse_text, sample_with_bookmarks};

/// frab_xml: a schedule listing the same `<day>` twice parsed fine, then failed at the store
/// with "UNIQUE constraint failed: day.conference_id, day.date" (found after 10 008 runs).
#[test]
fn day_listed_twice_imports_instead_of_failing_a_unique_constraint() {
    let day = r#"<day index="1" date="2025-03-19"><room name="Ada">
<event id="EVENT" guid="GUID"><date>2025-03-19T11:00:00+01:00</date><start>11:00</start>
<duration>00:30</duration><title>TITLE</title></event></room></day>"#;
    let text = format!(
        "<schedule><conference><title>Twice</title><time_zone_name>Europe/Berlin\
         </time_zone_name></conference>\n{}\n{}\n</schedule>",
        day.replace("EVENT", "1")
            .replace("GUID", "6a32cb72-a69d-423c-91b5-60d88eb8e6c7")
            .replace("TITLE", "First"),
        day.replace("EVENT", "2")
            .replace("GUID", "7b32cb72-a69d-423c-91b5-60d88eb8e6c7")
            .replace("TITLE", "Second"),
    );
    let parsed = parse_text("twice.xml", &text).expect("parses");
    assert_eq!(
        parsed.data.days.len(),
        1,
        "the day is kept once: {:?}",
        parsed.data.days
    );
    assert!(
        parsed.warnings.iter().any(|w| w
            .message
            .contains("day 2025-03-19 is listed more than once")),
        "and the user is told: {:?}",
        parsed.warnings
    );
    let store = sample_with_bookmarks();
    let report = store
        .import(parsed, &mut |_| {})
        .expect("the store takes it");
    assert_eq!(report.sessions, 2, "both days' sessions are kept");
    assert_eq!(report.rooms, 1, "the room listed in both is kept once");
}
