//! frab XML export: valid against the strict c3voc XSD (checked with xmllint), identifiers as
//! documented, text escaped so that a parser gets the original strings back.

use std::process::Command;

use plenary_core::export::frab_xml;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::{derived_session_guid, hostile, report_missing_tool, sample, NIGHT_GUID};
use crate::common::data_dir;

/// Runs `xmllint --schema` on `xml`. `None` when xmllint is missing (and not on CI);
/// otherwise whether it validated, and what it printed.
fn xmllint(xml: &str) -> Option<(bool, String)> {
    let schema = data_dir().join("spec/schedule.xml.xsd");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("schedule.xml");
    std::fs::write(&file, xml).expect("write temp file");
    let output = match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&file)
        .output()
    {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report_missing_tool("xmllint", "libxml2-utils");
            return None;
        }
        Err(e) => panic!("cannot run xmllint: {e}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Some((output.status.success(), stderr))
}

/// The text of every element called `name`, unescaped, in document order.
fn texts(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    let mut inside = false;
    let mut current = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == name => {
                inside = true;
                current.clear();
            }
            Event::Text(t) if inside => {
                current.push_str(&t.xml_content(XmlVersion::Implicit1_0));
            }
            Event::GeneralRef(r) if inside => {
                let entity = format!("&{};", &*r);
                current.push_str(&quick_xml::escape::unescape(&entity).expect("known entity"));
            }
            Event::End(e) if e.name().as_ref() == name => {
                inside = false;
                found.push(current.clone());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// The values of attribute `attr` on every `element`, in document order.
fn attrs(xml: &str, element: &str, attr: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                if let Some(a) = e.try_get_attribute(attr).expect("attribute parses") {
                    found.push(
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .expect("decodes")
                            .into_owned(),
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

#[test]
fn frab_xml_validates_against_the_strict_xsd() {
    let xml = frab_xml::write(&sample());
    let Some((valid, stderr)) = xmllint(&xml) else {
        return;
    };
    assert!(valid, "xmllint rejected the export:\n{stderr}\n{xml}");
}

#[test]
fn frab_xml_validation_catches_a_mangled_guid() {
    let xml = frab_xml::write(&sample());
    let mangled = xml.replacen(&NIGHT_GUID.to_ascii_lowercase(), "not-a-uuid", 1);
    assert_ne!(mangled, xml, "the night session's guid is in the export");
    let Some((valid, stderr)) = xmllint(&mangled) else {
        return;
    };
    assert!(!valid, "a guid that is no UUID must fail the XSD");
    assert!(
        stderr.contains("not-a-uuid"),
        "xmllint names the bad value:\n{stderr}"
    );
}

#[test]
fn frab_xml_identifiers_follow_the_documented_rules() {
    let xml = frab_xml::write(&sample());
    assert_eq!(
        attrs(&xml, "event", "id"),
        vec!["4711", "12", "4712", "4713"],
        "numeric unique source ids kept; others numbered after the largest, in data order"
    );
    assert_eq!(
        attrs(&xml, "event", "guid"),
        vec![
            NIGHT_GUID.to_ascii_lowercase(),
            derived_session_guid("id-12"),
            derived_session_guid("id-abc"),
            derived_session_guid("t-forum"),
        ],
        "UUID guids normalised; others UUID v5 of conference slug and key"
    );
    assert_eq!(
        texts(&xml, "slug"),
        vec![
            "ptc_2025-4711-night-hack",
            "ptc_2025-12-closing",
            "ptc_2025-4712-q-a-rust-safety",
            "ptc_2025-4713-the-future-of-ai-and-robots",
        ],
        "a valid source slug is kept, a pretalx code replaced, a Chinese title uses other_title"
    );
    assert_eq!(texts(&xml, "acronym"), vec!["ptc_2025"]);
    assert_eq!(texts(&xml, "time_zone_name"), vec!["Asia/Shanghai"]);
}

#[test]
fn frab_xml_groups_days_and_rooms_with_local_times() {
    let xml = frab_xml::write(&sample());
    assert_eq!(attrs(&xml, "day", "index"), vec!["1", "2"]);
    assert_eq!(attrs(&xml, "day", "date"), vec!["2025-07-26", "2025-07-27"]);
    assert_eq!(
        attrs(&xml, "day", "start"),
        vec!["2025-07-26T09:00:00+08:00", "2025-07-27T10:00:00+08:00"],
        "the source's day start; else the first event"
    );
    assert_eq!(
        attrs(&xml, "day", "end"),
        vec!["2025-07-27T03:00:00+08:00", "2025-07-27T16:30:00+08:00"]
    );
    assert_eq!(
        attrs(&xml, "room", "name"),
        vec!["Main Hall", "Main Hall", "Room B 会议室"],
        "day 2 lists Main Hall first (room order) though Room B starts earlier"
    );
    assert_eq!(
        texts(&xml, "date")[0],
        "2025-07-26T22:30:00+08:00",
        "midnight-crossing event in local time"
    );
    assert_eq!(
        texts(&xml, "start"),
        vec!["2025-07-26", "22:30", "16:00", "10:00", "14:00"],
        "conference start date, then local event starts"
    );
    assert_eq!(
        texts(&xml, "duration"),
        vec!["03:00", "00:30", "00:45", "01:30"]
    );
    assert_eq!(
        texts(&xml, "optout"),
        vec!["false", "true", "false", "false"]
    );
}

#[test]
fn frab_xml_escapes_text_and_keeps_html_as_text() {
    let data = sample();
    let xml = frab_xml::write(&data);
    assert!(
        xml.contains("<title>Q&amp;A: &lt;Rust&gt; &amp; Safety</title>"),
        "title escaped"
    );
    assert!(
        xml.contains("&lt;p&gt;Fish &amp;amp; Chips"),
        "abstract HTML written as escaped text, as frab does"
    );
    let s = &data.sessions;
    assert_eq!(
        texts(&xml, "title"),
        vec![
            data.conference.title.clone(),
            s[0].title.clone(),
            s[3].title.clone(),
            s[1].title.clone(),
            s[2].title.clone()
        ],
        "a parser gets the original titles back; day 1, then day 2 in room order"
    );
    let abstracts = texts(&xml, "abstract");
    assert!(
        abstracts.contains(data.sessions[1].abstract_html.as_ref().expect("fixture")),
        "a parser gets the original HTML back: {abstracts:?}"
    );
    assert_eq!(
        texts(&xml, "person"),
        vec![
            "Ada Lovelace",
            "Grace Hopper",
            "Ada Lovelace",
            "张三",
            "Ada Lovelace"
        ],
        "speakers in billing order; Ada shared by three sessions"
    );
    assert_eq!(
        attrs(&xml, "person", "id"),
        vec!["101", "101", "101"],
        "only numeric source ids become person@id"
    );
    assert_eq!(
        attrs(&xml, "link", "href"),
        vec![
            "https://example.org/slides.pdf",
            "/system/attachments/1/notes.txt"
        ],
        "the XSD allows relative hrefs"
    );
    assert_eq!(
        texts(&xml, "url"),
        vec![
            "https://example.org/ptc/",
            "https://example.org/ptc/night%20hack",
            "https://example.org/talk/q&a"
        ],
        "conference url, then event urls as URIs"
    );
}

#[test]
fn frab_xml_stays_valid_with_hostile_input() {
    let xml = frab_xml::write(&hostile());
    for bad in ['\u{1}', '\u{b}', '\u{fffe}'] {
        assert!(!xml.contains(bad), "{bad:?} cannot appear in XML 1.0");
    }
    assert!(!xml.contains("javascript:"), "no javascript: URL passed on");
    assert!(!xml.contains("data:text"), "no data: link passed on");
    assert_eq!(
        attrs(&xml, "event", "id"),
        vec!["1", "2", "3", "4"],
        "4711 twice, one id over 2^53, one not numeric: all numbered in data order"
    );
    let Some((valid, stderr)) = xmllint(&xml) else {
        return;
    };
    assert!(
        valid,
        "xmllint rejected the hostile export:\n{stderr}\n{xml}"
    );
}
