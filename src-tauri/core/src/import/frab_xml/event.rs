//! `<day>`, `<room>` and `<event>`: the programme itself.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::cursor::{Cursor, Element};
use super::time::{parse_clock, parse_date, parse_stamp, Stamp, Timing};
use super::{Builder, Pending};
use crate::error::Result;
use crate::import::duration;
use crate::model::{Day, Link, Person, Session};
use crate::text::{clean, non_blank, split_affiliation};

/// What an event needs from the `<day>` it is filed under.
struct DayContext {
    date: NaiveDate,
    /// The clock time the day starts at, per its `start` attribute.
    start: Option<NaiveTime>,
}

impl Builder {
    /// A `<day>`: its events sit in `<room>` wrappers (frab, pretalx) or directly under it
    /// (old Pentabarf exports).
    pub(super) fn day(&mut self, xml: &mut Cursor<'_>, element: &Element) -> Result<()> {
        let written = element.attr("date").unwrap_or("");
        let date = parse_date(written).ok_or_else(|| {
            xml.source().invalid(
                element.offset,
                "day@date",
                format!("{written:?} is not a date (expected YYYY-MM-DD)"),
            )
        })?;
        let start = self.day_bound(xml, element, "start");
        let end = self.day_bound(xml, element, "end");
        self.data.days.push(Day {
            index: element
                .attr("index")
                .and_then(|i| i.trim().parse().ok())
                .unwrap_or(0),
            date,
            start: None,
            end: None,
        });
        self.day_bounds.push((start, end));
        let context = DayContext {
            date,
            start: start.and_then(|stamp| {
                let local = match stamp {
                    Stamp::Exact(exact) => exact.naive_local(),
                    Stamp::Floating(local) => local,
                };
                (local.date() == date).then(|| local.time())
            }),
        };
        while let Some(child) = xml.child()? {
            match child.name.as_str() {
                "room" => {
                    let room = child.attr("name").and_then(clean);
                    if let Some(room) = &room {
                        self.add_room(room);
                    }
                    while let Some(event) = xml.child()? {
                        if event.name == "event" {
                            self.event(xml, &event, &context, room.as_deref())?;
                        } else {
                            xml.skip()?;
                        }
                    }
                }
                "event" => self.event(xml, &child, &context, None)?,
                _ => xml.skip()?,
            }
        }
        Ok(())
    }

    /// A `<day start>` or `<day end>` attribute; these are informative, so a bad one is only
    /// a warning.
    fn day_bound(&mut self, xml: &mut Cursor<'_>, element: &Element, name: &str) -> Option<Stamp> {
        let written = element.attr(name).and_then(clean)?;
        let stamp = parse_stamp(&written);
        match stamp {
            Some(stamp) => self.note_offset(stamp, false),
            None => xml.warn(
                element.offset,
                format!("<day {name}> {written:?} is not a date-time; ignored"),
            ),
        }
        stamp
    }

    fn event(
        &mut self,
        xml: &mut Cursor<'_>,
        element: &Element,
        day: &DayContext,
        wrapper_room: Option<&str>,
    ) -> Result<()> {
        let mut session = Session {
            guid: element.attr("guid").and_then(clean),
            source_id: element.attr("id").and_then(clean),
            day: day.date,
            ..Session::default()
        };
        let mut date = None;
        let mut start = None;
        let mut length = None;
        let mut own_room = None;
        let mut feedback = None;
        while let Some(field) = xml.child()? {
            let offset = field.offset;
            let invalid = |xml: &Cursor<'_>, name: &str, message: String| {
                xml.source().invalid(offset, name, message)
            };
            match field.name.as_str() {
                "persons" => self.persons(xml, &mut session)?,
                "links" => session.links.extend(links(xml, "link")?),
                "attachments" => session.attachments.extend(links(xml, "attachment")?),
                "recording" => session.do_not_record |= recording_opt_out(xml)?,
                "track" => {
                    if let Some(name) = clean(&xml.text()?) {
                        self.add_track(name.clone(), &field);
                        session.track = Some(name);
                    }
                }
                name => {
                    let text = xml.text()?;
                    match name {
                        "date" => {
                            if let Some(written) = clean(&text) {
                                let stamp = parse_stamp(&written).ok_or_else(|| {
                                    let message = format!(
                                        "{written:?} is not a date-time (expected RFC 3339, \
                                         e.g. 2019-12-27T11:00:00+01:00)"
                                    );
                                    invalid(xml, "date", message)
                                })?;
                                date = Some(stamp);
                            }
                        }
                        "start" => {
                            if let Some(written) = clean(&text) {
                                start = Some(parse_clock(&written).ok_or_else(|| {
                                    let message = format!(
                                        "{written:?} is not a time (expected HH:MM or HH:MM:SS)"
                                    );
                                    invalid(xml, "start", message)
                                })?);
                            }
                        }
                        "duration" => {
                            if let Some(written) = clean(&text) {
                                length = Some(duration::parse(&written).ok_or_else(|| {
                                    let message = format!(
                                        "{written:?} is not a duration (expected H:MM, HH:MM, \
                                         HH:MM:SS or D:HH:MM)"
                                    );
                                    invalid(xml, "duration", message)
                                })?);
                            }
                        }
                        "room" => own_room = clean(&text),
                        "title" => session.title = clean(&text).unwrap_or_default(),
                        "subtitle" => session.subtitle = clean(&text),
                        "slug" => session.slug = clean(&text),
                        "url" => session.url = clean(&text),
                        "type" => session.kind = clean(&text).map(|k| k.to_lowercase()),
                        "language" => session.language = clean(&text),
                        "abstract" => session.abstract_html = non_blank(&text),
                        "description" => session.description_html = non_blank(&text),
                        "feedback_url" => feedback = clean(&text),
                        "do_not_record" => session.do_not_record |= is_true(&text),
                        _ => {}
                    }
                }
            }
        }
        let timing = match (date, start) {
            (Some(stamp), _) => {
                self.note_offset(stamp, true);
                Timing::Stamp(stamp)
            }
            (None, Some((time, extra_days))) => Timing::OnDay {
                day: day.date,
                time,
                extra_days,
                day_start: day.start,
            },
            (None, None) => {
                return Err(xml.source().invalid(
                    element.offset,
                    "start",
                    "the event has neither <date> nor <start>",
                ))
            }
        };
        let duration = length.unwrap_or_else(|| {
            xml.warn(
                element.offset,
                "an event without <duration>; read as 0 minutes",
            );
            Duration::zero()
        });
        if session.title.is_empty() {
            xml.warn(element.offset, "an event without <title>");
            session.title = "(untitled)".to_string();
        }
        session.room = wrapper_room.map(str::to_string).or(own_room);
        if let Some(room) = session.room.clone() {
            self.add_room(&room);
        }
        if let Some(url) = feedback.filter(|url| session.links.iter().all(|l| &l.url != url)) {
            session.links.push(Link {
                url,
                title: "Feedback".to_string(),
            });
        }
        self.pending.push(Pending {
            session,
            timing,
            duration,
        });
        Ok(())
    }

    /// An event's `<persons>`: one [`Person`] per occurrence, keyed by the source id (else the
    /// guid, else the name); finalize merges the repeats.
    fn persons(&mut self, xml: &mut Cursor<'_>, session: &mut Session) -> Result<()> {
        while let Some(element) = xml.child()? {
            if element.name != "person" {
                xml.skip()?;
                continue;
            }
            let text = xml.text()?;
            let Some(name) = clean(&text).or_else(|| element.attr("name").and_then(clean)) else {
                xml.warn(element.offset, "a <person> without a name; ignored");
                continue;
            };
            let (name, affiliation) = split_affiliation(&name);
            let source_id = element.attr("id").and_then(clean);
            let guid = element.attr("guid").and_then(clean);
            let key = source_id
                .clone()
                .or_else(|| guid.clone())
                .unwrap_or_else(|| format!("name:{name}"));
            session.speakers.push(key.clone());
            self.data.persons.push(Person {
                key,
                source_id,
                guid,
                affiliation,
                name,
                ..Person::default()
            });
        }
        Ok(())
    }
}

/// `<links>` / `<attachments>`: `<link href="…">title</link>`. An entry without `href` is
/// dropped; one without a title is titled by its type or its URL.
fn links(xml: &mut Cursor<'_>, tag: &str) -> Result<Vec<Link>> {
    let mut out = Vec::new();
    while let Some(element) = xml.child()? {
        if element.name != tag {
            xml.skip()?;
            continue;
        }
        let text = xml.text()?;
        let Some(url) = element.attr("href").and_then(clean) else {
            continue;
        };
        let title = clean(&text)
            .or_else(|| element.attr("type").and_then(clean))
            .unwrap_or_else(|| url.clone());
        out.push(Link { url, title });
    }
    Ok(out)
}

/// `<recording><optout>true</optout></recording>`: the speakers asked not to be recorded.
fn recording_opt_out(xml: &mut Cursor<'_>) -> Result<bool> {
    let mut opt_out = false;
    while let Some(element) = xml.child()? {
        if element.name == "optout" {
            opt_out |= is_true(&xml.text()?);
        } else {
            xml.skip()?;
        }
    }
    Ok(opt_out)
}

fn is_true(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "true" | "1" | "yes"
    )
}
