//! Integration tests: bad_input. Hostile and malformed `schedule.xml`: every error must name
//! the file, line and column, and nothing dangerous is ever expanded or fetched.

use plenary_core::import::{self, ImportOptions};
use plenary_core::model::Format;
use plenary_core::Error;

use crate::common;

/// Parses `text` as `name`, expecting an error.
fn xml_error(name: &str, text: &str) -> Error {
    match common::parse_text(name, text) {
        Ok(parsed) => panic!(
            "{name} should fail, parsed {} sessions",
            parsed.data.sessions.len()
        ),
        Err(e) => e,
    }
}

/// Asserts the error's message starts with `name:LINE:COL` (or a prefix ending in `:`).
fn assert_at(err: &Error, expected: &str) {
    let text = err.to_string();
    let prefix = if expected.ends_with(':') {
        expected.to_string()
    } else {
        format!("{expected}:")
    };
    assert!(
        text.starts_with(&prefix),
        "expected the message to start with {expected:?}: {text}"
    );
}

const EVENT: &str = r#"<day index="1" date="2019-12-27"><room name="Ada">
<event id="1" guid="6a32cb72-a69d-423c-91b5-60d88eb8e6c7">
<date>2019-12-27T11:00:00+01:00</date>
<start>11:00</start>
<duration>00:30</duration>
<title>Opening</title>
</event></room></day>"#;

#[test]
fn billion_laughs_is_refused() {
    let text = r#"<?xml version="1.0"?>
<!DOCTYPE schedule [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<schedule><conference><title>&lol2;</title></conference></schedule>"#;
    let err = xml_error("laughs.xml", text);
    assert!(matches!(err, Error::Refused { .. }), "{err:?}");
    assert_at(&err, "laughs.xml:2:1");
    assert!(err.to_string().contains("<!ENTITY"), "{err}");
}

#[test]
fn external_entity_is_refused() {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [ <!ENTITY xxe SYSTEM \
                \"file:///etc/passwd\"> ]>\n<schedule><conference><title>&xxe;</title>\
                </conference></schedule>";
    let err = xml_error("xxe.xml", text);
    assert!(matches!(err, Error::Refused { .. }), "{err:?}");
    assert_at(&err, "xxe.xml:2:1");
}

#[test]
fn external_dtd_is_refused() {
    for (name, doctype) in [
        (
            "system.xml",
            r#"<!DOCTYPE schedule SYSTEM "http://example.org/schedule.dtd">"#,
        ),
        (
            "public.xml",
            r#"<!DOCTYPE schedule PUBLIC "-//X//DTD S//EN" "http://example.org/s.dtd">"#,
        ),
    ] {
        let text = format!("<?xml version=\"1.0\"?>\n\n{doctype}\n<schedule/>");
        let err = xml_error(name, &text);
        assert!(matches!(err, Error::Refused { .. }), "{name}: {err:?}");
        assert_at(&err, &format!("{name}:3:1"));
        assert!(err.to_string().contains("external"), "{name}: {err}");
    }
}

#[test]
fn bare_doctype_is_fine() {
    let text =
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule>\n<schedule>{EVENT}</schedule>");
    let parsed = common::parse_text("bare.xml", &text).expect("a bare DOCTYPE is harmless");
    assert_eq!(parsed.data.sessions.len(), 1, "the event is read");
}

#[test]
fn unknown_entity_is_a_syntax_error() {
    let text = "<schedule>\n<conference>\n  <title>Caf&eacute;</title>\n</conference></schedule>";
    let err = xml_error("entity.xml", text);
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "entity.xml:3:13");
    assert!(err.to_string().contains("&eacute;"), "{err}");

    let in_attribute = "<schedule>\n<day date=\"2019-12-27&bogus;\"></day></schedule>";
    let err = xml_error("attr.xml", in_attribute);
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "attr.xml:2:1");
    assert!(err.to_string().contains("&bogus;"), "{err}");
}

#[test]
fn truncated_file_names_what_is_left_open() {
    let whole = format!("<?xml version=\"1.0\"?>\n<schedule>\n{EVENT}\n</schedule>\n");
    let cut = &whole[..whole.find("<duration>").expect("fixture has a duration") + 4];
    let err = xml_error("cut.xml", cut);
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    let message = err.to_string();
    assert_at(&err, "cut.xml:7:1");
    for open in ["<event> (line 4)", "<room> (line 3)", "<schedule> (line 2)"] {
        assert!(message.contains(open), "names {open}: {message}");
    }

    // Cut between tags: the end of the file is the place.
    let cut = &whole[..whole.find("</event>").expect("fixture closes its event")];
    let err = xml_error("cut2.xml", cut);
    assert_at(&err, "cut2.xml:9:1");
    assert!(
        err.to_string()
            .contains("ends unexpectedly with <event> (line 4) in <room>"),
        "{err}"
    );

    // Cut inside an entity reference.
    let err = xml_error("cut3.xml", "<schedule>\n<conference>\n<title>Art &am");
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "cut3.xml:3:12");
    assert!(
        err.to_string()
            .contains("ends unexpectedly with <title> (line 3) in <conference>"),
        "{err}"
    );
}

#[test]
fn truncated_36c3_at_several_offsets() {
    let bytes = common::read("schedules/36c3.schedule.xml");
    let text = String::from_utf8(bytes).expect("36c3 is UTF-8");
    for fraction in [10, 33, 50, 77, 99] {
        let mut cut = text.len() * fraction / 100;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let err = xml_error("36c3-cut.xml", &text[..cut]);
        assert!(matches!(err, Error::Syntax { .. }), "{fraction}%: {err:?}");
        let message = err.to_string();
        assert!(
            message.starts_with("36c3-cut.xml:"),
            "{fraction}%: {message}"
        );
        let Error::Syntax { at, .. } = &err else {
            unreachable!()
        };
        let last_line = u32::try_from(text[..cut].lines().count()).expect("few lines");
        assert!(
            at.line >= 2 && at.line <= last_line,
            "{fraction}%: line {} within 2..={last_line}",
            at.line
        );
        assert!(
            message.contains("ends unexpectedly") && message.contains("<schedule> (line 2)"),
            "{fraction}%: names the open elements: {message}"
        );
    }
}

#[test]
fn mismatched_tags_are_a_syntax_error() {
    let text = "<schedule>\n<conference>\n<title>Conf</conference>\n</schedule>";
    let err = xml_error("mismatch.xml", text);
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "mismatch.xml:3:12");
    let message = err.to_string();
    assert!(
        message.contains("</conference>") && message.contains("<title> opened at line 3"),
        "{message}"
    );

    let stray = "<schedule>\n</conference>\n</schedule>";
    let err = xml_error("stray.xml", stray);
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "stray.xml:2:1");
}

#[test]
fn not_a_schedule_is_unknown_format() {
    // Detection already turns away an HTML page that never mentions <schedule>.
    let err = xml_error("page.html", "<!DOCTYPE html>\n<html><body>Hi</body></html>");
    assert!(matches!(err, Error::UnknownFormat { .. }), "{err:?}");

    // An RSS feed that does mention it gets past detection, and the root element decides.
    let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><schedule>x</schedule>\
               </channel></rss>";
    let err = xml_error("feed.rss", rss);
    assert!(matches!(err, Error::UnknownFormat { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.starts_with("feed.rss: line 2, column 1: the root element is <rss>"),
        "{message}"
    );

    // Forced as XML, a JSON file has no root element at all.
    let mut options = ImportOptions::new("schedule.json");
    options.format = Some(Format::FrabXml);
    let err = import::parse(b"{\"schedule\": {}}", &options).expect_err("JSON is not XML");
    assert!(matches!(err, Error::UnknownFormat { .. }), "{err:?}");
    assert!(err.to_string().contains("line 1, column 1"), "{err}");
}

#[test]
fn control_characters_are_dropped_with_a_warning() {
    let text = "<schedule>\n<conference><title>T</title>\
                <time_zone_name>Europe/Berlin</time_zone_name></conference>\n\
                <day date=\"2019-12-27\"><room name=\"Ada\">\n\
                <event id=\"1\"><date>2019-12-27T11:00:00+01:00</date><duration>00:30</duration>\n\
                <title>Bell\u{7}s and\u{1b} whistles</title>\n\
                <abstract>line one\n\
                line \u{8}two</abstract>\n\
                </event></room></day></schedule>";
    let parsed = common::parse_text("controls.xml", text).expect("recovered");
    let session = &parsed.data.sessions[0];
    assert_eq!(session.title, "Bells and whistles", "controls dropped");
    assert_eq!(
        session.abstract_html.as_deref(),
        Some("line one\nline two"),
        "controls dropped, newline kept"
    );
    let lines: Vec<Option<u32>> = parsed.warnings.iter().map(|w| w.line).collect();
    assert_eq!(
        lines,
        [Some(5), Some(7)],
        "one warning per text, on its line: {:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings[0]
            .message
            .contains("2 control characters (U+0007, U+001B) in <title>"),
        "{}",
        parsed.warnings[0]
    );
}

/// Text the importer does not keep (the whitespace between elements, an element it skips) is
/// not copied, but its control characters are reported all the same.
#[test]
fn control_characters_in_text_that_is_not_kept_are_reported_too() {
    let text = "<schedule>\n<conference><title>T</title>\
                <time_zone_name>Europe/Berlin</time_zone_name></conference>\n\
                <day date=\"2019-12-27\"><room name=\"Ada\">\u{7}\n\
                <event id=\"1\"><date>2019-12-27T11:00:00+01:00</date><duration>00:30</duration>\n\
                <title>Kept</title><not-read>skipped\u{1b}</not-read>\n\
                </event></room></day></schedule>";
    let parsed = common::parse_text("controls.xml", text).expect("recovered");
    assert_eq!(parsed.data.sessions[0].title, "Kept");
    let lines: Vec<Option<u32>> = parsed.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(3), Some(5)], "{:?}", parsed.warnings);
    assert!(
        parsed.warnings[0].message.contains("U+0007")
            && parsed.warnings[1].message.contains("U+001B"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn unusable_required_fields_are_invalid() {
    let event = |start: &str, duration: &str| {
        format!(
            "<schedule>\n<day date=\"2019-12-27\">\n<event id=\"1\">\n<title>T</title>\n\
             <room>R</room>\n  <start>{start}</start>\n  <duration>{duration}</duration>\n\
             </event></day></schedule>"
        )
    };
    let cases = [
        (
            "start.xml",
            event("noon", "00:30"),
            "start.xml:6:3",
            "start",
        ),
        (
            "hours.xml",
            event("25:99", "00:30"),
            "hours.xml:6:3",
            "start",
        ),
        (
            "duration.xml",
            event("10:00", "forever"),
            "duration.xml:7:3",
            "duration",
        ),
        (
            "day.xml",
            "<schedule>\n\n<day date=\"tomorrow\"></day></schedule>".to_string(),
            "day.xml:3:1",
            "day@date",
        ),
        (
            "date.xml",
            "<schedule><day date=\"2019-12-27\"><event>\n<date>27/12/2019 11:00</date>\
             </event></day></schedule>"
                .to_string(),
            "date.xml:2:1",
            "date",
        ),
        (
            "nostart.xml",
            "<schedule><day date=\"2019-12-27\">\n<event id=\"9\"><title>T</title>\
             </event></day></schedule>"
                .to_string(),
            "nostart.xml:2:1",
            "start",
        ),
    ];
    for (name, text, at, field) in cases {
        let err = xml_error(name, &text);
        match &err {
            Error::Invalid { field: f, .. } => assert_eq!(f, field, "{name}: field"),
            other => panic!("{name}: expected Invalid, got {other:?}"),
        }
        assert_at(&err, at);
    }
}

#[test]
fn pathological_nesting_is_refused() {
    let text = format!("<schedule>{}", "<a>".repeat(10_000));
    let err = xml_error("deep.xml", &text);
    assert!(matches!(err, Error::Refused { .. }), "{err:?}");
    assert_at(&err, "deep.xml:1:");
}

#[test]
fn content_after_the_root_is_a_syntax_error() {
    let err = xml_error("two.xml", "<schedule></schedule>\n<schedule></schedule>");
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "two.xml:2:1");
}

#[test]
fn bare_ampersand_is_a_syntax_error() {
    let err = xml_error(
        "amp.xml",
        "<schedule><conference>\n<title>Art & Beauty</title></conference></schedule>",
    );
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert_at(&err, "amp.xml:2:");
}
