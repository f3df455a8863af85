//! Writing an import: one transaction that replaces a conference's programme (or its exhibitor
//! list), re-indexes it for search and re-attaches bookmarks. If any step fails, the store is
//! exactly as it was.

use std::collections::HashMap;

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::bookmarks::BookmarkTally;
use super::reconcile;
use super::{json_list, Store};
use crate::error::Result;
use crate::import::Parsed;
use crate::model::{Conference, ConferenceData, Format, Progress, Provenance, Warning};
use crate::search;

/// What an import did, for the summary the CLI and the app show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportReport {
    pub conference: String,
    pub title: String,
    pub format: Format,
    pub days: usize,
    pub rooms: usize,
    pub tracks: usize,
    pub sessions: usize,
    pub persons: usize,
    pub exhibitors: usize,
    pub products: usize,
    pub warnings: Vec<Warning>,
    pub bookmarks: BookmarkTally,
}

impl Store {
    /// Writes a parsed file into the store in one transaction.
    ///
    /// A programme replaces the conference's days, rooms, tracks, sessions and speakers; an
    /// exhibitor list replaces its exhibitors (creating the conference if needed); a Plenary
    /// dataset replaces both. Bookmarks are never deleted: they are re-attached or orphaned.
    pub fn import(
        &self,
        parsed: Parsed,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        self.write(|tx| import_in(tx, parsed, progress))
    }
}

/// [`Store::import`] inside a transaction the caller owns, so that a schedule refresh can write
/// the new programme and its change log as one: if anything after this fails, the import is
/// rolled back with it.
pub(crate) fn import_in(
    tx: &Transaction<'_>,
    parsed: Parsed,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    let Parsed {
        format,
        data,
        warnings,
    } = parsed;
    let replaces_programme = !format.is_exhibitor_list();
    let replaces_exhibitors = format.is_exhibitor_list() || !data.exhibitors.is_empty();
    let (conference_id, title) = upsert_conference(tx, &data.conference, replaces_programme)?;
    // What the bookmarks pointed at, so reconcile can tell re-ided sessions from others.
    let previous = reconcile::previous(tx, &data.conference.slug, conference_id)?;
    if replaces_programme {
        clear_programme(tx, conference_id)?;
        write_programme(tx, conference_id, &data, progress)?;
    }
    if replaces_exhibitors {
        clear_exhibitors(tx, conference_id)?;
        write_exhibitors(tx, conference_id, &data)?;
    }
    progress(Progress {
        phase: "index",
        done: 0,
        total: 0,
    });
    search::index_conference(tx, conference_id, replaces_programme, replaces_exhibitors)?;
    let tally = reconcile::reconcile(tx, &data.conference.slug, conference_id, Some(&previous))?;
    progress(Progress {
        phase: "commit",
        done: 0,
        total: 0,
    });
    Ok(ImportReport {
        conference: data.conference.slug.clone(),
        title,
        format,
        days: data.days.len(),
        rooms: data.rooms.len(),
        tracks: data.tracks.len(),
        sessions: data.sessions.len(),
        persons: data.persons.len(),
        exhibitors: data.exhibitors.len(),
        products: data.exhibitors.iter().map(|e| e.products.len()).sum(),
        warnings,
        bookmarks: tally,
    })
}

fn provenance(p: &Provenance) -> (String, String) {
    (json_list(&p.sources), json_list(&p.illustrative))
}

/// Inserts or updates the conference row and returns its id and stored title, for the report:
/// an exhibitor list names no conference, so one that exists keeps its title, and one that
/// does not yet is created bare, titled with the slug (as is a blank title).
fn upsert_conference(
    tx: &Transaction<'_>,
    c: &Conference,
    overwrite: bool,
) -> Result<(i64, String)> {
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, title FROM conference WHERE slug = ?1")?
        .query_row([&c.slug], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let now = Utc::now().to_rfc3339();
    let title = if c.title.trim().is_empty() {
        c.slug.clone()
    } else {
        c.title.clone()
    };
    let (sources, illustrative) = provenance(&c.provenance);
    match existing {
        Some((id, stored)) if !overwrite => Ok((id, stored)),
        Some((id, _)) => {
            tx.execute(
                "UPDATE conference SET title = ?2, other_title = ?3, subtitle = ?4, acronym = ?5,
                    time_zone = ?6, start_date = ?7, end_date = ?8, day_change = ?9,
                    timeslot_minutes = ?10, venue = ?11, city = ?12, url = ?13,
                    source_format = ?14, sources = ?15, illustrative = ?16, imported_at = ?17
                 WHERE id = ?1",
                params![
                    id,
                    title,
                    c.other_title,
                    c.subtitle,
                    c.acronym,
                    c.time_zone.name(),
                    c.start_date.map(|d| d.to_string()),
                    c.end_date.map(|d| d.to_string()),
                    c.day_change.map(|t| t.to_string()),
                    c.timeslot_minutes,
                    c.venue,
                    c.city,
                    c.url,
                    c.source_format.map(Format::name),
                    sources,
                    illustrative,
                    now
                ],
            )?;
            Ok((id, title))
        }
        None => {
            tx.execute(
                "INSERT INTO conference (slug, title, other_title, subtitle, acronym, time_zone,
                    start_date, end_date, day_change, timeslot_minutes, venue, city, url,
                    source_format, sources, illustrative, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                params![
                    c.slug, title, c.other_title, c.subtitle, c.acronym, c.time_zone.name(),
                    c.start_date.map(|d| d.to_string()), c.end_date.map(|d| d.to_string()),
                    c.day_change.map(|t| t.to_string()), c.timeslot_minutes, c.venue, c.city,
                    c.url, c.source_format.map(Format::name), sources, illustrative, now
                ],
            )?;
            Ok((tx.last_insert_rowid(), title))
        }
    }
}

fn clear_programme(tx: &Transaction<'_>, conference_id: i64) -> Result<()> {
    search::clear(tx, conference_id, &["session", "person"])?;
    for table in ["session", "person", "day", "track", "room", "venue"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE conference_id = ?1"),
            [conference_id],
        )?;
    }
    Ok(())
}

fn clear_exhibitors(tx: &Transaction<'_>, conference_id: i64) -> Result<()> {
    search::clear(tx, conference_id, &["exhibitor", "product"])?;
    tx.execute(
        "DELETE FROM exhibitor WHERE conference_id = ?1",
        [conference_id],
    )?;
    Ok(())
}

fn write_programme(
    tx: &Transaction<'_>,
    conference_id: i64,
    data: &ConferenceData,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    let mut day = tx.prepare_cached(
        "INSERT INTO day (conference_id, idx, date, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for d in &data.days {
        day.execute(params![
            conference_id,
            d.index,
            d.date.to_string(),
            d.start.map(|t| t.timestamp()),
            d.end.map(|t| t.timestamp())
        ])?;
    }

    let mut venue_ids = HashMap::new();
    let mut venue = tx.prepare_cached(
        "INSERT INTO venue (conference_id, name, other_name, address, sources, illustrative)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for v in &data.venues {
        let (sources, illustrative) = provenance(&v.provenance);
        venue.execute(params![
            conference_id,
            v.name,
            v.other_name,
            v.address,
            sources,
            illustrative
        ])?;
        venue_ids.insert(v.name.as_str(), tx.last_insert_rowid());
    }

    let mut room_ids = HashMap::new();
    let mut room = tx.prepare_cached(
        "INSERT INTO room (conference_id, name, other_name, venue_id, hall, position, sources, illustrative)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, r) in (0_i64..).zip(&data.rooms) {
        let (sources, illustrative) = provenance(&r.provenance);
        let venue_id = r.venue.as_deref().and_then(|v| venue_ids.get(v));
        room.execute(params![
            conference_id,
            r.name,
            r.other_name,
            venue_id,
            r.hall,
            position,
            sources,
            illustrative
        ])?;
        room_ids.insert(r.name.as_str(), tx.last_insert_rowid());
    }

    let mut track_ids = HashMap::new();
    let mut track = tx.prepare_cached(
        "INSERT INTO track (conference_id, name, slug, color) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for t in &data.tracks {
        track.execute(params![conference_id, t.name, t.slug, t.color])?;
        track_ids.insert(t.name.as_str(), tx.last_insert_rowid());
    }

    let mut person_ids = HashMap::new();
    let mut person = tx.prepare_cached(
        "INSERT INTO person (conference_id, key, source_id, guid, name, other_name, bio, affiliation,
            sources, illustrative)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for p in &data.persons {
        let (sources, illustrative) = provenance(&p.provenance);
        person.execute(params![
            conference_id,
            p.key,
            p.source_id,
            p.guid,
            p.name,
            p.other_name,
            p.bio,
            p.affiliation,
            sources,
            illustrative
        ])?;
        person_ids.insert(p.key.as_str(), (tx.last_insert_rowid(), p.name.as_str()));
    }

    let zone = data.conference.time_zone.name();
    let mut session = tx.prepare_cached(
        "INSERT INTO session (conference_id, key, source_id, guid, slug, title, other_title, subtitle,
            kind, language, starts_at, ends_at, time_zone, day, room_id, track_id, abstract,
            description, url, links, attachments, do_not_record, sources, illustrative,
            speaker_names)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    let mut speaker = tx.prepare_cached(
        "INSERT OR IGNORE INTO session_person (session_id, person_id, position) VALUES (?1, ?2, ?3)",
    )?;
    let total = data.sessions.len() as u64;
    for (i, s) in data.sessions.iter().enumerate() {
        if i % 256 == 0 {
            progress(Progress {
                phase: "write",
                done: i as u64,
                total,
            });
        }
        let (sources, illustrative) = provenance(&s.provenance);
        // The speakers as session_person will hold them: known people, each once, in order.
        let mut speakers: Vec<(i64, &str)> = Vec::with_capacity(s.speakers.len());
        for key in &s.speakers {
            if let Some(&(id, name)) = person_ids.get(key.as_str()) {
                if !speakers.iter().any(|&(seen, _)| seen == id) {
                    speakers.push((id, name));
                }
            }
        }
        let speaker_names = speakers
            .iter()
            .map(|&(_, name)| name)
            .collect::<Vec<_>>()
            .join("\u{1f}");
        let room_id = s.room.as_deref().and_then(|r| room_ids.get(r));
        let track_id = s.track.as_deref().and_then(|t| track_ids.get(t));
        session.execute(params![
            conference_id,
            s.key,
            s.source_id,
            s.guid,
            s.slug,
            s.title,
            s.other_title,
            s.subtitle,
            s.kind,
            s.language,
            s.start.timestamp(),
            s.end.timestamp(),
            zone,
            s.day.to_string(),
            room_id,
            track_id,
            s.abstract_html,
            s.description_html,
            s.url,
            serde_json::to_string(&s.links)?,
            serde_json::to_string(&s.attachments)?,
            s.do_not_record,
            sources,
            illustrative,
            speaker_names
        ])?;
        let session_id = tx.last_insert_rowid();
        for (position, (person_id, _)) in (0_i64..).zip(&speakers) {
            speaker.execute(params![session_id, person_id, position])?;
        }
    }
    progress(Progress {
        phase: "write",
        done: total,
        total,
    });
    Ok(())
}

fn write_exhibitors(tx: &Transaction<'_>, conference_id: i64, data: &ConferenceData) -> Result<()> {
    let mut exhibitor = tx.prepare_cached(
        "INSERT INTO exhibitor (conference_id, key, source_id, name, other_name, hall, booths,
            country, categories, website, description, sources, illustrative)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut product = tx.prepare_cached(
        "INSERT INTO product (exhibitor_id, position, name, other_name, category, description,
            sources, illustrative)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for e in &data.exhibitors {
        let (sources, illustrative) = provenance(&e.provenance);
        exhibitor.execute(params![
            conference_id,
            e.key,
            e.source_id,
            e.name,
            e.other_name,
            e.hall,
            json_list(&e.booths),
            e.country,
            json_list(&e.categories),
            e.website,
            e.description,
            sources,
            illustrative
        ])?;
        let exhibitor_id = tx.last_insert_rowid();
        for (position, p) in (0_i64..).zip(&e.products) {
            let (sources, illustrative) = provenance(&p.provenance);
            product.execute(params![
                exhibitor_id,
                position,
                p.name,
                p.other_name,
                p.category,
                p.description,
                sources,
                illustrative
            ])?;
        }
    }
    Ok(())
}

impl Store {
    /// Reads, parses and imports the file at `path`: the whole flow behind the app's Import,
    /// [`crate::import::read_file`] then [`Store::import`]. `progress` hears each phase.
    pub fn import_file(
        &self,
        path: &std::path::Path,
        options: &crate::import::ImportOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let parsed = crate::import::read_file(path, options, progress)?;
        self.import(parsed, progress)
    }
}
