//! Integration tests: frab/Pentabarf `schedule.xml` on the real files in `shared/data`, and on
//! inline fixtures for the old Pentabarf shapes no real file here has.

use std::collections::HashSet;

use chrono::Timelike;
use plenary_core::import::Parsed;
use plenary_core::model::{Format, Session};

use crate::common;

/// The columns of `shared/data/README.md`.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    days: usize,
    rooms: usize,
    events: usize,
    persons: usize,
    tracks: usize,
    midnight: usize,
    after_day: usize,
}

fn counts(parsed: &Parsed) -> Counts {
    let data = &parsed.data;
    let zone = data.conference.time_zone;
    let local = |s: &Session| zone.localize(s.start);
    Counts {
        days: data.days.len(),
        rooms: data.rooms.len(),
        events: data.sessions.len(),
        persons: data.persons.len(),
        tracks: data
            .sessions
            .iter()
            .filter_map(|s| s.track.as_deref())
            .collect::<HashSet<_>>()
            .len(),
        // "start + duration runs past 24:00", as the README counts it.
        midnight: data
            .sessions
            .iter()
            .filter(|s| {
                let start = local(s);
                i64::from(start.hour() * 60 + start.minute()) + s.duration_minutes() > 24 * 60
            })
            .count(),
        after_day: data
            .sessions
            .iter()
            .filter(|s| local(s).date_naive() > s.day)
            .count(),
    }
}

fn session<'a>(parsed: &'a Parsed, title: &str) -> &'a Session {
    parsed
        .data
        .sessions
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no session titled {title:?}"))
}

/// Start and end as the conference shows them, RFC 3339 with offset.
fn local_times(parsed: &Parsed, s: &Session) -> (String, String) {
    let zone = parsed.data.conference.time_zone;
    (
        zone.localize(s.start).to_rfc3339(),
        zone.localize(s.end).to_rfc3339(),
    )
}

#[test]
fn fosdem_2026_counts_and_fields() {
    let parsed = common::parse("schedules/fosdem-2026.schedule.xml");
    assert_eq!(parsed.format, Format::FrabXml, "detected as frab XML");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(
        counts(&parsed),
        Counts {
            days: 2,
            rooms: 37,
            events: 1079,
            persons: 1216,
            tracks: 71,
            midnight: 0,
            after_day: 0
        },
        "README counts"
    );
    let conference = &parsed.data.conference;
    assert_eq!(conference.title, "FOSDEM 2026", "title");
    assert_eq!(conference.slug, "fosdem-2026", "slug from the acronym");
    assert_eq!(conference.subtitle, None, "empty subtitle is none");
    assert_eq!(
        conference.venue.as_deref(),
        Some("ULB (Université Libre de Bruxelles)"),
        "venue"
    );
    assert_eq!(conference.city.as_deref(), Some("Brussels"), "city");
    assert_eq!(conference.time_zone.name(), "Europe/Brussels", "zone");
    assert_eq!(
        conference.day_change.map(|t| t.to_string()).as_deref(),
        Some("09:00:00"),
        "day_change"
    );
    assert_eq!(conference.timeslot_minutes, Some(5), "00:05:00 timeslot");
    assert_eq!(
        conference.start_date.map(|d| d.to_string()).as_deref(),
        Some("2026-01-31"),
        "start date"
    );
    assert_eq!(
        conference.end_date.map(|d| d.to_string()).as_deref(),
        Some("2026-02-01"),
        "end date"
    );
    assert_eq!(
        conference.url.as_deref(),
        Some("https://fosdem.org/2026/schedule/"),
        "base_url"
    );
    assert_eq!(
        conference.source_format,
        Some(Format::FrabXml),
        "source format"
    );

    assert_eq!(
        parsed.data.tracks.len(),
        71,
        "the <tracks> block lists 71 tracks"
    );
    let avg = parsed
        .data
        .tracks
        .iter()
        .find(|t| t.slug.as_deref() == Some("avg"))
        .expect("track with slug avg");
    assert_eq!(
        avg.name, "Audio, Video & Graphics Creation",
        "entity in track name"
    );

    let day = &parsed.data.days[0];
    assert_eq!(
        day.start.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-01-31T08:00:00+00:00"),
        "day start"
    );
    assert_eq!(
        day.end.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-02-01T07:59:00+00:00"),
        "day end"
    );

    let welcome = session(&parsed, "Welcome to FOSDEM 2026");
    assert_eq!(
        local_times(&parsed, welcome),
        (
            "2026-01-31T09:30:00+01:00".to_string(),
            "2026-01-31T09:50:00+01:00".to_string()
        ),
        "welcome talk times"
    );
    assert_eq!(welcome.room.as_deref(), Some("Janson"), "room");
    assert_eq!(welcome.track.as_deref(), Some("Main Track"), "track");
    assert_eq!(welcome.kind.as_deref(), Some("maintrack"), "kind");
    assert_eq!(welcome.language.as_deref(), Some("en"), "language");
    assert_eq!(
        welcome.slug.as_deref(),
        Some("SFKNTZ-welcome_to_fosdem_2026"),
        "slug"
    );
    assert_eq!(
        welcome.guid.as_deref(),
        Some("9c3ebb8c-7716-5130-b9fe-ff8544f5636d"),
        "guid"
    );
    assert_eq!(welcome.source_id.as_deref(), Some("8376"), "id");
    assert_eq!(
        welcome.abstract_html.as_deref(),
        Some("<p>FOSDEM welcome and opening talk.</p>"),
        "entity-escaped HTML kept as HTML"
    );
    assert_eq!(welcome.speakers, ["id-2", "id-1324"], "speakers in order");
    assert_eq!(welcome.attachments.len(), 1, "one attachment");
    assert_eq!(
        welcome.attachments[0].title, "Talk slides",
        "attachment title"
    );
    assert!(
        welcome.attachments[0].url.ends_with(".pdf"),
        "attachment url {}",
        welcome.attachments[0].url
    );
    assert_eq!(
        welcome.links.len(),
        6,
        "six links; feedback_url is already one of them"
    );
    assert_eq!(
        welcome.links[5].url, "https://pretalx.fosdem.org/fosdem-2026/talk/SFKNTZ/feedback/",
        "feedback link"
    );

    let html = |tag: &str| {
        parsed
            .data
            .sessions
            .iter()
            .filter(|s| s.abstract_html.as_deref().is_some_and(|a| a.contains(tag)))
            .count()
    };
    assert_eq!(html("<p>"), 1078, "FOSDEM abstracts are HTML with <p>");
    assert_eq!(html("<ul>"), 117, "lists in abstracts");

    let richih = parsed
        .data
        .persons
        .iter()
        .find(|p| p.key == "id-1324")
        .expect("person 1324");
    assert!(
        richih
            .bio
            .as_deref()
            .is_some_and(|b| b.starts_with("<p>Richard \"RichiH\" Hartmann is the Director")),
        "bio from the top-level <persons> block: {:?}",
        richih.bio
    );
    let kinds: HashSet<_> = parsed
        .data
        .sessions
        .iter()
        .filter_map(|s| s.kind.as_deref())
        .collect();
    assert_eq!(kinds.len(), 6, "six kinds: {kinds:?}");
}

#[test]
fn ccc_38c3_night_sessions_and_offsets() {
    let parsed = common::parse("schedules/38c3.schedule.xml");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(
        counts(&parsed),
        Counts {
            days: 4,
            rooms: 72,
            events: 1007,
            persons: 571,
            tracks: 7,
            midnight: 26,
            after_day: 58
        },
        "README counts"
    );
    let conference = &parsed.data.conference;
    assert_eq!(conference.time_zone.name(), "Europe/Berlin", "zone");
    assert_eq!(
        conference.start_date.map(|d| d.to_string()).as_deref(),
        Some("2024-12-27"),
        "start given as 09:30+00:00"
    );
    assert_eq!(
        conference.end_date.map(|d| d.to_string()).as_deref(),
        Some("2024-12-30"),
        "end"
    );
    assert_eq!(conference.timeslot_minutes, Some(10), "00:10 timeslot");
    assert_eq!(
        conference.url.as_deref(),
        Some("https://events.ccc.de/congress/2024/hub/"),
        "url"
    );
    let art = &parsed.data.tracks[0];
    assert_eq!(
        (art.name.as_str(), art.slug.as_deref(), art.color.as_deref()),
        ("Art & Beauty", Some("art-beauty"), Some("#F9B000")),
        "tracks from <conference><track .../>"
    );

    let night = session(
        &parsed,
        "Desiring Technology. Über Porno, Abhängigkeit und Fortschritt",
    );
    assert_eq!(
        night.day.to_string(),
        "2024-12-27",
        "filed under the day before its date"
    );
    assert_eq!(
        local_times(&parsed, night).0,
        "2024-12-28T00:15:00+01:00",
        "night start"
    );

    let crossing = session(&parsed, "Operation Mindfuck Vol. 7");
    assert_eq!(
        crossing.day.to_string(),
        "2024-12-27",
        "crossing event's day"
    );
    assert_eq!(
        local_times(&parsed, crossing),
        (
            "2024-12-27T23:50:00+01:00".to_string(),
            "2024-12-28T00:50:00+01:00".to_string()
        ),
        "end = start + duration, past midnight"
    );

    let longest = parsed
        .data
        .sessions
        .iter()
        .map(Session::duration_minutes)
        .max();
    assert_eq!(longest, Some(720), "longest event is 12:00");
    assert_eq!(
        session(&parsed, "Soldering Competition - Day 1").duration_minutes(),
        720,
        "the soldering competition runs 12 hours"
    );
    assert_eq!(
        session(&parsed, "38C3: Opening Ceremony").kind.as_deref(),
        Some("ceremony"),
        "type lower-cased"
    );
    assert_eq!(
        parsed
            .data
            .sessions
            .iter()
            .filter(|s| s.do_not_record)
            .count(),
        25,
        "recording opt-outs"
    );
    assert_eq!(
        parsed
            .data
            .sessions
            .iter()
            .filter(|s| s.speakers.is_empty())
            .count(),
        118,
        "events without persons"
    );
    assert!(
        parsed
            .data
            .sessions
            .iter()
            .any(|s| s.title == "Hitchhiker's Towel-Yoga 🕉️"),
        "emoji titles survive"
    );
}

#[test]
fn ccc_36c3_zone_from_offsets() {
    let parsed = common::parse("schedules/36c3.schedule.xml");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(
        counts(&parsed),
        Counts {
            days: 4,
            rooms: 5,
            events: 162,
            persons: 234,
            tracks: 8,
            midnight: 14,
            after_day: 3
        },
        "README counts"
    );
    let conference = &parsed.data.conference;
    assert_eq!(
        conference.time_zone.name(),
        "+01:00",
        "fixed zone from <date> offsets"
    );
    assert_eq!(conference.acronym.as_deref(), Some("36c3"), "acronym");
    assert_eq!(conference.slug, "36c3", "slug");
    let sim = session(&parsed, "SIM card technology from A-Z");
    assert_eq!(sim.day.to_string(), "2019-12-27", "day");
    assert_eq!(
        local_times(&parsed, sim),
        (
            "2019-12-27T23:30:00+01:00".to_string(),
            "2019-12-28T00:30:00+01:00".to_string()
        ),
        "crosses midnight"
    );
    let messaging = session(&parsed, "What's left for private messaging?");
    assert_eq!(
        local_times(&parsed, messaging).0,
        "2019-12-27T12:50:00+01:00",
        "&#39; decoded in the title"
    );
    assert_eq!(
        parsed
            .data
            .sessions
            .iter()
            .map(|s| s.links.len())
            .sum::<usize>(),
        153,
        "links"
    );
    assert_eq!(
        parsed
            .data
            .sessions
            .iter()
            .map(|s| s.attachments.len())
            .sum::<usize>(),
        52,
        "attachments"
    );
}

#[test]
fn pretalx_good_2025_affiliations_and_legacy_zone() {
    let parsed = common::parse("schedules/good-2025.pretalx.schedule.xml");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(
        counts(&parsed),
        Counts {
            days: 4,
            rooms: 5,
            events: 72,
            persons: 63,
            tracks: 13,
            midnight: 0,
            after_day: 0
        },
        "README counts"
    );
    let conference = &parsed.data.conference;
    assert_eq!(
        conference.time_zone.iana_name(),
        Some("America/New_York"),
        "US/Eastern"
    );
    assert_eq!(conference.acronym.as_deref(), Some("2025"), "bare acronym");
    assert_eq!(
        conference.slug, "good-2025-2025",
        "slug from title + acronym"
    );
    let alan = parsed
        .data
        .persons
        .iter()
        .find(|p| p.key == "id-5")
        .expect("person 5");
    assert_eq!(
        alan.name, "Alan Chalker",
        "the bracketed affiliation is split off the name, as in the JSON import"
    );
    assert_eq!(
        alan.affiliation.as_deref(),
        Some("Ohio Supercomputer Center"),
        "affiliation from the brackets"
    );
    assert_eq!(
        parsed
            .data
            .sessions
            .iter()
            .filter(|s| s.speakers.contains(&"id-5".to_string()))
            .count(),
        5,
        "Alan speaks five times"
    );
    assert_eq!(
        parsed
            .data
            .sessions
            .iter()
            .filter(|s| s.speakers.is_empty())
            .count(),
        14,
        "events without speakers"
    );
    let jam = session(&parsed, "Contributor Jam");
    assert_eq!(
        local_times(&parsed, jam),
        (
            "2025-03-17T13:00:00-04:00".to_string(),
            "2025-03-17T17:00:00-04:00".to_string()
        ),
        "EDT times"
    );
    assert_eq!(
        jam.url.as_deref(),
        Some("https://cfp.openondemand.org//2025/talk/CFEMBK/"),
        "URL kept with its double slash"
    );
    assert_eq!(jam.kind.as_deref(), Some("contributor jam"), "kind");
    assert!(
        jam.description_html
            .as_deref()
            .is_some_and(|d| d.contains("gems\u{2014}and more")),
        "&#8212; decoded: {:?}",
        jam.description_html
    );
}

const PENTABARF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE schedule>
<schedule>
  <conference>
    <title>Old Conf</title>
    <subtitle>Pentabarf era</subtitle>
    <venue>Hall</venue>
    <city>Brussels</city>
    <start>2010-02-06</start>
    <end>2010-02-07</end>
    <days>2</days>
    <release>1.0</release>
    <day_change>04:00</day_change>
    <timeslot_duration>00:15</timeslot_duration>
    <time_zone_name>Europe/Brussels</time_zone_name>
  </conference>
  <day index="1" date="2010-02-06">
    <event id="1">
      <start>10:00</start>
      <duration>01:30</duration>
      <room>Janson</room>
      <tag>keynote</tag>
      <title>Opening</title>
      <track>Keynotes</track>
      <type>Lecture</type>
      <language>en</language>
      <abstract>&lt;p&gt;Hello&lt;/p&gt;</abstract>
      <persons><person id="7">Ada Lovelace</person></persons>
      <links><link href="http://example.org/1">Slides</link></links>
    </event>
    <event id="2">
      <start>23:30</start>
      <duration>1:00</duration>
      <room>Ferrer</room>
      <title>Late night</title>
      <persons><person id="7">Ada Lovelace</person><person id="8">Alan Turing</person></persons>
    </event>
    <event id="3">
      <start>01:30</start>
      <duration>00:30</duration>
      <room>Ferrer</room>
      <title>After midnight</title>
      <do_not_record>true</do_not_record>
    </event>
  </day>
  <day index="2" date="2010-02-07">
    <event id="4">
      <start>09:00:00</start>
      <duration>0:45:00</duration>
      <room>Janson</room>
      <title>Day two</title>
    </event>
    <event id="4">
      <start>11:00</start>
      <duration>00:45</duration>
      <room>Janson</room>
      <title>Same id again</title>
    </event>
  </day>
</schedule>
"#;

#[test]
fn pentabarf_events_without_room_wrapper_or_date() {
    let parsed = common::parse_text("old.xml", PENTABARF).expect("old Pentabarf parses");
    let data = &parsed.data;
    assert_eq!(data.sessions.len(), 5, "five events");
    assert_eq!(data.days.len(), 2, "two days");
    assert_eq!(data.rooms.len(), 2, "rooms from the events' <room>");
    assert_eq!(data.persons.len(), 2, "Ada merged across events");
    assert_eq!(
        data.conference.subtitle.as_deref(),
        Some("Pentabarf era"),
        "subtitle"
    );
    assert_eq!(data.conference.timeslot_minutes, Some(15), "timeslot");

    let opening = session(&parsed, "Opening");
    assert_eq!(
        local_times(&parsed, opening),
        (
            "2010-02-06T10:00:00+01:00".to_string(),
            "2010-02-06T11:30:00+01:00".to_string()
        ),
        "day date + start in the conference zone"
    );
    assert_eq!(opening.room.as_deref(), Some("Janson"), "room from child");
    assert_eq!(opening.kind.as_deref(), Some("lecture"), "kind lower-cased");
    assert_eq!(opening.guid, None, "no guid");
    assert_eq!(opening.key, "id-1", "key from id");
    assert_eq!(
        opening.abstract_html.as_deref(),
        Some("<p>Hello</p>"),
        "HTML"
    );
    assert_eq!(opening.links[0].title, "Slides", "link title");

    let late = session(&parsed, "Late night");
    assert_eq!(
        local_times(&parsed, late),
        (
            "2010-02-06T23:30:00+01:00".to_string(),
            "2010-02-07T00:30:00+01:00".to_string()
        ),
        "crosses midnight"
    );
    assert_eq!(late.speakers, ["id-7", "id-8"], "shared person keys");

    let after = session(&parsed, "After midnight");
    assert_eq!(
        after.day.to_string(),
        "2010-02-06",
        "filed under the first day"
    );
    assert_eq!(
        local_times(&parsed, after).0,
        "2010-02-07T01:30:00+01:00",
        "before day_change 04:00: the next calendar date"
    );
    assert!(after.do_not_record, "do_not_record");

    let two = session(&parsed, "Day two");
    assert_eq!(
        (local_times(&parsed, two).0.as_str(), two.duration_minutes()),
        ("2010-02-07T09:00:00+01:00", 45),
        "HH:MM:SS start, H:MM:SS duration"
    );
    let again = session(&parsed, "Same id again");
    assert_eq!(
        again.key, "id-4~2",
        "duplicate id kept, renamed by finalize"
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("duplicate id")),
        "duplicate id warned: {:?}",
        parsed.warnings
    );
}

#[test]
fn no_zone_and_no_offsets_reads_utc_with_a_warning() {
    let text = r#"<schedule><conference><title>T</title></conference>
<day date="2010-02-06"><event id="1"><start>10:00</start><duration>00:30</duration>
<title>A</title><room>R</room></event></day></schedule>"#;
    let parsed = common::parse_text("bare.xml", text).expect("parses");
    assert_eq!(
        parsed.data.sessions[0].start.to_rfc3339(),
        "2010-02-06T10:00:00+00:00",
        "read as UTC"
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("no time zone")),
        "warned: {:?}",
        parsed.warnings
    );
}

#[test]
fn day_start_acts_as_day_change_when_none_is_given() {
    let text = r#"<schedule><conference><title>T</title>
<time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2019-12-27" start="2019-12-27T10:00:00+01:00" end="2019-12-28T04:00:00+01:00">
<room name="Ada"><event id="1"><start>01:00</start><duration>00:30</duration>
<title>Night</title></event></room></day></schedule>"#;
    let parsed = common::parse_text("night.xml", text).expect("parses");
    let night = &parsed.data.sessions[0];
    assert_eq!(
        local_times(&parsed, night).0,
        "2019-12-28T01:00:00+01:00",
        "01:00 before the day's 10:00 start is the next date"
    );
    assert_eq!(night.room.as_deref(), Some("Ada"), "room from the wrapper");
}

#[test]
fn cdata_unknown_zone_and_empty_elements() {
    let text = r#"<schedule><conference><title>T</title><acronym>t</acronym>
<time_zone_name>Mars/Olympus</time_zone_name></conference>
<day date="2020-01-01" start="2020-01-01T08:00:00+02:00"><room name="R"/><room name="S">
<event id="1"><date>2020-01-01T10:00:00+02:00</date><duration>00:30</duration>
<title>C</title><subtitle/><abstract><![CDATA[<p>Hi & bye</p>]]></abstract>
<persons><person id="1">Ann</person><person id="2"/></persons>
<attachments><attachment type="slides" href="https://x.org/s.pdf"/></attachments>
<feedback_url>https://x.org/feedback</feedback_url>
</event></room></day></schedule>"#;
    let parsed = common::parse_text("cdata.xml", text).expect("parses");
    let c = &parsed.data.sessions[0];
    assert_eq!(
        c.abstract_html.as_deref(),
        Some("<p>Hi & bye</p>"),
        "CDATA kept as is"
    );
    assert_eq!(c.subtitle, None, "empty subtitle");
    assert_eq!(c.speakers, ["id-1"], "the nameless person is dropped");
    assert_eq!(
        c.attachments[0].title, "slides",
        "attachment titled by its type"
    );
    assert_eq!(
        c.links.last().map(|l| (l.url.as_str(), l.title.as_str())),
        Some(("https://x.org/feedback", "Feedback")),
        "feedback_url becomes a link"
    );
    assert_eq!(
        parsed.data.conference.time_zone.name(),
        "+02:00",
        "falls back to offsets"
    );
    assert_eq!(
        parsed
            .data
            .rooms
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["R", "S"],
        "an empty room wrapper still names a room"
    );
    let messages: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("line 2: unknown time zone \"Mars/Olympus\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("line 6: a <person> without a name")),
        "{messages:?}"
    );
}
