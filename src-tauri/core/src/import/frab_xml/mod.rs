//! frab / Pentabarf / pretalx `schedule.xml`.
//!
//! Read in one streaming pass (quick-xml's pull reader, no DOM). Times are settled at the end,
//! because the conference's zone may have to be derived from the offsets the events carry, and
//! old Pentabarf exports give only a day and a clock time. What each element becomes, and how
//! each quirk is treated, is in `docs/formats/frab-xml.md`.

mod cursor;
mod event;
mod guard;
mod time;

use std::collections::{HashMap, HashSet};

use chrono::{Duration, FixedOffset};

use self::cursor::{Cursor, Element};
use self::time::{parse_clock, parse_date, parse_stamp, Stamp, Timing};
use crate::error::Result;
use crate::import::{duration, Source};
use crate::model::{ConferenceData, Format, Room, Session, Track, Warning, Zone};
use crate::text::clean;

/// Parses a frab/Pentabarf schedule.
pub fn parse(source: &Source<'_>, warnings: &mut Vec<Warning>) -> Result<ConferenceData> {
    let mut xml = Cursor::new(source, warnings);
    let root = xml.root()?;
    if root.name != "schedule" {
        return Err(
            xml.not_a_schedule(root.offset, &format!("the root element is <{}>", root.name))
        );
    }
    let mut builder = Builder::default();
    while let Some(element) = xml.child()? {
        match element.name.as_str() {
            "conference" => builder.conference(&mut xml)?,
            "tracks" => builder.tracks(&mut xml)?,
            "persons" => builder.biographies(&mut xml)?,
            "day" => builder.day(&mut xml, &element)?,
            _ => xml.skip()?,
        }
    }
    xml.finish()?;
    Ok(builder.finish(&mut xml))
}

/// An event whose instant waits for the conference's zone.
struct Pending {
    session: Session,
    timing: Timing,
    duration: Duration,
}

/// What the pass collects; [`Builder::finish`] turns it into [`ConferenceData`].
#[derive(Default)]
struct Builder {
    data: ConferenceData,
    /// `<time_zone_name>` and where it was.
    zone_name: Option<(String, usize)>,
    /// How often each UTC offset is written: the most common one is the zone when none is
    /// named. Event dates count; day bounds only break ties and fill in when events have none.
    offsets: HashMap<FixedOffset, (usize, usize)>,
    /// `<conference><start>` / `<end>`: dates or date-times, settled once the zone is known.
    start: Option<(String, usize)>,
    end: Option<(String, usize)>,
    /// Biographies from the top-level `<persons>` block (FOSDEM), by person id.
    bios: HashMap<String, String>,
    pending: Vec<Pending>,
    /// `<day start>` / `<day end>`, parallel to `data.days`, settled once the zone is known.
    day_bounds: Vec<(Option<Stamp>, Option<Stamp>)>,
    rooms: HashSet<String>,
    tracks: HashSet<String>,
}

impl Builder {
    fn conference(&mut self, xml: &mut Cursor<'_>) -> Result<()> {
        while let Some(element) = xml.child()? {
            if element.name == "track" {
                self.listed_track(xml, &element)?;
                continue;
            }
            let text = xml.text()?;
            let conference = &mut self.data.conference;
            let offset = element.offset;
            match element.name.as_str() {
                "title" => conference.title = clean(&text).unwrap_or_default(),
                "acronym" => conference.acronym = clean(&text),
                "subtitle" => conference.subtitle = clean(&text),
                "venue" => conference.venue = clean(&text),
                "city" => conference.city = clean(&text),
                "url" => conference.url = clean(&text),
                "base_url" if conference.url.is_none() => conference.url = clean(&text),
                "start" => self.start = clean(&text).map(|t| (t, offset)),
                "end" => self.end = clean(&text).map(|t| (t, offset)),
                "time_zone_name" => self.zone_name = clean(&text).map(|t| (t, offset)),
                "day_change" => {
                    let time = parse_clock(&text).filter(|(_, days)| *days == 0);
                    conference.day_change =
                        optional(xml, &element, &text, time, "a time").map(|(time, _)| time);
                }
                "timeslot_duration" => {
                    let minutes =
                        duration::parse(&text).and_then(|d| u32::try_from(d.num_minutes()).ok());
                    conference.timeslot_minutes =
                        optional(xml, &element, &text, minutes, "a duration");
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The top-level `<tracks>` block.
    fn tracks(&mut self, xml: &mut Cursor<'_>) -> Result<()> {
        while let Some(element) = xml.child()? {
            if element.name == "track" {
                self.listed_track(xml, &element)?;
            } else {
                xml.skip()?;
            }
        }
        Ok(())
    }

    /// A `<track>` in a list: FOSDEM writes the name as text, the CCC hub as an attribute.
    fn listed_track(&mut self, xml: &mut Cursor<'_>, element: &Element) -> Result<()> {
        let text = xml.text()?;
        let name = clean(&text).or_else(|| element.attr("name").and_then(clean));
        match name {
            Some(name) => self.add_track(name, element),
            None => xml.warn(element.offset, "a <track> without a name; ignored"),
        }
        Ok(())
    }

    fn add_track(&mut self, name: String, element: &Element) {
        if self.tracks.insert(name.clone()) {
            self.data.tracks.push(Track {
                name,
                slug: element.attr("slug").and_then(clean),
                color: element.attr("color").and_then(clean),
            });
        }
    }

    fn add_room(&mut self, name: &str) {
        if self.rooms.insert(name.to_string()) {
            self.data.rooms.push(Room {
                name: name.to_string(),
                ..Room::default()
            });
        }
    }

    fn note_offset(&mut self, stamp: Stamp, from_event: bool) {
        if let Some(offset) = stamp.offset() {
            let (events, days) = self.offsets.entry(offset).or_default();
            *(if from_event { events } else { days }) += 1;
        }
    }

    /// The top-level `<persons>` block carries biographies; the persons themselves are taken
    /// from the events, so someone listed there but speaking nowhere is not imported.
    fn biographies(&mut self, xml: &mut Cursor<'_>) -> Result<()> {
        while let Some(person) = xml.child()? {
            if person.name != "person" {
                xml.skip()?;
                continue;
            }
            let id = person.attr("id").and_then(clean);
            while let Some(field) = xml.child()? {
                if field.name == "biography" {
                    let bio = xml.text()?;
                    if let (Some(id), Some(bio)) = (&id, crate::text::non_blank(&bio)) {
                        self.bios.insert(id.clone(), bio);
                    }
                } else {
                    xml.skip()?;
                }
            }
        }
        Ok(())
    }

    /// The zone: the named one, else the first offset the file writes, else UTC.
    fn zone(&self, xml: &mut Cursor<'_>) -> Zone {
        if let Some((name, offset)) = &self.zone_name {
            match Zone::parse(name) {
                Some(zone) => return zone,
                None => xml.warn(
                    *offset,
                    format!("unknown time zone {name:?}; using the offsets in the file"),
                ),
            }
        }
        let common = self
            .offsets
            .iter()
            .max_by_key(|(offset, count)| (**count, offset.local_minus_utc()));
        if let Some((offset, _)) = common {
            return Zone::Fixed(*offset);
        }
        if !self.pending.is_empty() {
            xml.warn(
                0,
                "the file names no time zone and its times carry no offset; times are read as UTC",
            );
        }
        Zone::default()
    }

    fn finish(mut self, xml: &mut Cursor<'_>) -> ConferenceData {
        let zone = self.zone(xml);
        let conference = &mut self.data.conference;
        conference.time_zone = zone;
        conference.source_format = Some(Format::FrabXml);
        if conference.title.is_empty() {
            conference.title = conference.acronym.clone().unwrap_or_default();
        }
        conference.start_date = conference_date(xml, self.start.as_ref(), &zone, "start");
        conference.end_date = conference_date(xml, self.end.as_ref(), &zone, "end");
        let day_change = conference.day_change;
        for (day, (start, end)) in self.data.days.iter_mut().zip(&self.day_bounds) {
            day.start = start.map(|stamp| stamp.resolve(&zone));
            day.end = end.map(|stamp| stamp.resolve(&zone));
        }
        for pending in self.pending {
            let mut session = pending.session;
            session.start = pending.timing.resolve(&zone, day_change);
            session.end = session.start + pending.duration;
            self.data.sessions.push(session);
        }
        for person in &mut self.data.persons {
            if person.bio.is_none() {
                person.bio = person
                    .source_id
                    .as_ref()
                    .and_then(|id| self.bios.get(id))
                    .cloned();
            }
        }
        self.data
    }
}

/// An optional conference field: unusable text is a warning, not an error.
fn optional<T>(
    xml: &mut Cursor<'_>,
    element: &Element,
    text: &str,
    parsed: Option<T>,
    expected: &str,
) -> Option<T> {
    if parsed.is_none() && !text.trim().is_empty() {
        xml.warn(
            element.offset,
            format!(
                "<{}> {:?} is not {expected}; ignored",
                element.name,
                text.trim()
            ),
        );
    }
    parsed
}

/// `<conference><start>`/`<end>`: a date, or a date-time read in the conference's zone (the
/// CCC hub writes `2024-12-27T09:30:00+00:00`).
fn conference_date(
    xml: &mut Cursor<'_>,
    raw: Option<&(String, usize)>,
    zone: &Zone,
    field: &str,
) -> Option<chrono::NaiveDate> {
    let (text, offset) = raw?;
    let date = match parse_stamp(text) {
        Some(stamp) => Some(zone.localize(stamp.resolve(zone)).date_naive()),
        None => parse_date(text),
    };
    if date.is_none() {
        xml.warn(
            *offset,
            format!("conference <{field}> {text:?} is not a date; taken from the days instead"),
        );
    }
    date
}
