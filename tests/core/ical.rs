//! iCalendar: the pretalx GOOD 2025 export (CRLF, folded lines, `TZID=US/Eastern` with a
//! VTIMEZONE), its agreement with the JSON export of the same programme, and the RFC 5545
//! forms schedules use: UTC, floating and whole-day times, DURATION, escapes and HTML.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use plenary_core::import::{self, ImportOptions, Parsed};
use plenary_core::model::{Format, Session};

use crate::common;

const GOOD_ICS: &str = "schedules/good-2025.pretalx.schedule.ics";
const GOOD_JSON: &str = "schedules/good-2025.pretalx.schedule.json";

fn start_end(parsed: &Parsed, session: &Session) -> (String, String) {
    let zone = parsed.data.conference.time_zone;
    (
        zone.localize(session.start).to_rfc3339(),
        zone.localize(session.end).to_rfc3339(),
    )
}

fn by_uid<'a>(parsed: &'a Parsed, code: &str) -> &'a Session {
    let uid = format!("pretalx-2025-{code}@cfp.openondemand.org");
    parsed
        .data
        .sessions
        .iter()
        .find(|s| s.guid.as_deref() == Some(&uid))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

/// The pretalx submission code, the one key the ICS (UID) and JSON (URL) share.
fn code_from_url(url: &str) -> Option<String> {
    let rest = url.split("/talk/").nth(1)?;
    Some(rest.trim_end_matches('/').to_string())
}

fn code_from_uid(uid: &str) -> Option<String> {
    let rest = uid.strip_prefix("pretalx-2025-")?;
    Some(rest.split('@').next()?.to_string())
}

/// A small calendar around `events`, in the shape most producers write.
fn calendar(head: &str, events: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//plenary//EN\r\n{head}{events}END:VCALENDAR\r\n"
    )
}

#[test]
fn good_2025_counts() {
    let parsed = common::parse(GOOD_ICS);
    assert_eq!(parsed.format, Format::Ical, "detected as iCalendar");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let data = &parsed.data;
    assert_eq!(data.sessions.len(), 72, "VEVENTs");
    assert_eq!(data.rooms.len(), 5, "distinct LOCATIONs");
    let days: Vec<_> = data.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(
        days,
        ["2025-03-17", "2025-03-18", "2025-03-19", "2025-03-20"],
        "four start dates"
    );
    let conference = &data.conference;
    assert_eq!(
        conference.title, "good-2025",
        "no X-WR-CALNAME: from the file name"
    );
    assert_eq!(conference.slug, "good-2025", "slug");
    assert_eq!(
        conference.time_zone.name(),
        "US/Eastern",
        "most common TZID"
    );
    assert_eq!(
        conference.time_zone.iana_name(),
        Some("America/New_York"),
        "legacy TZID maps to New York"
    );
    assert_eq!(conference.source_format, Some(Format::Ical), "format");
    assert_eq!(
        conference.start_date,
        NaiveDate::from_ymd_opt(2025, 3, 17),
        "first day"
    );
    let uids: HashSet<_> = data.sessions.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(uids.len(), 72, "every UID distinct");
}

#[test]
fn good_2025_first_event_unfolded_and_unescaped() {
    let parsed = common::parse(GOOD_ICS);
    let first = &parsed.data.sessions[0];
    assert_eq!(
        first.guid.as_deref(),
        Some("pretalx-2025-RXCFVB@cfp.openondemand.org"),
        "UID"
    );
    assert_eq!(first.source_id, first.guid, "UID is also the source id");
    assert_eq!(
        first.title,
        "Contributor Jam (Breakout Sessions) - Emily Moffat Sadeghi [Ohio Supercomputer \
         Center], Travis Ravert [Ohio Supercomputer Center]",
        "SUMMARY unfolded across the cut in 'Su|percomputer', \\, unescaped, speakers not split"
    );
    assert_eq!(
        start_end(&parsed, first),
        (
            "2025-03-17T13:00:00-04:00".to_string(),
            "2025-03-17T17:00:00-04:00".to_string()
        ),
        "DTSTART/DTEND with TZID=US/Eastern"
    );
    assert_eq!(
        first.start.to_rfc3339(),
        "2025-03-17T17:00:00+00:00",
        "instant"
    );
    assert_eq!(
        first.room.as_deref(),
        Some("Kang Conference Room (CGIS S050)"),
        "LOCATION"
    );
    assert_eq!(
        first.url.as_deref(),
        Some("https://cfp.openondemand.org/2025/talk/RXCFVB/"),
        "URL"
    );
    assert_eq!(
        first.description_html.as_deref(),
        Some("Room for optional breakout sessions"),
        "DESCRIPTION"
    );
    assert_eq!(
        first.day,
        NaiveDate::from_ymd_opt(2025, 3, 17).expect("date"),
        "day"
    );
}

#[test]
fn good_2025_escapes_and_titles_with_dashes() {
    let parsed = common::parse(GOOD_ICS);
    let scaling = by_uid(&parsed, "BNEEB3");
    assert_eq!(
        scaling.title,
        "Scaling up OOD - a sysadmin's perspective - Simon Westersund [CSC - IT Center for \
         Science]",
        "a title with ' - ' inside is kept whole"
    );
    let description = scaling.description_html.as_deref().unwrap_or_default();
    assert!(
        description.starts_with(
            "A walk-through of concrete issues and performance improvements\nwhich CSC"
        ),
        "\\n became a newline: {description:.90}"
    );
    assert!(
        description.contains("potential pitfalls, as well as quirks"),
        "\\, became a comma"
    );
    let guide = by_uid(&parsed, "RPVAEC");
    assert_eq!(
        guide.title, "Governance Working Group - User Guide",
        "the dangling ' - ' of a speakerless pretalx SUMMARY is dropped"
    );
    assert_eq!(
        start_end(&parsed, guide).0,
        "2025-03-20T14:00:00-04:00",
        "last event's start"
    );
}

/// GOOD 2025: the ICS and JSON exports describe the same 72 events at the same instants.
#[test]
fn good_2025_same_instants_as_json() {
    let ics = common::parse(GOOD_ICS);
    let json = common::parse(GOOD_JSON);
    let json_by_code: HashMap<String, &Session> = json
        .data
        .sessions
        .iter()
        .filter_map(|s| Some((code_from_url(s.url.as_deref()?)?, s)))
        .collect();
    assert_eq!(
        json_by_code.len(),
        72,
        "every JSON event has a code in its URL"
    );
    let mut matched = 0;
    for event in &ics.data.sessions {
        let code = event
            .guid
            .as_deref()
            .and_then(code_from_uid)
            .unwrap_or_else(|| panic!("UID of {:?}", event.title));
        let twin = json_by_code
            .get(&code)
            .unwrap_or_else(|| panic!("{code} is not in the JSON"));
        assert_eq!(event.start, twin.start, "{code}: start");
        assert_eq!(event.end, twin.end, "{code}: end");
        assert_eq!(event.room, twin.room, "{code}: room");
        assert_eq!(event.day, twin.day, "{code}: day");
        assert!(
            event
                .title
                .starts_with(twin.title.split_whitespace().next().unwrap_or("")),
            "{code}: {:?} vs {:?}",
            event.title,
            twin.title
        );
        matched += 1;
    }
    assert_eq!(matched, 72, "all 72 events matched");
}

#[test]
fn lf_line_endings_read_like_crlf() {
    let crlf = String::from_utf8(common::read(GOOD_ICS)).expect("UTF-8");
    let lf = crlf.replace("\r\n", "\n");
    assert!(!lf.contains('\r'), "no CR left");
    let from_crlf = common::parse(GOOD_ICS);
    let from_lf = common::parse_text(GOOD_ICS, &lf).expect("LF file parses");
    assert_eq!(
        from_lf.data, from_crlf.data,
        "same data whatever the line endings"
    );
}

#[test]
fn html_description_is_kept() {
    let text = calendar(
        "",
        "BEGIN:VEVENT\r\nUID:1@test\r\nDTSTART:20260131T090000Z\r\nDTEND:20260131T093000Z\r\n\
         SUMMARY:Rich\r\nDESCRIPTION:<p>Hello <b>world</b>\\, and <a href=\"https://a.org\">\r\n \
         link</a></p>\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:2@test\r\nDTSTART:20260131T100000Z\r\nDURATION:PT1H\r\n\
         SUMMARY:Alt\r\nDESCRIPTION:plain\r\nX-ALT-DESC;FMTTYPE=text/html:<i>rich</i>\r\n\
         END:VEVENT\r\n",
    );
    let parsed = common::parse_text("rich.ics", &text).expect("parses");
    assert_eq!(
        parsed.data.sessions[0].description_html.as_deref(),
        Some("<p>Hello <b>world</b>, and <a href=\"https://a.org\">link</a></p>"),
        "HTML in DESCRIPTION kept as given"
    );
    assert_eq!(
        parsed.data.sessions[1].description_html.as_deref(),
        Some("<i>rich</i>"),
        "X-ALT-DESC text/html preferred"
    );
    assert_eq!(parsed.data.sessions[1].duration_minutes(), 60, "DURATION");
}

#[test]
fn time_forms_and_calendar_properties() {
    let text = calendar(
        "X-WR-CALNAME:Demo Conf\\, 2026\r\nX-WR-TIMEZONE:Europe/Brussels\r\n",
        "BEGIN:VEVENT\r\nUID:utc\r\nDTSTART:20260131T080000Z\r\nDTEND:20260131T090000Z\r\n\
         SUMMARY:UTC\r\nCATEGORIES:Rust\\, Go,Other\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:floating\r\nDTSTART:20260131T100000\r\nDTEND:20260131T1030\r\n\
         SUMMARY:Floating\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:legacy\r\nDTSTART;TZID=\"US/Eastern\":20260201T090000\r\n\
         DURATION:P1DT30M\r\nSUMMARY:Legacy\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:allday\r\nDTSTART;VALUE=DATE:20260201\r\nSUMMARY:All day\r\n\
         END:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:slash\r\nDTSTART;TZID=/Asia/Shanghai:20260201T090000\r\n\
         SUMMARY:Slash\r\nRRULE:FREQ=DAILY;COUNT=2\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n\
         END:VALARM\r\nEND:VEVENT\r\n",
    );
    let parsed = common::parse_text("x.ics", &text).expect("parses");
    let data = &parsed.data;
    assert_eq!(data.conference.title, "Demo Conf, 2026", "X-WR-CALNAME");
    assert_eq!(
        data.conference.time_zone.name(),
        "Europe/Brussels",
        "X-WR-TIMEZONE"
    );
    let instants: Vec<_> = data
        .sessions
        .iter()
        .map(|s| (s.start.to_rfc3339(), s.end.to_rfc3339()))
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        instants,
        [
            pair("2026-01-31T08:00:00+00:00", "2026-01-31T09:00:00+00:00"),
            pair("2026-01-31T09:00:00+00:00", "2026-01-31T09:30:00+00:00"),
            pair("2026-02-01T14:00:00+00:00", "2026-02-02T14:30:00+00:00"),
            pair("2026-01-31T23:00:00+00:00", "2026-02-01T23:00:00+00:00"),
            pair("2026-02-01T01:00:00+00:00", "2026-02-01T01:00:00+00:00"),
        ],
        "UTC; floating in X-WR-TIMEZONE; legacy TZID + DURATION; whole day in the \
         conference zone; a '/'-prefixed TZID with no end"
    );
    assert_eq!(
        data.sessions[0].track.as_deref(),
        Some("Rust, Go"),
        "first category"
    );
    let days: Vec<_> = data.sessions.iter().map(|s| s.day.to_string()).collect();
    assert_eq!(
        days,
        [
            "2026-01-31",
            "2026-01-31",
            "2026-02-01",
            "2026-02-01",
            "2026-02-01"
        ],
        "local dates in Brussels"
    );
    let messages: Vec<_> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("CANCELLED"), "{messages:?}");
    assert!(messages[1].contains("RRULE"), "{messages:?}");
}

#[test]
fn floating_without_zone_is_utc_with_a_warning() {
    let text = calendar(
        "",
        "BEGIN:VEVENT\r\nDTSTART:20260131T100000\r\nSUMMARY:A\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nDTSTART:20260131T110000\r\nSUMMARY:B\r\nEND:VEVENT\r\n",
    );
    let parsed = common::parse_text("f.ics", &text).expect("parses");
    assert_eq!(
        parsed.data.conference.time_zone.name(),
        "UTC",
        "no zone anywhere"
    );
    assert_eq!(
        parsed.data.sessions[0].start.to_rfc3339(),
        "2026-01-31T10:00:00+00:00",
        "read as UTC"
    );
    assert_eq!(parsed.warnings.len(), 1, "one warning, not one per event");
    assert_eq!(parsed.warnings[0].line, Some(5), "{:?}", parsed.warnings);
}

#[test]
fn vtimezone_only_zone_becomes_a_fixed_offset() {
    let text = calendar(
        "BEGIN:VTIMEZONE\r\nTZID:Custom Standard Time\r\nBEGIN:DAYLIGHT\r\n\
         TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19700329T020000\r\nEND:DAYLIGHT\r\n\
         BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\n\
         END:STANDARD\r\nEND:VTIMEZONE\r\n\
         BEGIN:VTIMEZONE\r\nTZID:Berlin-ish\r\nX-LIC-LOCATION:Europe/Berlin\r\nEND:VTIMEZONE\r\n",
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Custom Standard Time:20260131T100000\r\n\
         SUMMARY:Custom\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Custom Standard Time:20260131T110000\r\n\
         SUMMARY:Custom 2\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=Berlin-ish:20260731T100000\r\n\
         SUMMARY:Located\r\nEND:VEVENT\r\n",
    );
    let parsed = common::parse_text("tz.ics", &text).expect("parses");
    let data = &parsed.data;
    assert_eq!(
        data.conference.time_zone.name(),
        "+01:00",
        "most common TZID, fixed"
    );
    assert_eq!(
        data.sessions[0].start.to_rfc3339(),
        "2026-01-31T09:00:00+00:00",
        "STANDARD's TZOFFSETTO +0100"
    );
    assert_eq!(
        data.sessions[2].start.to_rfc3339(),
        "2026-07-31T08:00:00+00:00",
        "X-LIC-LOCATION names a real zone, with summer time"
    );
    assert_eq!(
        parsed.warnings.len(),
        1,
        "one warning per zone: {:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings[0].message.contains("Custom Standard Time"),
        "{:?}",
        parsed.warnings
    );
}

/// A producer folding at exactly 75 bytes can cut a character in two; the file is still read.
#[test]
fn fold_inside_a_multibyte_character() {
    let mut bytes = calendar("", "").into_bytes();
    let tail = bytes.split_off(bytes.len() - "END:VCALENDAR\r\n".len());
    bytes.extend_from_slice(b"BEGIN:VEVENT\r\nDTSTART:20260131T100000Z\r\nSUMMARY:Caf\xc3\r\n \xa9 \xe4\xb8\r\n \xad\xe6\x96\x87\r\nLOCATION:Salle\r\n  B\r\nEND:VEVENT\r\n");
    bytes.extend(tail);
    let parsed = import::parse(&bytes, &ImportOptions::new("cut.ics")).expect("mended and read");
    let session = &parsed.data.sessions[0];
    assert_eq!(session.title, "Café 中文", "both cut characters rejoined");
    assert_eq!(
        session.room.as_deref(),
        Some("Salle B"),
        "only one space is the fold"
    );

    let mut broken = calendar("", "").into_bytes();
    broken.splice(17..17, b"X-BAD:\xff\r\n".iter().copied());
    let err = import::parse(&broken, &ImportOptions::new("bad.ics")).expect_err("invalid UTF-8");
    assert_eq!(
        err.kind(),
        "encoding",
        "a bad byte that is not a cut is still refused: {err}"
    );
}
