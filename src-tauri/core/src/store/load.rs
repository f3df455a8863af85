//! Reading a whole conference back into the model, for exports.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::queries::resolve;
use super::{parse_list, Store};
use crate::error::Result;
use crate::model::{
    Conference, ConferenceData, Day, Exhibitor, Format, Person, Product, Provenance, Room, Session,
    Track, Venue, Zone,
};

fn utc(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}

fn provenance(sources: &str, illustrative: &str) -> Provenance {
    Provenance {
        sources: parse_list(sources),
        illustrative: parse_list(illustrative),
    }
}

impl Store {
    /// The whole conference `slug` (or the current one) as the model, for exporters.
    pub fn load_conference(&self, slug: Option<&str>) -> Result<ConferenceData> {
        self.read(|conn| {
            let c = resolve(conn, slug)?;
            load(conn, c.id)
        })
    }
}

/// Conference row `id` as the model, on any connection (a refresh reads the old programme inside
/// its own write transaction).
pub(crate) fn load(conn: &Connection, id: i64) -> Result<ConferenceData> {
    let conference = conn
        .prepare_cached(
            "SELECT slug, title, other_title, subtitle, acronym, time_zone, start_date, end_date,
                    day_change, timeslot_minutes, venue, city, url, source_format, sources, illustrative
             FROM conference WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Conference {
                slug: r.get(0)?,
                title: r.get(1)?,
                other_title: r.get(2)?,
                subtitle: r.get(3)?,
                acronym: r.get(4)?,
                time_zone: Zone::parse(&r.get::<_, String>(5)?).unwrap_or_default(),
                start_date: r.get::<_, Option<String>>(6)?.and_then(|d| d.parse().ok()),
                end_date: r.get::<_, Option<String>>(7)?.and_then(|d| d.parse().ok()),
                day_change: r.get::<_, Option<String>>(8)?.and_then(|t| t.parse().ok()),
                timeslot_minutes: r.get(9)?,
                venue: r.get(10)?,
                city: r.get(11)?,
                url: r.get(12)?,
                source_format: r.get::<_, Option<String>>(13)?.as_deref().and_then(Format::from_name),
                provenance: provenance(&r.get::<_, String>(14)?, &r.get::<_, String>(15)?),
            })
        })
        .optional()?
        .unwrap_or_default();

    let days = conn
        .prepare_cached(
            "SELECT idx, date, starts_at, ends_at FROM day WHERE conference_id = ?1 ORDER BY date",
        )?
        .query_map([id], |r| {
            Ok(Day {
                index: r.get(0)?,
                date: r.get::<_, String>(1)?.parse().unwrap_or_default(),
                start: r.get::<_, Option<i64>>(2)?.map(utc),
                end: r.get::<_, Option<i64>>(3)?.map(utc),
            })
        })?
        .collect::<Result<_, _>>()?;

    let venues = conn
        .prepare_cached(
            "SELECT name, other_name, address, sources, illustrative FROM venue WHERE conference_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Venue {
                name: r.get(0)?,
                other_name: r.get(1)?,
                address: r.get(2)?,
                provenance: provenance(&r.get::<_, String>(3)?, &r.get::<_, String>(4)?),
            })
        })?
        .collect::<Result<_, _>>()?;

    let rooms = conn
        .prepare_cached(
            "SELECT r.name, r.other_name, v.name, r.hall, r.sources, r.illustrative
             FROM room r LEFT JOIN venue v ON v.id = r.venue_id
             WHERE r.conference_id = ?1 ORDER BY r.position",
        )?
        .query_map([id], |r| {
            Ok(Room {
                name: r.get(0)?,
                other_name: r.get(1)?,
                venue: r.get(2)?,
                hall: r.get(3)?,
                provenance: provenance(&r.get::<_, String>(4)?, &r.get::<_, String>(5)?),
            })
        })?
        .collect::<Result<_, _>>()?;

    let tracks = conn
        .prepare_cached("SELECT name, slug, color FROM track WHERE conference_id = ?1 ORDER BY id")?
        .query_map([id], |r| {
            Ok(Track {
                name: r.get(0)?,
                slug: r.get(1)?,
                color: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;

    let persons: Vec<Person> = conn
        .prepare_cached(
            "SELECT key, source_id, guid, name, other_name, bio, affiliation, sources, illustrative
             FROM person WHERE conference_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Person {
                key: r.get(0)?,
                source_id: r.get(1)?,
                guid: r.get(2)?,
                name: r.get(3)?,
                other_name: r.get(4)?,
                bio: r.get(5)?,
                affiliation: r.get(6)?,
                provenance: provenance(&r.get::<_, String>(7)?, &r.get::<_, String>(8)?),
            })
        })?
        .collect::<Result<_, _>>()?;

    let mut speakers: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT sp.session_id, p.key FROM session_person sp JOIN person p ON p.id = sp.person_id
         WHERE p.conference_id = ?1 ORDER BY sp.session_id, sp.position",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (session, key) = row?;
        speakers.entry(session).or_default().push(key);
    }

    let sessions = conn
        .prepare_cached(
            "SELECT s.id, s.key, s.source_id, s.guid, s.slug, s.title, s.other_title, s.subtitle,
                    s.kind, s.language, s.starts_at, s.ends_at, s.day, r.name, t.name, s.abstract,
                    s.description, s.url, s.links, s.attachments, s.do_not_record, s.sources,
                    s.illustrative
             FROM session s LEFT JOIN room r ON r.id = s.room_id LEFT JOIN track t ON t.id = s.track_id
             WHERE s.conference_id = ?1 ORDER BY s.starts_at, r.position, s.id",
        )?
        .query_map([id], |r| {
            let session_id: i64 = r.get(0)?;
            Ok(Session {
                key: r.get(1)?,
                source_id: r.get(2)?,
                guid: r.get(3)?,
                slug: r.get(4)?,
                title: r.get(5)?,
                other_title: r.get(6)?,
                subtitle: r.get(7)?,
                kind: r.get(8)?,
                language: r.get(9)?,
                start: utc(r.get(10)?),
                end: utc(r.get(11)?),
                day: r.get::<_, String>(12)?.parse().unwrap_or_default(),
                room: r.get(13)?,
                track: r.get(14)?,
                abstract_html: r.get(15)?,
                description_html: r.get(16)?,
                url: r.get(17)?,
                links: serde_json::from_str(&r.get::<_, String>(18)?).unwrap_or_default(),
                attachments: serde_json::from_str(&r.get::<_, String>(19)?).unwrap_or_default(),
                do_not_record: r.get(20)?,
                provenance: provenance(&r.get::<_, String>(21)?, &r.get::<_, String>(22)?),
                speakers: speakers.remove(&session_id).unwrap_or_default(),
            })
        })?
        .collect::<Result<_, _>>()?;

    let mut products: HashMap<i64, Vec<Product>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT p.exhibitor_id, p.name, p.other_name, p.category, p.description, p.sources, p.illustrative
         FROM product p JOIN exhibitor e ON e.id = p.exhibitor_id
         WHERE e.conference_id = ?1 ORDER BY p.exhibitor_id, p.position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Product {
                name: r.get(1)?,
                other_name: r.get(2)?,
                category: r.get(3)?,
                description: r.get(4)?,
                provenance: provenance(&r.get::<_, String>(5)?, &r.get::<_, String>(6)?),
            },
        ))
    })?;
    for row in rows {
        let (exhibitor, product) = row?;
        products.entry(exhibitor).or_default().push(product);
    }

    let exhibitors = conn
        .prepare_cached(
            "SELECT id, key, source_id, name, other_name, hall, booths, country, categories, website,
                    description, sources, illustrative
             FROM exhibitor WHERE conference_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Exhibitor {
                key: r.get(1)?,
                source_id: r.get(2)?,
                name: r.get(3)?,
                other_name: r.get(4)?,
                hall: r.get(5)?,
                booths: parse_list(&r.get::<_, String>(6)?),
                country: r.get(7)?,
                categories: parse_list(&r.get::<_, String>(8)?),
                website: r.get(9)?,
                description: r.get(10)?,
                provenance: provenance(&r.get::<_, String>(11)?, &r.get::<_, String>(12)?),
                products: products.remove(&r.get::<_, i64>(0)?).unwrap_or_default(),
            })
        })?
        .collect::<Result<_, _>>()?;

    Ok(ConferenceData {
        conference,
        days,
        venues,
        rooms,
        tracks,
        persons,
        sessions,
        exhibitors,
    })
}
