//! Bad frab JSON and iCalendar input: every failure names the file, the line and what is wrong.

use plenary_core::{Error, Location};

use crate::common;

/// The error of parsing `text` as file `name`, which must fail.
fn fail(name: &str, text: &str) -> Error {
    match common::parse_text(name, text) {
        Ok(parsed) => panic!(
            "{name} should fail, parsed {} sessions",
            parsed.data.sessions.len()
        ),
        Err(e) => e,
    }
}

/// Kind, location and message of a located error.
fn located(err: &Error) -> (&'static str, Location, String) {
    match err {
        Error::Syntax { at, message } => ("syntax", at.clone(), message.clone()),
        Error::Invalid { at, field, message } => {
            ("invalid", at.clone(), format!("{field}: {message}"))
        }
        other => panic!("expected a located error, got {other:?}"),
    }
}

const GOOD_ICS: &str = "schedules/good-2025.pretalx.schedule.ics";

fn good_ics() -> String {
    String::from_utf8(common::read(GOOD_ICS)).unwrap_or_else(|e| panic!("{GOOD_ICS}: {e}"))
}

#[test]
fn json_syntax_error_names_line_and_column() {
    let err = fail(
        "cut.json",
        "{\"schedule\": {\"conference\": {\n  \"title\": \"x\",\n  \"days\": [",
    );
    let (kind, at, message) = located(&err);
    assert_eq!(kind, "syntax", "{err}");
    assert_eq!((at.file.as_str(), at.line), ("cut.json", 3), "{err}");
    assert!(at.column >= 10, "column at the cut: {err}");
    assert!(message.contains("EOF"), "serde_json's reason kept: {err}");

    let err = fail(
        "comma.json",
        "{\"schedule\": {\"conference\": {\"days\": [],}}}",
    );
    let (kind, at, _) = located(&err);
    assert_eq!(
        (kind, at.line, at.column),
        ("syntax", 1, 41),
        "trailing comma: {err}"
    );
}

#[test]
fn json_that_is_not_a_schedule() {
    let err = fail("five.json", "{\"schedule\": 5}");
    let (kind, at, message) = located(&err);
    assert_eq!((kind, at.line), ("syntax", 1), "{err}");
    assert!(
        message.contains("a `schedule` object holding a `conference`"),
        "says what was expected: {err}"
    );

    let err = fail("noconf.json", "{\n\"schedule\": {\"version\": \"1\"}}");
    let (kind, at, message) = located(&err);
    assert_eq!((kind, at.line), ("invalid", 2), "{err}");
    assert!(
        message.starts_with("schedule.conference: "),
        "names the field: {err}"
    );
    assert!(message.contains("no `conference`"), "{err}");

    let err = plenary_core::import::parse(
        b"{\"generator\": {}}",
        &plenary_core::import::ImportOptions {
            format: Some(plenary_core::model::Format::FrabJson),
            ..plenary_core::import::ImportOptions::new("forced.json")
        },
    )
    .expect_err("no schedule");
    let (kind, _, message) = located(&err);
    assert_eq!(kind, "invalid", "{err}");
    assert!(message.contains("no top-level `schedule`"), "{err}");

    let err = fail(
        "days.json",
        "{\"schedule\": {\"conference\": {\"days\": {\"a\": 1}}}}",
    );
    assert_eq!(located(&err).0, "syntax", "days must be a list: {err}");
}

#[test]
fn json_event_with_an_unreadable_date() {
    let text =
        "{\"schedule\": {\"conference\": {\"title\": \"T\", \"days\": [{\"rooms\": {\"R\": [\n\
                {\"guid\": \"g-1\", \"title\": \"Broken\",\n\"date\": \"31/01/2026 10:00\"}]}}]}}}";
    let err = fail("date.json", text);
    let (kind, at, message) = located(&err);
    assert_eq!(
        (kind, at.line),
        ("invalid", 3),
        "line of the bad value: {err}"
    );
    assert!(message.starts_with("date: "), "names the field: {err}");
    assert!(
        message.contains("\"31/01/2026 10:00\""),
        "quotes the value: {err}"
    );
    assert!(message.contains("Broken"), "names the event: {err}");
}

#[test]
fn ics_dtend_before_dtstart() {
    let text = good_ics().replacen(
        "DTEND;TZID=US/Eastern:20250317T170000",
        "DTEND;TZID=US/Eastern:20250317T120000",
        1,
    );
    let err = fail("ends.ics", &text);
    let (kind, at, message) = located(&err);
    assert_eq!((kind, at.line), ("invalid", 38), "the DTEND line: {err}");
    assert!(message.starts_with("DTEND: "), "names the field: {err}");
    assert!(
        message.contains("2025-03-17T12:00:00-04:00") && message.contains("before it starts"),
        "{err}"
    );

    let negative =
        good_ics().replacen("DTEND;TZID=US/Eastern:20250317T170000", "DURATION:-PT1H", 1);
    let (kind, at, message) = located(&fail("neg.ics", &negative));
    assert_eq!((kind, at.line), ("invalid", 38), "negative DURATION");
    assert!(message.starts_with("DURATION: "), "{message}");
}

#[test]
fn ics_line_that_is_not_a_content_line() {
    let text = good_ics().replacen("LOCATION:Kang", "LOCATION Kang", 1);
    let err = fail("line.ics", &text);
    let (kind, at, message) = located(&err);
    assert_eq!((kind, at.line, at.column), ("syntax", 41, 9), "{err}");
    assert!(message.contains("NAME[;PARAM=VALUE]:VALUE"), "{err}");

    let unclosed = good_ics().replacen("DTSTART;TZID=US/Eastern:", "DTSTART;TZID=\"US/Eastern:", 1);
    let (kind, at, message) = located(&fail("quote.ics", &unclosed));
    assert_eq!((kind, at.line), ("syntax", 37), "unclosed quote: {message}");
}

#[test]
fn ics_begin_end_mismatch_and_truncation() {
    let text = good_ics().replacen("END:VEVENT", "END:VTODO", 1);
    let err = fail("mismatch.ics", &text);
    let (kind, at, message) = located(&err);
    assert_eq!((kind, at.line), ("syntax", 45), "the END line: {err}");
    assert_eq!(
        message, "END:VTODO does not close BEGIN:VEVENT from line 35",
        "{err}"
    );

    let whole = good_ics();
    let cut = &whole[..whole.len() / 2];
    let err = fail("cut.ics", cut);
    let (kind, at, message) = located(&err);
    assert_eq!(kind, "syntax", "{err}");
    assert_eq!(
        at.line,
        cut.matches('\n').count() as u32 + 1,
        "at the end: {err}"
    );
    assert!(message.contains("truncated"), "{err}");

    let no_end = whole.replace("END:VCALENDAR\r\n", "");
    let (kind, _, message) = located(&fail("noend.ics", &no_end));
    assert_eq!(kind, "syntax", "{message}");
    assert!(
        message.contains("inside BEGIN:VCALENDAR from line 1") && message.contains("END:VCALENDAR"),
        "{message}"
    );

    let stray = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n";
    let (kind, at, _) = located(&fail("stray.ics", stray));
    assert_eq!((kind, at.line), ("syntax", 3), "END without BEGIN");
}

#[test]
fn ics_unknown_tzid_without_vtimezone() {
    let whole = good_ics();
    let start = whole.find("BEGIN:VTIMEZONE").expect("has a VTIMEZONE");
    let end = whole.find("END:VTIMEZONE\r\n").expect("closed") + "END:VTIMEZONE\r\n".len();
    let text = format!("{}{}", &whole[..start], &whole[end..]).replacen(
        "TZID=US/Eastern",
        "TZID=Mars/Olympus_Mons",
        1,
    );
    let err = fail("tz.ics", &text);
    let (kind, at, message) = located(&err);
    assert_eq!((kind, at.line), ("invalid", 6), "the DTSTART line: {err}");
    assert!(message.starts_with("DTSTART: "), "names the field: {err}");
    assert!(
        message.contains("\"Mars/Olympus_Mons\""),
        "names the TZID: {err}"
    );

    let legacy_only = format!("{}{}", &whole[..start], &whole[end..]);
    let parsed = common::parse_text("no-vtimezone.ics", &legacy_only).expect("US/Eastern is known");
    assert_eq!(
        parsed.data.sessions.len(),
        72,
        "a known TZID needs no VTIMEZONE"
    );
}

#[test]
fn ics_unreadable_values() {
    let text = good_ics().replacen("20250317T130000", "2025-03-17 13:00", 1);
    let (kind, at, message) = located(&fail("value.ics", &text));
    assert_eq!((kind, at.line), ("invalid", 37), "{message}");
    assert!(
        message.contains("\"2025-03-17 13:00\""),
        "quotes the value: {message}"
    );

    let text = good_ics().replacen(
        "DTEND;TZID=US/Eastern:20250317T170000",
        "DURATION:1 hour",
        1,
    );
    let (kind, at, message) = located(&fail("dur.ics", &text));
    assert_eq!((kind, at.line), ("invalid", 38), "{message}");
    assert!(message.starts_with("DURATION: "), "{message}");
}
