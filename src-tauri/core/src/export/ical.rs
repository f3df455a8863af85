//! iCalendar (RFC 5545) out: one VEVENT per session, times in UTC, text escaped and lines folded
//! at 75 octets without splitting a UTF-8 character.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::http_uri;
use crate::model::{ConferenceData, Person, Session};
use crate::text::{digest, html_to_text};

/// The longest a content line may be, in octets, excluding its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Writes `data` as a VCALENDAR.
///
/// DTSTAMP is the latest session end (else the conference's first day), not the clock: the same
/// data gives the same bytes, and it still moves forward when the programme grows.
pub fn write(data: &ConferenceData) -> String {
    let conf = &data.conference;
    let stamp = data
        .sessions
        .iter()
        .map(|s| s.end)
        .max()
        .or_else(|| {
            conf.start_date
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc())
        })
        .unwrap_or_default();
    let mut sessions: Vec<&Session> = data.sessions.iter().collect();
    sessions.sort_by(|a, b| (a.start, &a.title, &a.key).cmp(&(b.start, &b.title, &b.key)));

    let persons: HashMap<&str, &Person> =
        data.persons.iter().map(|p| (p.key.as_str(), p)).collect();

    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Plenary//Plenary//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(&conf.title)));
    if let Some(zone) = conf.time_zone.iana_name() {
        line(&mut out, &format!("X-WR-TIMEZONE:{zone}"));
    }
    for session in sessions {
        event(&mut out, data, &persons, session, stamp);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(
    out: &mut String,
    data: &ConferenceData,
    persons: &HashMap<&str, &Person>,
    s: &Session,
    stamp: DateTime<Utc>,
) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", escape(&uid(data, s))));
    line(out, &format!("DTSTAMP:{}", utc(stamp)));
    line(out, &format!("DTSTART:{}", utc(s.start)));
    // A zero-length or inverted session gets no DTEND: RFC 5545 wants DTEND after DTSTART, and
    // without one the event ends when it starts.
    if s.end > s.start {
        line(out, &format!("DTEND:{}", utc(s.end)));
    }
    line(out, &format!("SUMMARY:{}", escape(&s.title)));
    if let Some(room) = &s.room {
        line(out, &format!("LOCATION:{}", escape(room)));
    }
    let description = description(persons, s);
    if !description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", escape(&description)));
    }
    if let Some(url) = s.url.as_deref().and_then(http_uri) {
        line(out, &format!("URL:{url}"));
    }
    if let Some(track) = &s.track {
        line(out, &format!("CATEGORIES:{}", escape(track)));
    }
    line(out, "END:VEVENT");
}

/// The session's guid when it is a UUID (unique everywhere by construction), else
/// `{key}@{conference}.plenary`. Both are stable across exports, so a calendar that imports
/// the file again updates its events instead of duplicating them.
fn uid(data: &ConferenceData, s: &Session) -> String {
    let guid = s.guid.as_deref().map(str::trim);
    if let Some(guid) = guid.filter(|g| uuid::Uuid::parse_str(g).is_ok()) {
        return guid.to_string();
    }
    let key = if s.key.is_empty() {
        digest(&[&s.title, &s.start.to_rfc3339()])
    } else {
        s.key.clone()
    };
    format!("{key}@{}.plenary", data.conference.slug)
}

/// Plain text for DESCRIPTION: the other-language title, the speakers, the abstract and the
/// description, and which facts are illustrative rather than reported.
fn description(persons: &HashMap<&str, &Person>, s: &Session) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(other) = &s.other_title {
        parts.push(other.clone());
    }
    let names: Vec<&str> = s
        .speakers
        .iter()
        .filter_map(|key| persons.get(key.as_str()))
        .map(|p| p.name.as_str())
        .collect();
    if !names.is_empty() {
        parts.push(format!("Speakers: {}", names.join(", ")));
    }
    let abstract_text = s.abstract_html.as_deref().map(html_to_text);
    let description_text = s.description_html.as_deref().map(html_to_text);
    parts.extend(abstract_text.clone());
    if description_text != abstract_text {
        parts.extend(description_text);
    }
    if !s.provenance.illustrative.is_empty() {
        parts.push(format!(
            "Illustrative, not reported: {}",
            s.provenance.illustrative.join(", ")
        ));
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n\n")
}

/// A DATE-TIME in UTC form, `YYYYMMDDTHHMMSSZ`.
fn utc(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11). Line breaks of any kind become `\n`; other control
/// characters, which TEXT may not hold, are dropped.
pub fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded: after 75 octets a CRLF and a space start the next
/// physical line. A character is never split, so every physical line is valid UTF-8.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_every_special() {
        assert_eq!(escape("a\\b;c,d\r\ne\rf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape("x\u{7}y"), "xy", "control characters dropped");
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "会".repeat(40)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}", "会".repeat(40)));
    }
}
