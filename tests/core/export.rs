//! Integration tests: exports. The fixture is built from model types directly, so these tests
//! do not depend on any importer; each exporter has its own module below.
// Test helpers panic on purpose: a failed read or parse is a failed test.
#![allow(clippy::expect_used)]

mod csv;
mod frab_json;
mod frab_xml;
mod ical;

use std::io::Write as _;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use plenary_core::model::{
    Conference, ConferenceData, Day, Exhibitor, Link, Person, Product, Provenance, Room, Session,
    Track, Zone,
};

/// The conference slug of [`sample`], used in derived UIDs and UUIDs.
pub const SLUG: &str = "plenary-test-2025";

/// The guid of the midnight-crossing session, as the source wrote it (upper case).
pub const NIGHT_GUID: &str = "6F0B4C1E-8A2D-4E7B-9C3A-1D2E3F405162";

/// A Shanghai instant as UTC.
pub fn cst(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(y, mo, d, h, mi, 0).single())
        .expect("valid time")
        .with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn person(key: &str, source_id: Option<&str>, guid: Option<&str>, name: &str) -> Person {
    Person {
        key: key.into(),
        source_id: source_id.map(Into::into),
        guid: guid.map(Into::into),
        name: name.into(),
        ..Person::default()
    }
}

/// Four sessions over two days in Shanghai, chosen for what exporters get wrong:
/// 1. `night`: crosses midnight (22:30–01:30), has a UUID guid in upper case, a numeric id, a
///    valid slug, commas and semicolons in its title, one absolute and one relative link;
/// 2. `qa`: HTML abstract with `&`, `<` and entities, an invalid guid, a non-numeric id and a
///    pretalx-style slug the schemas reject;
/// 3. `forum`: no guid, no id, a long Chinese title (folding) and Chinese abstract;
/// 4. `closing`: no speakers, no URL, illustrative time and room, opted out of recording.
///
/// Ada Lovelace speaks in `night`, `qa` and `forum`; 张三 in `forum`.
pub fn sample() -> ConferenceData {
    let ada = person("id-101", Some("101"), None, "Ada Lovelace");
    let grace = person(
        "grace",
        None,
        Some("0b7f2a8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b"),
        "Grace Hopper",
    );
    let zhang = person("n-张三", None, None, "张三");
    let night = Session {
        key: NIGHT_GUID.to_ascii_lowercase(),
        source_id: Some("4711".into()),
        guid: Some(NIGHT_GUID.into()),
        slug: Some("ptc_2025-4711-night-hack".into()),
        title: "Night Hack, Part 1; Bring Laptops".into(),
        kind: Some("workshop".into()),
        language: Some("en".into()),
        start: cst(2025, 7, 26, 22, 30),
        end: cst(2025, 7, 27, 1, 30),
        day: date(2025, 7, 26),
        room: Some("Main Hall".into()),
        track: Some("Robotics".into()),
        abstract_html: Some("<p>Hack through the night.</p>".into()),
        url: Some("https://example.org/ptc/night hack".into()),
        links: vec![
            Link {
                url: "https://example.org/slides.pdf".into(),
                title: "Slides".into(),
            },
            Link {
                url: "/system/attachments/1/notes.txt".into(),
                title: "Notes".into(),
            },
        ],
        speakers: vec!["id-101".into(), "grace".into()],
        ..Session::default()
    };
    let qa = Session {
        key: "id-abc".into(),
        source_id: Some("abc".into()),
        guid: Some("not-a-uuid".into()),
        slug: Some("SFKNTZ-q_and_a".into()),
        title: "Q&A: <Rust> & Safety".into(),
        subtitle: Some("Ask \"anything\"".into()),
        kind: Some("talk".into()),
        start: cst(2025, 7, 27, 10, 0),
        end: cst(2025, 7, 27, 10, 45),
        day: date(2025, 7, 27),
        room: Some("Room B 会议室".into()),
        track: Some("AI & Society".into()),
        abstract_html: Some(
            "<p>Fish &amp; Chips, and 1 &lt; 2; also a < b.</p><p>Second \\ paragraph.</p>".into(),
        ),
        description_html: Some("<p>Longer text</p>".into()),
        url: Some("https://example.org/talk/q&a".into()),
        speakers: vec!["id-101".into()],
        ..Session::default()
    };
    let forum = Session {
        key: "t-forum".into(),
        title: "人工智能与机器人的未来：开放式圆桌讨论与产业合作发展前景展望".into(),
        other_title: Some("The Future of AI and Robots".into()),
        kind: Some("forum".into()),
        language: Some("zh".into()),
        start: cst(2025, 7, 27, 14, 0),
        end: cst(2025, 7, 27, 15, 30),
        day: date(2025, 7, 27),
        room: Some("Room B 会议室".into()),
        abstract_html: Some("<p>探讨人工智能、机器人；以及未来, 合作。</p>".into()),
        speakers: vec!["n-张三".into(), "id-101".into()],
        ..Session::default()
    };
    let closing = Session {
        key: "id-12".into(),
        source_id: Some("12".into()),
        title: "Closing".into(),
        start: cst(2025, 7, 27, 16, 0),
        end: cst(2025, 7, 27, 16, 30),
        day: date(2025, 7, 27),
        room: Some("Main Hall".into()),
        do_not_record: true,
        provenance: Provenance {
            sources: vec![],
            illustrative: vec!["start".into(), "room".into()],
        },
        ..Session::default()
    };
    ConferenceData {
        conference: Conference {
            slug: SLUG.into(),
            title: "Plenary Test Conference, 2025 & Friends".into(),
            acronym: Some("PTC-2025".into()),
            time_zone: Zone::parse("Asia/Shanghai").expect("known zone"),
            start_date: Some(date(2025, 7, 26)),
            end_date: Some(date(2025, 7, 27)),
            url: Some("https://example.org/ptc/".into()),
            ..Conference::default()
        },
        days: vec![
            Day {
                index: 1,
                date: date(2025, 7, 26),
                start: Some(cst(2025, 7, 26, 9, 0)),
                end: Some(cst(2025, 7, 27, 3, 0)),
            },
            Day {
                index: 2,
                date: date(2025, 7, 27),
                start: None,
                end: None,
            },
        ],
        rooms: vec![
            Room {
                name: "Main Hall".into(),
                ..Room::default()
            },
            Room {
                name: "Room B 会议室".into(),
                ..Room::default()
            },
        ],
        tracks: vec![
            Track {
                name: "AI & Society".into(),
                slug: Some("ai-society".into()),
                color: Some("#aabbcc".into()),
            },
            Track {
                name: "Robotics".into(),
                slug: Some("Robotics!".into()),
                color: Some("blue".into()),
            },
        ],
        persons: vec![ada, grace, zhang],
        sessions: vec![night, qa, forum, closing],
        exhibitors: exhibitors(),
        ..ConferenceData::default()
    }
}

/// [`sample`] with what real sources throw at exporters: control characters, `]]>` and U+FFFE
/// in text, markup in a room name, `javascript:` URLs, a duplicated guid, numeric id and slug,
/// an id too large for JSON, an inverted time range, a punctuation-only title, a room-less
/// session, a too-short acronym and a fixed-offset time zone.
pub fn hostile() -> ConferenceData {
    let mut data = sample();
    data.conference.time_zone = Zone::parse("+01:00").expect("offset");
    data.conference.acronym = Some("C3".into());
    data.conference.url = Some("javascript:alert(1)".into());
    data.tracks.push(Track {
        name: "Ctrl\u{1} track".into(),
        ..Track::default()
    });
    let s = &mut data.sessions;
    s[0].title = "Bad\u{1}\u{b} chars ]]> \u{fffe} 😀 — ".repeat(4);
    s[0].room = Some("\"Quoted\" <room> & 'apostrophe'\nline".into());
    s[0].url = Some("javascript:alert(1)".into());
    s[0].links.push(Link {
        url: "data:text/html,<script>alert(1)</script>".into(),
        title: "x".into(),
    });
    s[1].guid = s[0].guid.clone();
    s[1].source_id = Some("99999999999999999999".into());
    s[1].end = s[1].start - chrono::TimeDelta::minutes(5);
    s[2].slug = s[0].slug.clone();
    s[2].title = "!!!".into();
    s[2].other_title = None;
    s[3].room = None;
    s[3].source_id = Some("4711".into());
    data
}

fn exhibitors() -> Vec<Exhibitor> {
    vec![
        Exhibitor {
            key: "evil".into(),
            name: "=cmd|' /C calc'!A0".into(),
            hall: Some("-1F".into()),
            booths: vec!["A1".into(), "B2".into()],
            country: Some("+86".into()),
            website: Some("@example".into()),
            description: Some("<p>Says \"hi\", twice;\nthen leaves.</p>".into()),
            ..Exhibitor::default()
        },
        Exhibitor {
            key: "unitree".into(),
            name: "Unitree Robotics".into(),
            other_name: Some("宇树科技".into()),
            hall: Some("H1".into()),
            booths: vec!["H1-A01".into()],
            country: Some("China".into()),
            categories: vec!["Robotics".into(), "Embodied AI".into()],
            website: Some("https://www.unitree.com".into()),
            products: vec![
                Product {
                    name: "G1".into(),
                    ..Product::default()
                },
                Product {
                    name: "H1".into(),
                    ..Product::default()
                },
            ],
            ..Exhibitor::default()
        },
    ]
}

/// The UUID v5 the frab exporters derive for a session without a usable guid, as documented in
/// docs/formats/export.md.
pub fn derived_session_guid(key: &str) -> String {
    let name = format!("plenary:{SLUG}/session/{key}");
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
        .hyphenated()
        .to_string()
}

/// For a validator tool that is not installed: fails on CI (`CI` set), else says so loudly so
/// the caller can skip its check.
pub fn report_missing_tool(tool: &str, package: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is not on PATH: install {package}"
    );
    // Straight to the process's stderr: libtest captures `eprintln!` of passing tests, and a
    // skipped validation must not go unnoticed.
    let _ = writeln!(
        std::io::stderr(),
        "\n!!! SKIPPED: {tool} is not on PATH; install {package} to run this check !!!\n"
    );
}
