//! frab / pretalx `schedule.json` (version 1) out, valid against the c3voc Draft 6 schema
//! (`schedule.json.schema.json`): every required event field present (`null` where the schema
//! allows it), URLs as absolute URIs, persons in the pretalx shape.

use serde_json::{json, Map, Value};

use super::frab::{EventPlan, Schedule};
use super::{absolute_uri, http_uri, is_hex_color, safe_link, GENERATOR, VERSION};
use crate::import::duration::format_hh_mm;
use crate::model::{ConferenceData, Link};

/// The schema's `$id`, written as the document's `$schema`.
const SCHEMA: &str = "https://c3voc.de/schedule/schema.json";

/// Writes `data` as a schedule.json document. Serialise it with `serde_json::to_string_pretty`.
///
/// Rooms inside a day are a JSON object, whose key order serde_json does not keep; the
/// conference's `rooms` array carries the room order.
pub fn write(data: &ConferenceData) -> Value {
    let schedule = Schedule::new(data);
    let conf = &data.conference;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();

    let mut conference = Map::new();
    conference.insert("acronym".into(), json!(schedule.acronym));
    conference.insert("title".into(), json!(conf.title));
    conference.insert("start".into(), json!(date(schedule.start)));
    conference.insert("end".into(), json!(date(schedule.end)));
    conference.insert("daysCount".into(), json!(schedule.days.len()));
    let slot = i64::from(conf.timeslot_minutes.unwrap_or(5));
    conference.insert("timeslot_duration".into(), json!(format_hh_mm(slot)));
    if let Some(zone) = conf
        .time_zone
        .iana_name()
        .filter(|z| schema_accepts_zone(z))
    {
        conference.insert("time_zone_name".into(), json!(zone));
    }
    if let Some(url) = conf.url.as_deref().and_then(http_uri) {
        conference.insert("url".into(), json!(url));
    }
    let tracks: Vec<Value> = data
        .tracks
        .iter()
        .map(|t| {
            let mut track = Map::new();
            track.insert("name".into(), json!(t.name));
            if let Some(slug) = t.slug.as_deref().filter(|s| is_schema_slug(s)) {
                track.insert("slug".into(), json!(slug));
            }
            if let Some(color) = t.color.as_deref().filter(|c| is_hex_color(c)) {
                track.insert("color".into(), json!(color));
            }
            Value::Object(track)
        })
        .collect();
    conference.insert("tracks".into(), Value::Array(tracks));
    let mut room_names: Vec<&str> = data.rooms.iter().map(|r| r.name.as_str()).collect();
    for room in schedule.days.iter().flat_map(|d| &d.rooms) {
        if !room_names.contains(&room.name) {
            room_names.push(room.name);
        }
    }
    let rooms: Vec<Value> = room_names
        .iter()
        .map(|name| json!({ "name": name, "guid": schedule.room_guid(name) }))
        .collect();
    conference.insert("rooms".into(), Value::Array(rooms));
    let days: Vec<Value> = schedule
        .days
        .iter()
        .map(|day| {
            let rooms: Map<String, Value> = day
                .rooms
                .iter()
                .map(|room| {
                    let events = room.events.iter().map(event).collect();
                    (room.name.to_string(), Value::Array(events))
                })
                .collect();
            json!({
                "index": day.index,
                "date": day.date.to_string(),
                "day_start": day.start,
                "day_end": day.end,
                "rooms": rooms,
            })
        })
        .collect();
    conference.insert("days".into(), Value::Array(days));

    let mut inner = Map::new();
    inner.insert("version".into(), json!(schedule.version));
    if let Some(url) = conf.url.as_deref().and_then(http_uri) {
        inner.insert("base_url".into(), json!(url));
    }
    inner.insert("conference".into(), Value::Object(conference));
    json!({
        "$schema": SCHEMA,
        "generator": { "name": GENERATOR, "version": VERSION },
        "schedule": inner,
    })
}

fn event(e: &EventPlan<'_>) -> Value {
    let s = e.session;
    // Persons take the pretalx shape (`name`, no integer `id`): the schema's `oneOf` rejects a
    // person that matches both the frab shape (`id` + `public_name`) and the pretalx one.
    let persons: Vec<Value> = e
        .speakers
        .iter()
        .map(|p| {
            json!({
                "guid": p.guid,
                "name": p.person.name,
                "public_name": p.person.name,
                "biography": p.person.bio,
            })
        })
        .collect();
    // The schema requires a URL; a session without an http(s) one gets its guid as a URN, a
    // valid URI that names the event without pretending to be a web page.
    let url = s
        .url
        .as_deref()
        .and_then(http_uri)
        .unwrap_or_else(|| format!("urn:uuid:{}", e.guid));
    json!({
        "guid": e.guid,
        "id": e.id,
        "date": e.date,
        "start": e.start,
        "end": e.end,
        "duration": e.duration,
        "room": s.room.as_deref().unwrap_or(""),
        "slug": e.slug,
        "url": url,
        "title": s.title,
        "subtitle": s.subtitle,
        "track": s.track,
        "type": e.kind,
        "language": s.language,
        "abstract": s.abstract_html,
        "description": s.description_html,
        "do_not_record": s.do_not_record,
        "persons": persons,
        "links": references(&s.links),
        "attachments": references(&s.attachments),
    })
}

/// Links and attachments as the schema's `Reference`; relative URLs, which its `uri` format
/// rejects, are left out, as are schemes other than http, https and mailto.
fn references(links: &[Link]) -> Vec<Value> {
    links
        .iter()
        .filter(|link| safe_link(&link.url))
        .filter_map(|link| {
            let url = absolute_uri(&link.url)?;
            Some(if link.title.is_empty() {
                json!({ "url": url })
            } else {
                json!({ "url": url, "title": link.title })
            })
        })
        .collect()
}

/// The schema's `^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`: as written, a prefix such as `Asia/Shanghai`
/// or anything ending in `UTC`. `Etc/GMT+8` and the like are left out rather than fail.
fn schema_accepts_zone(zone: &str) -> bool {
    // The length of the `[A-Z][a-z]+` match at the start of `w`, or 0.
    let word = |w: &str| -> usize {
        let b = w.as_bytes();
        if !b.first().is_some_and(u8::is_ascii_uppercase) {
            return 0;
        }
        1 + b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count()
    };
    let prefix = zone
        .split_once('/')
        .is_some_and(|(area, city)| area.len() >= 2 && word(area) == area.len() && word(city) >= 2);
    prefix || zone.ends_with("UTC")
}

/// The schema's slug pattern `^[a-z0-9_-]+[a-z0-9]$`.
fn is_schema_slug(slug: &str) -> bool {
    slug.len() >= 2
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && slug
            .bytes()
            .last()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_pattern_as_the_schema_reads_it() {
        for ok in ["Asia/Shanghai", "America/New_York", "UTC", "Etc/UTC"] {
            assert!(schema_accepts_zone(ok), "{ok}");
        }
        for bad in ["Etc/GMT+8", "EST5EDT", "America/", "/Paris"] {
            assert!(!schema_accepts_zone(bad), "{bad}");
        }
    }
}
