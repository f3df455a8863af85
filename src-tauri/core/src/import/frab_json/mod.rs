//! frab `schedule.json` (v1), in the c3voc and pretalx flavours.
//!
//! The document is `schedule.conference.days[].rooms{room: [events]}`. Each event's `date` is
//! an RFC 3339 instant with an offset, so times need no zone to be right; the zone is only for
//! display. Old frab exports name no zone, so it is derived from those offsets.

mod event;
mod raw;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::error::Result;
use crate::import::{duration, json_error, Source};
use crate::model::{Conference, ConferenceData, Day, Format, Room, Track, Warning, Zone};
use crate::text::{clean, non_blank};

/// Parses a frab JSON schedule.
pub fn parse(source: &Source<'_>, warnings: &mut Vec<Warning>) -> Result<ConferenceData> {
    let document: raw::Document =
        serde_json::from_str(source.text).map_err(|e| json_error(source, &e))?;
    let schedule = document.schedule.ok_or_else(|| {
        source.invalid(
            0,
            "schedule",
            "no top-level `schedule` object: this JSON is not a frab schedule.json",
        )
    })?;
    let raw_conference = schedule.conference.ok_or_else(|| {
        source.invalid(
            source.text.find("\"schedule\"").unwrap_or(0),
            "schedule.conference",
            "the `schedule` has no `conference` object, so there is no programme to import",
        )
    })?;

    let time_zone = conference_zone(&raw_conference, warnings);
    let mut data = ConferenceData {
        conference: conference(&raw_conference, schedule.base_url, time_zone, warnings),
        ..ConferenceData::default()
    };
    data.tracks = raw_conference
        .tracks
        .iter()
        .filter_map(|t| {
            Some(Track {
                name: clean(t.name.as_deref()?)?,
                slug: t.slug.as_deref().and_then(clean),
                color: t.color.as_deref().and_then(clean),
            })
        })
        .collect();
    let mut rooms = Names::default();
    for room in &raw_conference.rooms {
        rooms.add(room.name.as_deref());
    }

    let mut tracks = Names::from(data.tracks.iter().map(|t| t.name.clone()));
    let mut dates = HashSet::new();
    for (position, raw_day) in raw_conference.days.iter().enumerate() {
        let day = day(raw_day, position, time_zone);
        if let Some(day) = &day {
            if dates.insert(day.date) {
                data.days.push(day.clone());
            } else {
                warnings.push(Warning {
                    line: None,
                    message: format!("day {} is listed twice; its events are kept", day.date),
                });
            }
        }
        for (room_name, events) in &raw_day.rooms {
            rooms.add(Some(room_name));
            for raw_event in events {
                let context = event::Context {
                    day: day.as_ref(),
                    room: room_name,
                    zone: time_zone,
                };
                let (session, persons) = event::session(source, raw_event, &context, warnings)?;
                rooms.add(session.room.as_deref());
                tracks.add(session.track.as_deref());
                data.persons.extend(persons);
                data.sessions.push(session);
            }
        }
    }
    data.rooms = rooms
        .0
        .into_iter()
        .map(|name| Room {
            name,
            ..Room::default()
        })
        .collect();
    let listed: HashSet<String> = data.tracks.iter().map(|t| t.name.clone()).collect();
    data.tracks.extend(
        tracks
            .0
            .into_iter()
            .filter(|name| !listed.contains(name))
            .map(|name| Track {
                name,
                ..Track::default()
            }),
    );
    if data.sessions.is_empty() {
        warnings.push(Warning {
            line: None,
            message: "the schedule holds no events".to_string(),
        });
    }
    Ok(data)
}

/// Distinct names in first-seen order, so rooms keep the order the file gives them.
#[derive(Default)]
struct Names(Vec<String>, HashSet<String>);

impl Names {
    fn from(names: impl Iterator<Item = String>) -> Names {
        let mut out = Names::default();
        for name in names {
            out.add(Some(&name));
        }
        out
    }

    fn add(&mut self, name: Option<&str>) {
        if let Some(name) = name.and_then(clean) {
            if self.1.insert(name.clone()) {
                self.0.push(name);
            }
        }
    }
}

fn conference(
    raw: &raw::Conference,
    base_url: Option<String>,
    time_zone: Zone,
    warnings: &mut Vec<Warning>,
) -> Conference {
    let acronym = raw.acronym.as_deref().and_then(clean);
    let title = raw
        .title
        .as_deref()
        .and_then(clean)
        .or_else(|| acronym.clone())
        .unwrap_or_else(|| {
            warnings.push(Warning {
                line: None,
                message: "the conference has no title or acronym".to_string(),
            });
            "Untitled conference".to_string()
        });
    Conference {
        title,
        acronym,
        time_zone,
        start_date: raw.start.as_deref().and_then(parse_date),
        end_date: raw.end.as_deref().and_then(parse_date),
        day_change: raw.day_change.as_deref().and_then(parse_time),
        timeslot_minutes: raw
            .timeslot_duration
            .as_deref()
            .and_then(duration::parse)
            .and_then(|d| u32::try_from(d.num_minutes()).ok()),
        url: raw
            .url
            .as_deref()
            .and_then(non_blank)
            .or_else(|| base_url.as_deref().and_then(non_blank)),
        source_format: Some(Format::FrabJson),
        ..Conference::default()
    }
}

/// The named zone when the file gives a known one, else the offset most events are written in.
fn conference_zone(raw: &raw::Conference, warnings: &mut Vec<Warning>) -> Zone {
    if let Some(name) = raw.time_zone_name.as_deref().and_then(clean) {
        if let Some(zone) = Zone::parse(&name) {
            return zone;
        }
        warnings.push(Warning {
            line: None,
            message: format!(
                "unknown time zone {name:?}; showing times in the offset the events are written in"
            ),
        });
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    let dates = raw.days.iter().flat_map(|d| {
        d.rooms
            .iter()
            .flat_map(|(_, events)| events.iter().filter_map(|e| e.date.as_deref()))
    });
    for date in dates {
        let Some(offset) = parse_offset_instant(date).map(|t| t.offset().local_minus_utc()) else {
            continue;
        };
        match counts.iter_mut().find(|(o, _)| *o == offset) {
            Some((_, n)) => *n += 1,
            None => counts.push((offset, 1)),
        }
    }
    // The first of the most common offsets: a conference spanning a DST change shows in the
    // offset most of its events use.
    let best = counts
        .iter()
        .fold(None::<(i32, usize)>, |best, &(o, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((o, n)),
        });
    best.and_then(|(seconds, _)| chrono::FixedOffset::east_opt(seconds))
        .map_or_else(Zone::default, Zone::Fixed)
}

fn day(raw: &raw::Day, position: usize, zone: Zone) -> Option<Day> {
    let date = raw.date.as_deref().and_then(parse_date)?;
    let index = raw
        .index
        .as_deref()
        .and_then(|i| i.trim().parse().ok())
        .unwrap_or_else(|| u32::try_from(position + 1).unwrap_or(u32::MAX));
    Some(Day {
        index,
        date,
        start: raw
            .day_start
            .as_deref()
            .and_then(|t| parse_instant(t, zone)),
        end: raw.day_end.as_deref().and_then(|t| parse_instant(t, zone)),
    })
}

/// A calendar date, also taken from the front of a date-time (`2019-12-27T11:00:00+01:00`).
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// `HH:MM` or `HH:MM:SS`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .ok()
}

/// A date-time that carries its own offset: RFC 3339, or with the offset written `+0100`.
fn parse_offset_instant(text: &str) -> Option<DateTime<chrono::FixedOffset>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%z"))
        .ok()
}

/// An instant: with its own offset when written, else wall-clock time in `zone`.
fn parse_instant(text: &str, zone: Zone) -> Option<DateTime<Utc>> {
    if let Some(instant) = parse_offset_instant(text) {
        return Some(instant.with_timezone(&Utc));
    }
    let text = text.trim();
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|local| zone.resolve(local))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_with_and_without_offsets() {
        let zone = Zone::parse("+01:00").expect("offset");
        let with = parse_instant("2019-12-28T00:50:00+01:00", zone).expect("rfc 3339");
        assert_eq!(with.to_rfc3339(), "2019-12-27T23:50:00+00:00");
        let compact = parse_instant("2019-12-28T00:50:00+0100", zone).expect("compact offset");
        assert_eq!(compact, with, "+0100 means the same as +01:00");
        let local = parse_instant("2019-12-28T00:50:00", zone).expect("local");
        assert_eq!(local, with, "a time without offset is read in the zone");
        assert_eq!(parse_instant("yesterday", zone), None);
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            parse_date("2019-12-27T11:00:00+01:00"),
            NaiveDate::from_ymd_opt(2019, 12, 27)
        );
        assert_eq!(parse_date("27.12.2019"), None);
        assert_eq!(parse_time("04:00"), NaiveTime::from_hms_opt(4, 0, 0));
        assert_eq!(parse_time("09:00:00"), NaiveTime::from_hms_opt(9, 0, 0));
    }
}
