//! What the frab XML and JSON exporters share: the identifiers the strict c3voc schemas demand
//! (positive integer ids, UUID guids, patterned slugs and acronyms) and the grouping of sessions
//! into days and rooms. Both writers walk the same [`Schedule`], so the XML and JSON of one
//! export agree on every id.

mod ids;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, TimeDelta, Utc};

use crate::import::duration::format_hh_mm;
use crate::model::{ConferenceData, Person, Session, Zone};
use crate::text::digest;
use ids::{acronym, derived_uuid, event_ids, normal_uuid, positive_integer, session_guids, slugs};

/// A conference laid out the way frab nests it: days, then rooms, then events.
pub(super) struct Schedule<'a> {
    pub data: &'a ConferenceData,
    /// Matches both the XSD's and the JSON schema's acronym patterns.
    pub acronym: String,
    /// Changes whenever the data does; clients such as EventFahrplan compare it to spot updates.
    pub version: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub days: Vec<DayPlan<'a>>,
}

/// One `<day>`.
pub(super) struct DayPlan<'a> {
    pub index: usize,
    pub date: NaiveDate,
    /// RFC 3339 with the conference's offset.
    pub start: String,
    pub end: String,
    pub rooms: Vec<RoomPlan<'a>>,
}

/// One `<room>` of a day, holding only the events in it that day.
pub(super) struct RoomPlan<'a> {
    pub name: &'a str,
    pub events: Vec<EventPlan<'a>>,
}

/// One `<event>` with the identifiers the schemas require.
pub(super) struct EventPlan<'a> {
    pub session: &'a Session,
    pub id: u64,
    pub guid: String,
    pub slug: String,
    /// Start and end as RFC 3339 with the conference's offset.
    pub date: String,
    pub end: String,
    /// Local wall-clock start, `HH:MM`.
    pub start: String,
    pub duration: String,
    /// The session's kind, or `other`: the schemas require a type.
    pub kind: &'a str,
    pub speakers: Vec<SpeakerPlan<'a>>,
}

/// A person as an event lists them.
pub(super) struct SpeakerPlan<'a> {
    pub person: &'a Person,
    /// The source id when it is a positive integer (the XSD's `person@id` is an integer).
    pub id: Option<u64>,
    pub guid: String,
}

/// The longest duration the XSD's `[0-9]{1,2}:[0-9]{2}` can express.
const MAX_MINUTES: i64 = 99 * 60 + 59;

impl<'a> Schedule<'a> {
    /// Lays out `data`. Ids, guids and slugs are assigned in the order of `data.sessions`, so the
    /// same data always gets the same identifiers.
    pub fn new(data: &'a ConferenceData) -> Schedule<'a> {
        let conf = &data.conference;
        let zone = conf.time_zone;
        let acronym = acronym(data);
        let ids = event_ids(&data.sessions);
        let guids = session_guids(data);
        let slugs = slugs(&acronym, &data.sessions, &ids);
        let persons: HashMap<&str, &Person> =
            data.persons.iter().map(|p| (p.key.as_str(), p)).collect();
        let mut events: Vec<EventPlan<'a>> = data
            .sessions
            .iter()
            .zip(ids)
            .zip(guids)
            .zip(slugs)
            .map(|(((session, id), guid), slug)| {
                let local = zone.localize(session.start);
                EventPlan {
                    session,
                    id,
                    guid,
                    slug,
                    date: rfc3339(zone, session.start),
                    end: rfc3339(zone, session.end),
                    start: local.format("%H:%M").to_string(),
                    duration: format_hh_mm(session.duration_minutes().clamp(0, MAX_MINUTES)),
                    kind: session.kind.as_deref().unwrap_or("other"),
                    speakers: speakers(data, session, &persons),
                }
            })
            .collect();
        events.sort_by(|a, b| {
            (a.session.start, &a.session.title, a.id).cmp(&(
                b.session.start,
                &b.session.title,
                b.id,
            ))
        });

        let mut dates: BTreeSet<NaiveDate> = data.days.iter().map(|d| d.date).collect();
        dates.extend(data.sessions.iter().map(|s| s.day));
        if dates.is_empty() {
            dates.extend(conf.start_date);
        }
        let room_order = room_order(data);
        let mut by_day: HashMap<NaiveDate, Vec<EventPlan<'a>>> = HashMap::new();
        for event in events {
            by_day.entry(event.session.day).or_default().push(event);
        }
        let days: Vec<DayPlan<'a>> = dates
            .into_iter()
            .enumerate()
            .map(|(i, date)| {
                let events = by_day.remove(&date).unwrap_or_default();
                day(data, i + 1, date, events, &room_order)
            })
            .collect();

        Schedule {
            data,
            acronym,
            version: digest(&[&serde_json::to_string(data).unwrap_or_default()]),
            start: conf.start_date.or(days.first().map(|d| d.date)),
            end: conf.end_date.or(days.last().map(|d| d.date)),
            days,
        }
    }

    /// A stable UUID for a room, for the JSON schema's `rooms[].guid`.
    pub fn room_guid(&self, name: &str) -> String {
        derived_uuid(&self.data.conference.slug, "room", name)
    }
}

/// `instant` in the conference's zone, as RFC 3339 with its offset.
fn rfc3339(zone: Zone, instant: DateTime<Utc>) -> String {
    zone.localize(instant)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Builds one day: its bounds cover both what the source said and every event filed under it.
fn day<'a>(
    data: &ConferenceData,
    index: usize,
    date: NaiveDate,
    events: Vec<EventPlan<'a>>,
    room_order: &HashMap<&str, usize>,
) -> DayPlan<'a> {
    let zone = data.conference.time_zone;
    let record = data.days.iter().find(|d| d.date == date);
    let earliest = events.iter().map(|e| e.session.start).min();
    let latest = events.iter().map(|e| e.session.end).max();
    let day_change = data.conference.day_change.unwrap_or(NaiveTime::MIN);
    let start = [record.and_then(|d| d.start), earliest]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or_else(|| zone.resolve(date.and_time(day_change)));
    let end = [record.and_then(|d| d.end), latest]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(start + TimeDelta::days(1));

    let mut rooms: Vec<RoomPlan<'a>> = Vec::new();
    for event in events {
        let name = event.session.room.as_deref().unwrap_or("");
        match rooms.iter_mut().find(|r| r.name == name) {
            Some(room) => room.events.push(event),
            None => rooms.push(RoomPlan {
                name,
                events: vec![event],
            }),
        }
    }
    rooms.sort_by_key(|r| room_order.get(r.name).copied().unwrap_or(usize::MAX));
    DayPlan {
        index,
        date,
        start: rfc3339(zone, start),
        end: rfc3339(zone, end),
        rooms,
    }
}

/// The position of each room: the conference's room list first, then rooms only sessions name,
/// in the order they first appear. Sessions without a room sort last.
fn room_order(data: &ConferenceData) -> HashMap<&str, usize> {
    let mut order: HashMap<&str, usize> = HashMap::new();
    let named = data.rooms.iter().map(|r| r.name.as_str());
    let used = data.sessions.iter().filter_map(|s| s.room.as_deref());
    for name in named.chain(used) {
        let next = order.len();
        order.entry(name).or_insert(next);
    }
    order
}

/// The persons of a session in billing order, skipping keys with no person behind them.
fn speakers<'a>(
    data: &ConferenceData,
    session: &Session,
    persons: &HashMap<&str, &'a Person>,
) -> Vec<SpeakerPlan<'a>> {
    session
        .speakers
        .iter()
        .filter_map(|key| persons.get(key.as_str()).copied())
        .map(|person| SpeakerPlan {
            person,
            id: positive_integer(person.source_id.as_deref()),
            guid: person
                .guid
                .as_deref()
                .and_then(normal_uuid)
                .unwrap_or_else(|| derived_uuid(&data.conference.slug, "person", &person.key)),
        })
        .collect()
}
