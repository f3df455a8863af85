//! iCalendar (RFC 5545): each `VEVENT` becomes a session.
//!
//! A small parser of our own: schedules use a narrow slice of the format (no recurrence, no
//! alarms), and owning the unfolding lets us report lines and repair folds that cut a UTF-8
//! character in two. pretalx writes speakers into the `SUMMARY` (`Title - Speaker [Org]`); that
//! is kept as the title, because titles contain ` - ` too and no split is reliable.

mod component;
mod lines;
mod time;

use std::path::Path;

use chrono::Duration;

use self::component::Component;
use self::lines::text_list;
use self::time::{tzid_key, When, Zones};
use crate::error::Result;
use crate::import::Source;
use crate::model::{Conference, ConferenceData, Format, Link, Session, Warning, Zone};
use crate::text::{clean, non_blank};

pub use self::lines::mend_split_characters;

/// Parses an iCalendar file.
pub fn parse(source: &Source<'_>, warnings: &mut Vec<Warning>) -> Result<ConferenceData> {
    let calendars = component::calendars(source, lines::content_lines(source)?)?;
    let property = |name: &str| calendars.iter().find_map(|c| c.get(name));

    let mut floating = None;
    if let Some(name) = property("X-WR-TIMEZONE") {
        floating = Zone::parse(&name.text());
        if floating.is_none() {
            warnings.push(Warning {
                line: Some(source.at(name.offset).line),
                message: format!("X-WR-TIMEZONE {:?} is not a known time zone", name.text()),
            });
        }
    }
    let mut zones = Zones::new(&calendars, floating);
    let events: Vec<&Component> = calendars
        .iter()
        .flat_map(|c| c.children("VEVENT"))
        .collect();
    let time_zone = match floating {
        Some(zone) => zone,
        None => most_common_zone(source, &events, &mut zones, warnings)?,
    };

    let title = property("X-WR-CALNAME")
        .and_then(|p| clean(&p.text()))
        .or_else(|| title_from_file(source.file))
        .or_else(|| property("PRODID").and_then(|p| title_from_prodid(&p.text())))
        .unwrap_or_else(|| "Calendar".to_string());
    let mut data = ConferenceData {
        conference: Conference {
            title,
            subtitle: property("X-WR-CALDESC").and_then(|p| clean(&p.text())),
            time_zone,
            source_format: Some(Format::Ical),
            ..Conference::default()
        },
        ..ConferenceData::default()
    };
    for event in events {
        if let Some(session) = session(source, event, &mut zones, time_zone, warnings)? {
            data.sessions.push(session);
        }
    }
    if data.sessions.is_empty() {
        warnings.push(Warning {
            line: None,
            message: "the calendar holds no events".to_string(),
        });
    }
    Ok(data)
}

/// The zone most events' `DTSTART` names, else UTC.
fn most_common_zone(
    source: &Source<'_>,
    events: &[&Component],
    zones: &mut Zones<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<Zone> {
    let mut counts: Vec<(String, usize, &lines::Property)> = Vec::new();
    for start in events.iter().filter_map(|e| e.get("DTSTART")) {
        let Some(tzid) = start.param("TZID").map(tzid_key) else {
            continue;
        };
        match counts.iter_mut().find(|(t, _, _)| *t == tzid) {
            Some((_, n, _)) => *n += 1,
            None => counts.push((tzid, 1, start)),
        }
    }
    let best = counts
        .iter()
        .fold(None::<&(String, usize, _)>, |best, entry| match best {
            Some(b) if b.1 >= entry.1 => best,
            _ => Some(entry),
        });
    match best {
        Some((tzid, _, property)) => zones.tzid(source, tzid, property, warnings),
        None => Ok(Zone::default()),
    }
}

/// One `VEVENT`, or `None` when it has no start and so cannot be placed.
fn session(
    source: &Source<'_>,
    event: &Component,
    zones: &mut Zones<'_>,
    zone: Zone,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Session>> {
    let line = source.at(event.offset).line;
    let text = |name: &str| event.get(name).map(|p| p.text());
    // pretalx writes `Title - ` when an event has no speakers: the dash is no part of the title.
    let title = text("SUMMARY")
        .as_deref()
        .and_then(clean)
        .map(|t| t.strip_suffix(" -").map_or(t.clone(), str::to_string));
    let title = title.unwrap_or_else(|| {
        warnings.push(Warning {
            line: Some(line),
            message: "VEVENT without SUMMARY".to_string(),
        });
        "(untitled)".to_string()
    });
    let Some(dtstart) = event.get("DTSTART") else {
        warnings.push(Warning {
            line: Some(line),
            message: format!("\"{title}\": VEVENT without DTSTART was left out"),
        });
        return Ok(None);
    };
    let start_value = zones.when(source, dtstart, warnings)?;
    let start = start_value.instant(zone);
    let end = match (event.get("DTEND"), event.get("DURATION")) {
        (Some(dtend), _) => zones.when(source, dtend, warnings)?.instant(zone),
        (None, Some(duration)) => {
            let length = time::parse_duration(&duration.value).ok_or_else(|| {
                source.invalid(
                    duration.offset,
                    "DURATION",
                    format!(
                        "{:?} is not an iCalendar duration (expected e.g. PT45M or P1DT2H)",
                        duration.value.trim()
                    ),
                )
            })?;
            start + length
        }
        // RFC 5545 §3.6.1: a whole-day event without an end lasts the day, any other none.
        (None, None) => match start_value {
            When::Date(_) => start + Duration::days(1),
            When::Instant(_) => start,
        },
    };
    if end < start {
        let field = event
            .get("DTEND")
            .or_else(|| event.get("DURATION"))
            .unwrap_or(dtstart);
        return Err(source.invalid(
            field.offset,
            &field.name,
            format!(
                "\"{title}\" ends ({}) before it starts ({})",
                zone.localize(end).to_rfc3339(),
                zone.localize(start).to_rfc3339()
            ),
        ));
    }
    if text("STATUS").is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED")) {
        warnings.push(Warning {
            line: Some(line),
            message: format!("\"{title}\" is marked CANCELLED; it is imported all the same"),
        });
    }
    if event.get("RRULE").is_some() {
        warnings.push(Warning {
            line: Some(line),
            message: format!("\"{title}\" repeats (RRULE); only its first occurrence is imported"),
        });
    }
    let uid = text("UID").as_deref().and_then(clean);
    // Calendar clients put rich text in X-ALT-DESC; DESCRIPTION may hold HTML as well.
    let html = event
        .all("X-ALT-DESC")
        .find(|p| {
            p.param("FMTTYPE")
                .is_some_and(|f| f.eq_ignore_ascii_case("text/html"))
        })
        .map(|p| p.text());
    Ok(Some(Session {
        source_id: uid.clone(),
        guid: uid,
        start,
        end,
        day: zone.localize(start).date_naive(),
        room: text("LOCATION").as_deref().and_then(clean),
        track: event
            .get("CATEGORIES")
            .and_then(|p| text_list(&p.value).into_iter().find_map(|c| clean(&c))),
        description_html: html
            .or_else(|| text("DESCRIPTION"))
            .as_deref()
            .and_then(non_blank),
        url: event.get("URL").and_then(|p| clean(&p.value)),
        attachments: event
            .all("ATTACH")
            .filter(|p| {
                !p.param("VALUE")
                    .is_some_and(|v| v.eq_ignore_ascii_case("BINARY"))
            })
            .filter_map(|p| {
                Some(Link {
                    url: clean(&p.value)?,
                    title: p.param("FILENAME").unwrap_or_default().to_string(),
                })
            })
            .collect(),
        title,
        ..Session::default()
    }))
}

/// `schedules/good-2025.pretalx.schedule.ics` → `good-2025`: the part of the name before any
/// dot, which is how exports tend to name the conference.
fn title_from_file(file: &str) -> Option<String> {
    let name = Path::new(file).file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    clean(stem).filter(|s| s != "-")
}

/// `-//pretalx//cfp.openondemand.org//` → `cfp.openondemand.org`: the most specific part of the
/// product id, leaving out a trailing language code such as `EN`.
fn title_from_prodid(prodid: &str) -> Option<String> {
    let parts: Vec<&str> = prodid
        .split("//")
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "-" && *p != "+")
        .collect();
    let last = match parts.as_slice() {
        [.., before, lang] if lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_alphabetic()) => {
            before
        }
        [.., last] => last,
        [] => return None,
    };
    clean(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_file_and_prodid() {
        assert_eq!(
            title_from_file("schedules/good-2025.pretalx.schedule.ics").as_deref(),
            Some("good-2025")
        );
        assert_eq!(title_from_file("-"), None);
        assert_eq!(
            title_from_prodid("-//pretalx//cfp.openondemand.org//").as_deref(),
            Some("cfp.openondemand.org")
        );
        assert_eq!(
            title_from_prodid("-//Google Inc//Google Calendar 70.9054//EN").as_deref(),
            Some("Google Calendar 70.9054")
        );
    }
}
