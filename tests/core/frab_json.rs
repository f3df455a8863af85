//! frab `schedule.json`: the c3voc 36C3 export and the pretalx GOOD 2025 export, plus the
//! leniencies real producers need (ids as strings, `null` strings, links as plain strings).

use std::collections::HashSet;

use chrono::NaiveDate;
use plenary_core::import::Parsed;
use plenary_core::model::{Format, Session};

use crate::common;

const C36C3: &str = "schedules/36c3.schedule.json";
const GOOD: &str = "schedules/good-2025.pretalx.schedule.json";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is no date"))
}

/// Start and end as RFC 3339 in the conference's zone.
fn times(parsed: &Parsed, session: &Session) -> (String, String) {
    let zone = parsed.data.conference.time_zone;
    (
        zone.localize(session.start).to_rfc3339(),
        zone.localize(session.end).to_rfc3339(),
    )
}

fn by_title<'a>(parsed: &'a Parsed, title: &str) -> &'a Session {
    parsed
        .data
        .sessions
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no session titled {title:?}"))
}

#[test]
fn c3voc_36c3_counts_and_conference() {
    let parsed = common::parse(C36C3);
    assert_eq!(parsed.format, Format::FrabJson, "detected as frab JSON");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let data = &parsed.data;
    assert_eq!(data.sessions.len(), 162, "events");
    assert_eq!(data.persons.len(), 234, "distinct persons");
    assert_eq!(data.tracks.len(), 8, "tracks");
    let rooms: Vec<_> = data.rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        rooms,
        ["Ada", "Borg", "Clarke", "Dijkstra", "Eliza"],
        "rooms in file order"
    );
    let days: Vec<_> = data.days.iter().map(|d| (d.index, d.date)).collect();
    assert_eq!(
        days,
        [
            (1, date(2019, 12, 27)),
            (2, date(2019, 12, 28)),
            (3, date(2019, 12, 29)),
            (4, date(2019, 12, 30))
        ],
        "days"
    );
    let first_day_end = data.days[0].end.expect("day_end parsed");
    assert_eq!(
        first_day_end.to_rfc3339(),
        "2019-12-28T03:00:00+00:00",
        "day_end 04:00+01:00"
    );

    let conference = &data.conference;
    assert_eq!(
        conference.title, "36th Chaos Communication Congress",
        "title"
    );
    assert_eq!(conference.acronym.as_deref(), Some("36c3"), "acronym");
    assert_eq!(conference.slug, "36c3", "slug derived by finalize");
    assert_eq!(
        conference.time_zone.name(),
        "+01:00",
        "no zone named: derived from the offsets"
    );
    assert_eq!(conference.start_date, Some(date(2019, 12, 27)), "start");
    assert_eq!(conference.end_date, Some(date(2019, 12, 30)), "end");
    assert_eq!(conference.timeslot_minutes, Some(10), "timeslot 00:10");
    assert_eq!(
        conference.url.as_deref(),
        Some("https://fahrplan.events.ccc.de/congress/2019/Fahrplan/"),
        "base_url"
    );
    assert_eq!(conference.source_format, Some(Format::FrabJson), "format");
}

#[test]
fn c3voc_36c3_first_event() {
    let parsed = common::parse(C36C3);
    let first = &parsed.data.sessions[0];
    assert_eq!(first.title, "Opening Ceremony", "first event");
    assert_eq!(
        times(&parsed, first),
        (
            "2019-12-27T11:00:00+01:00".to_string(),
            "2019-12-27T11:30:00+01:00".to_string()
        ),
        "start and end"
    );
    assert_eq!(
        first.source_id.as_deref(),
        Some("11223"),
        "numeric id as text"
    );
    assert_eq!(
        first.guid.as_deref(),
        Some("6a32cb72-a69d-423c-91b5-60d88eb8e6c7"),
        "guid"
    );
    assert_eq!(
        first.key, "6a32cb72-a69d-423c-91b5-60d88eb8e6c7",
        "keyed by guid"
    );
    assert_eq!(
        first.slug.as_deref(),
        Some("36c3-11223-opening_ceremony"),
        "slug"
    );
    assert_eq!(first.kind.as_deref(), Some("lecture"), "type");
    assert_eq!(first.language.as_deref(), Some("de"), "language");
    assert_eq!(first.track.as_deref(), Some("CCC"), "track");
    assert_eq!(first.room.as_deref(), Some("Ada"), "room");
    assert_eq!(first.abstract_html.as_deref(), Some("Welcome!"), "abstract");
    assert_eq!(first.subtitle, None, "empty subtitle is none");
    assert_eq!(first.description_html, None, "empty description is none");
    assert_eq!(
        first.speakers,
        ["id-9891", "id-6697"],
        "speakers in billing order"
    );
    let names: Vec<_> = first
        .speakers
        .iter()
        .map(|k| {
            let person = parsed.data.persons.iter().find(|p| &p.key == k);
            person.map(|p| p.name.as_str()).unwrap_or("?")
        })
        .collect();
    assert_eq!(names, ["bleeptrack", "blinry"], "public_name");
}

#[test]
fn c3voc_36c3_night_sessions_stay_on_their_day() {
    let parsed = common::parse(C36C3);
    let zone = parsed.data.conference.time_zone;
    let crossing = parsed
        .data
        .sessions
        .iter()
        .filter(|s| zone.localize(s.end).date_naive() > zone.localize(s.start).date_naive())
        .count();
    assert_eq!(crossing, 14, "events crossing midnight");
    let after_day: Vec<_> = parsed
        .data
        .sessions
        .iter()
        .filter(|s| zone.localize(s.start).date_naive() > s.day)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        after_day,
        ["Hacker Jeopardy", "Chaos Communication Slam", "Hebocon"],
        "night sessions filed under the day before"
    );
    let jeopardy = by_title(&parsed, "Hacker Jeopardy");
    assert_eq!(jeopardy.day, date(2019, 12, 27), "filed under day 1");
    assert_eq!(
        times(&parsed, jeopardy),
        (
            "2019-12-28T00:50:00+01:00".to_string(),
            "2019-12-28T02:50:00+01:00".to_string()
        ),
        "Hacker Jeopardy times"
    );
}

#[test]
fn c3voc_36c3_links_html_and_recording() {
    let parsed = common::parse(C36C3);
    let sessions = &parsed.data.sessions;
    let links: usize = sessions.iter().map(|s| s.links.len()).sum();
    let attachments: usize = sessions.iter().map(|s| s.attachments.len()).sum();
    assert_eq!((links, attachments), (153, 52), "links and attachments");
    let plundervolt = by_title(
        &parsed,
        "Plundervolt: Flipping Bits from Software without Rowhammer",
    );
    assert_eq!(
        plundervolt.links[0].url, "https://plundervolt.com/",
        "link url"
    );
    assert_eq!(plundervolt.links[0].title, "Website", "link title");
    assert_eq!(
        plundervolt.attachments[0].url, "/attachments/original/missing.png",
        "relative attachment kept as given"
    );
    assert_eq!(plundervolt.attachments[0].title, "Presentation Slides");

    let sim = by_title(&parsed, "SIM card technology from A-Z");
    let description = sim.description_html.as_deref().unwrap_or_default();
    assert!(
        description.starts_with("<p>Today, billions of subscribers use SIM cards"),
        "HTML kept as given: {description:.80}"
    );
    let with_html = sessions
        .iter()
        .filter(|s| {
            s.description_html
                .as_deref()
                .is_some_and(|d| d.contains("<p>"))
        })
        .count();
    assert!(with_html >= 10, "many descriptions keep <p>: {with_html}");

    let not_recorded = sessions.iter().filter(|s| s.do_not_record).count();
    assert_eq!(not_recorded, 5, "do_not_record");
    assert!(
        by_title(&parsed, "Die Mittelmeer-Monologe").do_not_record,
        "a known unrecorded event"
    );
}

#[test]
fn pretalx_good_2025_counts_and_zone() {
    let parsed = common::parse(GOOD);
    assert_eq!(parsed.format, Format::FrabJson, "detected as frab JSON");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let data = &parsed.data;
    assert_eq!(data.sessions.len(), 72, "events");
    assert_eq!(data.days.len(), 4, "days");
    assert_eq!(data.persons.len(), 63, "persons");
    assert_eq!(data.tracks.len(), 13, "tracks");
    let rooms: Vec<_> = data.rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        rooms,
        [
            "Tsai Auditorium (CGIS S010)",
            "Belfer Case Study Room (CGIS S020)",
            "Lee Conference Room (CGIS S030)",
            "Kang Conference Room (CGIS S050)",
            "CGIS Concourse"
        ],
        "rooms in the order pretalx lists them"
    );
    let conference = &data.conference;
    assert_eq!(conference.title, "GOOD 2025", "title");
    assert_eq!(conference.acronym.as_deref(), Some("2025"), "bare acronym");
    assert_eq!(conference.time_zone.name(), "US/Eastern", "zone as written");
    assert_eq!(
        conference.time_zone.iana_name(),
        Some("America/New_York"),
        "legacy alias"
    );
    assert_eq!(conference.timeslot_minutes, Some(5), "timeslot");
    assert_eq!(
        conference.url.as_deref(),
        Some("https://cfp.openondemand.org/2025/schedule/"),
        "base_url"
    );
    let without_speakers = data
        .sessions
        .iter()
        .filter(|s| s.speakers.is_empty())
        .count();
    assert_eq!(without_speakers, 14, "events without speakers");
    let not_recorded = data.sessions.iter().filter(|s| s.do_not_record).count();
    assert_eq!(not_recorded, 3, "do_not_record");
    let keys: HashSet<_> = data.persons.iter().map(|p| p.key.as_str()).collect();
    for session in &data.sessions {
        for speaker in &session.speakers {
            assert!(keys.contains(speaker.as_str()), "{speaker} is a person");
        }
    }
}

#[test]
fn pretalx_good_2025_events_and_affiliations() {
    let parsed = common::parse(GOOD);
    let first = &parsed.data.sessions[0];
    assert_eq!(first.title, "Contributor Jam", "first event");
    assert_eq!(
        times(&parsed, first),
        (
            "2025-03-17T13:00:00-04:00".to_string(),
            "2025-03-17T17:00:00-04:00".to_string()
        ),
        "start and end"
    );
    assert_eq!(
        first.kind.as_deref(),
        Some("contributor jam"),
        "type lower-cased"
    );
    assert_eq!(first.day, date(2025, 3, 17), "day");
    assert_eq!(
        first.url.as_deref(),
        Some("https://cfp.openondemand.org/2025/talk/CFEMBK/"),
        "url"
    );
    assert!(
        first
            .description_html
            .as_deref()
            .is_some_and(|d| d.contains("What to bring | Your laptop, fully charged\r\n")),
        "description kept with its CRLFs"
    );

    let ern = by_title(
        &parsed,
        "ERN CryoEM Federated Remote Instrument Access Pilot Project",
    );
    assert_eq!(
        times(&parsed, ern).0,
        "2025-03-19T15:00:00-04:00",
        "ERN start"
    );
    assert_eq!(ern.duration_minutes(), 25, "ERN length");
    assert_eq!(ern.track.as_deref(), Some("Platform Track"), "ERN track");
    assert!(ern.do_not_record, "ERN is not recorded");

    let alan = parsed
        .data
        .persons
        .iter()
        .find(|p| p.key == "id-5")
        .expect("person 5");
    assert_eq!(alan.name, "Alan Chalker", "bracket split off the name");
    assert_eq!(
        alan.affiliation.as_deref(),
        Some("Ohio Supercomputer Center"),
        "affiliation from the bracket"
    );
    let christian = parsed
        .data
        .persons
        .iter()
        .find(|p| p.name == "Christian Bustelo")
        .expect("Christian Bustelo");
    assert_eq!(christian.affiliation, None, "no bracket, no affiliation");
    assert!(
        christian
            .bio
            .as_deref()
            .is_some_and(|b| b.starts_with("Christian is an HPC Engineer")),
        "biography"
    );
    let with_affiliation = parsed
        .data
        .persons
        .iter()
        .filter(|p| p.affiliation.is_some())
        .count();
    assert_eq!(with_affiliation, 62, "all but one name carry a bracket");
    let alan_sessions = parsed
        .data
        .sessions
        .iter()
        .filter(|s| s.speakers.iter().any(|k| k == "id-5"))
        .count();
    assert_eq!(alan_sessions, 5, "Alan Chalker speaks five times");
}

/// What real producers write beyond the schema: string ids, `null` strings and lists, links as
/// bare URLs, persons with only `name`, a `day_change`, an unknown extra field.
#[test]
fn lenient_types_and_derived_zone() {
    let text = r##"{"schedule": {"version": "x", "conference": {
        "acronym": "demo", "title": null, "start": "2026-01-31", "end": "2026-01-31",
        "day_change": "09:00", "timeslot_duration": "00:05:00",
        "tracks": [{"name": "Rust", "slug": "rust", "color": "#c00"}],
        "days": [{"index": 1, "date": "2026-01-31",
          "day_start": "2026-01-31T09:00:00+02:00", "day_end": "2026-02-01T03:00:00+02:00",
          "rooms": {"Zeta": [{"id": "a-7", "guid": null, "date": "2026-01-31T23:30:00+02:00",
              "start": "23:30", "duration": "1:00", "title": "Late  talk", "type": "Workshop",
              "abstract": "<b>bold</b>", "links": ["https://example.org/x", {"url": null}],
              "attachments": null, "persons": [{"name": "Ada [Analytical Engines]"}, "Bob"],
              "do_not_record": "true", "answers": [{"q": 1}]}],
            "Alpha": [{"id": 8, "date": null, "start": "00:15", "duration": "00:30",
              "title": "After midnight", "room": "Alpha", "track": "Rust", "persons": null}]}}]}}}"##;
    let parsed = common::parse_text("demo.json", text).expect("lenient JSON parses");
    assert_eq!(parsed.format, Format::FrabJson, "detected");
    let data = &parsed.data;
    assert_eq!(
        data.conference.title, "demo",
        "null title falls back to acronym"
    );
    assert_eq!(
        data.conference.time_zone.name(),
        "+02:00",
        "zone from offsets"
    );
    assert_eq!(
        data.conference.day_change.map(|t| t.to_string()).as_deref(),
        Some("09:00:00"),
        "day_change"
    );
    assert_eq!(
        data.conference.timeslot_minutes,
        Some(5),
        "HH:MM:SS timeslot"
    );
    let rooms: Vec<_> = data.rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        rooms,
        ["Zeta", "Alpha"],
        "room order of the file, not sorted"
    );
    assert_eq!(
        data.tracks[0].color.as_deref(),
        Some("#c00"),
        "listed track kept"
    );

    let late = &data.sessions[0];
    assert_eq!(late.title, "Late talk", "whitespace collapsed");
    assert_eq!(late.source_id.as_deref(), Some("a-7"), "string id");
    assert_eq!(late.guid, None, "null guid");
    assert_eq!(late.kind.as_deref(), Some("workshop"), "kind lower-cased");
    assert_eq!(late.room.as_deref(), Some("Zeta"), "room from the key");
    assert_eq!(
        late.abstract_html.as_deref(),
        Some("<b>bold</b>"),
        "HTML kept"
    );
    assert_eq!(
        late.links.len(),
        1,
        "bare URL kept, URL-less object dropped"
    );
    assert_eq!(late.links[0].url, "https://example.org/x", "bare URL");
    assert!(late.do_not_record, "\"true\" as a flag");
    assert_eq!(late.duration_minutes(), 60, "H:MM duration");
    let names: Vec<_> = data.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Bob"], "persons from name and bare string");
    assert_eq!(
        data.persons[0].affiliation.as_deref(),
        Some("Analytical Engines"),
        "affiliation"
    );

    let after = &data.sessions[1];
    assert_eq!(after.source_id.as_deref(), Some("8"), "numeric id");
    assert_eq!(
        data.conference.time_zone.localize(after.start).to_rfc3339(),
        "2026-02-01T00:15:00+02:00",
        "no date: placed after midnight, since 00:15 is before the day starts"
    );
    assert_eq!(after.day, date(2026, 1, 31), "filed under its day");
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("no usable `date`")),
        "{:?}",
        parsed.warnings
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("without a URL")),
        "{:?}",
        parsed.warnings
    );
}
