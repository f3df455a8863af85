//! iCalendar export: line format (CRLF, folding at 75 octets on character boundaries), TEXT
//! escaping that survives unfolding, and one VEVENT per session with the right values.

use plenary_core::export::ical;

use super::{hostile, sample, NIGHT_GUID, SLUG};

/// The logical lines of a calendar: unfolded (RFC 5545 §3.1), split on CRLF.
fn unfold(calendar: &str) -> Vec<String> {
    calendar
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// TEXT unescaping, the inverse of RFC 5545 §3.3.11.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => panic!("dangling backslash in {value:?}"),
        }
    }
    out
}

/// The raw (still escaped) values of `property` in each VEVENT, in order.
fn values(lines: &[String], property: &str) -> Vec<String> {
    let prefix = format!("{property}:");
    let mut in_event = false;
    let mut found = Vec::new();
    for line in lines {
        match line.as_str() {
            "BEGIN:VEVENT" => in_event = true,
            "END:VEVENT" => in_event = false,
            _ if in_event => found.extend(line.strip_prefix(&prefix).map(str::to_string)),
            _ => {}
        }
    }
    found
}

#[test]
fn ical_lines_are_crlf_and_at_most_75_octets() {
    let calendar = ical::write(&sample());
    assert!(calendar.ends_with("END:VCALENDAR\r\n"), "ends with CRLF");
    let bytes = calendar.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert_eq!(
                bytes.get(i.wrapping_sub(1)),
                Some(&b'\r'),
                "bare LF at byte {i}"
            );
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let physical: Vec<&str> = calendar.split("\r\n").filter(|l| !l.is_empty()).collect();
    for line in &physical {
        assert!(
            line.len() <= ical::MAX_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
    }
    let folded = physical.iter().filter(|l| l.starts_with(' ')).count();
    assert!(
        folded >= 3,
        "the fixture's long lines must be folded, got {folded} continuations"
    );
}

#[test]
fn ical_folding_keeps_utf8_characters_whole() {
    let calendar = ical::write(&sample());
    for line in calendar.as_bytes().split(|&b| b == b'\n') {
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a fold split a character: {line:?}"
        );
    }
    let forum_title = &sample().sessions[2].title;
    let lines = unfold(&calendar);
    let summaries = values(&lines, "SUMMARY");
    assert_eq!(
        unescape(&summaries[2]),
        *forum_title,
        "Chinese title survives folding"
    );
    let raw_lines = calendar
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:人工智能"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .count();
    assert!(
        raw_lines >= 2,
        "a {}-octet title needs folding, spans {raw_lines} lines",
        forum_title.len()
    );
}

#[test]
fn ical_one_vevent_per_session_with_escaped_values() {
    let data = sample();
    let lines = unfold(&ical::write(&data));
    let begins = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
    let ends = lines.iter().filter(|l| *l == "END:VEVENT").count();
    assert_eq!((begins, ends), (4, 4), "one VEVENT per session");
    for header in [
        "VERSION:2.0",
        "PRODID:-//Plenary//Plenary//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Plenary Test Conference\\, 2025 & Friends",
        "X-WR-TIMEZONE:Asia/Shanghai",
    ] {
        assert!(lines.iter().any(|l| l == header), "missing {header}");
    }

    let summaries = values(&lines, "SUMMARY");
    assert_eq!(
        summaries[0], "Night Hack\\, Part 1\\; Bring Laptops",
        "comma and semicolon escaped"
    );
    let titles: Vec<String> = summaries.iter().map(|s| unescape(s)).collect();
    let expected: Vec<&str> = data.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, expected, "sessions in start order, titles unescape");

    assert_eq!(
        values(&lines, "UID"),
        vec![
            NIGHT_GUID.to_string(),
            "id-abc@plenary-test-2025.plenary".to_string(),
            format!("t-forum@{SLUG}.plenary"),
            format!("id-12@{SLUG}.plenary"),
        ],
        "the guid when it is a UUID, else key@slug.plenary"
    );
    assert_eq!(
        values(&lines, "DTSTART")[0],
        "20250726T143000Z",
        "22:30 Shanghai in UTC"
    );
    assert_eq!(
        values(&lines, "DTEND")[0],
        "20250726T173000Z",
        "01:30 next day in Shanghai, in UTC"
    );
    let stamps = values(&lines, "DTSTAMP");
    assert!(
        stamps.iter().all(|s| s == "20250727T083000Z"),
        "DTSTAMP is the latest end: {stamps:?}"
    );
    assert_eq!(
        values(&lines, "LOCATION"),
        vec!["Main Hall", "Room B 会议室", "Room B 会议室", "Main Hall"]
    );
    assert_eq!(
        values(&lines, "CATEGORIES"),
        vec!["Robotics", "AI & Society"],
        "only sessions with a track"
    );
    assert_eq!(
        values(&lines, "URL"),
        vec![
            "https://example.org/ptc/night%20hack",
            "https://example.org/talk/q&a"
        ],
        "URLs are URIs, not escaped TEXT"
    );

    let descriptions: Vec<String> = values(&lines, "DESCRIPTION")
        .iter()
        .map(|d| unescape(d))
        .collect();
    assert_eq!(descriptions.len(), 4, "every session has a description");
    assert_eq!(
        descriptions[0],
        "Speakers: Ada Lovelace, Grace Hopper\n\nHack through the night."
    );
    assert_eq!(
        descriptions[1],
        "Speakers: Ada Lovelace\n\nFish & Chips, and 1 < 2; also a < b.\nSecond \\ paragraph.\n\n\
         Longer text",
        "HTML turned into plain text, entities decoded"
    );
    assert!(
        descriptions[2].starts_with("The Future of AI and Robots\n\nSpeakers: 张三, Ada Lovelace"),
        "{:?}",
        descriptions[2]
    );
    assert_eq!(
        descriptions[3], "Illustrative, not reported: start, room",
        "illustrative facts are flagged"
    );
}

#[test]
fn ical_is_deterministic_and_exports_only_given_sessions() {
    let mut data = sample();
    assert_eq!(
        ical::write(&data),
        ical::write(&data),
        "same data, same bytes"
    );
    data.sessions.retain(|s| s.key == "t-forum");
    let lines = unfold(&ical::write(&data));
    assert_eq!(
        lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
        1,
        "an agenda exports only its sessions"
    );
    assert_eq!(values(&lines, "DTSTAMP"), vec!["20250727T073000Z"]);
}

#[test]
fn ical_stays_valid_with_hostile_input() {
    let calendar = ical::write(&hostile());
    for line in calendar.split("\r\n") {
        assert!(line.len() <= ical::MAX_LINE_OCTETS, "{line:?}");
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "control character in {line:?}"
        );
    }
    assert!(
        !calendar.contains("javascript:"),
        "no javascript: URL passed on"
    );
    let lines = unfold(&calendar);
    assert_eq!(
        values(&lines, "DTEND").len(),
        3,
        "the inverted session gets no DTEND"
    );
    assert!(
        values(&lines, "LOCATION").contains(&"\"Quoted\" <room> & 'apostrophe'\\nline".to_string()),
        "newline in a room escaped"
    );
}
