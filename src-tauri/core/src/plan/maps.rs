//! Venue maps in the store: importing a venue file, and the map a conference plans with.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use super::venues::VenueMap;
use super::walk::{Place, Walker};
use crate::dataset::{WAIC_2025_SLUG, WAIC_2025_VENUES, WAIC_2025_VENUES_FILE};
use crate::error::{Error, Result};
use crate::store::{resolve_conference, Store};

/// What a venue file import did, and what of the programme its map leaves unplaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VenueMapReport {
    pub conference: String,
    pub venues: usize,
    pub halls: usize,
    pub booths: usize,
    /// The programme's rooms the map places (directly, as a hall, or at their venue's entrance).
    pub rooms_placed: usize,
    pub rooms: usize,
    /// Rooms the map cannot place: walks to and from them are unknown.
    pub rooms_unplaced: Vec<String>,
    /// Exhibitor booths the map has, of all the exhibitors' booths.
    pub booths_placed: usize,
    pub booths_listed: usize,
}

/// A conference's map and its programme's rooms, ready to answer walks.
pub struct Layout {
    pub conference: String,
    pub map: Option<Arc<VenueMap>>,
    /// Each room's venue as the programme gives it.
    pub room_venues: Arc<HashMap<String, String>>,
}

/// What [`Store::layout`] has read, by conference slug, each with the `imported_at` (of the
/// map, of the programme) it was read at, so another process's import is seen.
#[derive(Debug, Default)]
pub(crate) struct LayoutCache {
    maps: HashMap<String, (String, Arc<VenueMap>)>,
    rooms: HashMap<String, (String, Arc<HashMap<String, String>>)>,
}

impl Layout {
    /// A walker, if the conference has a map.
    pub fn walker(&self) -> Option<Walker<'_>> {
        self.map
            .as_deref()
            .map(|m| Walker::new(m, &self.room_venues))
    }
}

impl Store {
    /// Checks a venue file and stores its map for `conference` (the file's own `conference`,
    /// else the current one), replacing any earlier map. A bad file changes nothing.
    pub fn import_venue_map(
        &self,
        conference: Option<&str>,
        file: &str,
        text: &str,
    ) -> Result<VenueMapReport> {
        let map = VenueMap::parse(file, text)?;
        let wanted = conference.or(map.conference.as_deref());
        let slug = self.read(|conn| resolve_conference(conn, wanted))?.slug;
        if let (Some(named), Some(arg)) = (map.conference.as_deref(), conference) {
            if named != arg {
                return Err(Error::BadRequest(format!(
                    "{file}: the map is for {named:?}, not {arg:?}"
                )));
            }
        }
        let json = serde_json::to_string(&map)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO venue_map (conference_slug, map, file, imported_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (conference_slug) DO UPDATE SET
                    map = excluded.map, file = excluded.file, imported_at = excluded.imported_at",
                params![slug, json, file, Utc::now().to_rfc3339()],
            )?;
            Ok(())
        })?;
        self.venue_map_report(Some(&slug))
    }

    /// Reads a venue file from disk and imports it as [`Store::import_venue_map`] does.
    pub fn import_venue_file(
        &self,
        conference: Option<&str>,
        path: &std::path::Path,
    ) -> Result<VenueMapReport> {
        // A venue file is a few kilobytes; anything past this is not one.
        const LIMIT: u64 = 16 * 1024 * 1024;
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        let file = path.display().to_string();
        if size > LIMIT {
            return Err(Error::TooLarge {
                file,
                size,
                limit: LIMIT,
            });
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        self.import_venue_map(conference, &file, &text)
    }

    /// The map `conference` plans with: its imported one, else WAIC 2025's built-in map for
    /// WAIC 2025, else none.
    pub fn venue_map(&self, conference: Option<&str>) -> Result<Option<VenueMap>> {
        Ok(self.layout(conference)?.map.map(|m| (*m).clone()))
    }

    /// The conference's map with its programme's rooms.
    pub fn layout(&self, conference: Option<&str>) -> Result<Layout> {
        let (id, slug, programme, stored) = self.read(|conn| {
            let c = resolve_conference(conn, conference)?;
            let (programme, stored): (String, Option<String>) = conn
                .prepare_cached(
                    "SELECT c.imported_at, m.imported_at FROM conference c
                     LEFT JOIN venue_map m ON m.conference_slug = c.slug WHERE c.id = ?1",
                )?
                .query_row([c.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok((c.id, c.slug, programme, stored))
        })?;
        let map = match stored {
            Some(imported_at) => Some(self.stored_map(&slug, &imported_at)?),
            None if slug == WAIC_2025_SLUG => Some(self.cached_map(&slug, "built in", || {
                VenueMap::parse(WAIC_2025_VENUES_FILE, WAIC_2025_VENUES)
            })?),
            None => None,
        };
        // Without a map, walks are unknown whatever venue a room is in.
        let room_venues = match map {
            Some(_) => self.room_venues(id, &slug, &programme)?,
            None => Arc::default(),
        };
        Ok(Layout {
            conference: slug,
            map,
            room_venues,
        })
    }

    /// Each room's venue, read once per import of the programme.
    fn room_venues(
        &self,
        id: i64,
        slug: &str,
        programme: &str,
    ) -> Result<Arc<HashMap<String, String>>> {
        if let Some((version, rooms)) = self.layout_cache().rooms.get(slug) {
            if version == programme {
                return Ok(Arc::clone(rooms));
            }
        }
        let rooms = Arc::new(self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT r.name, v.name FROM room r JOIN venue v ON v.id = r.venue_id
                     WHERE r.conference_id = ?1",
                )?
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<HashMap<String, String>>>()?)
        })?);
        self.layout_cache().rooms.insert(
            slug.to_string(),
            (programme.to_string(), Arc::clone(&rooms)),
        );
        Ok(rooms)
    }

    /// The stored map of `slug`, parsed once per import (another process may import a new one).
    fn stored_map(&self, slug: &str, imported_at: &str) -> Result<Arc<VenueMap>> {
        self.cached_map(slug, imported_at, || {
            let (json, file): (String, String) = self.read(|conn| {
                Ok(conn
                    .prepare_cached("SELECT map, file FROM venue_map WHERE conference_slug = ?1")?
                    .query_row([slug], |r| Ok((r.get(0)?, r.get(1)?)))?)
            })?;
            VenueMap::parse(&file, &json)
        })
    }

    fn cached_map(
        &self,
        slug: &str,
        version: &str,
        parse: impl FnOnce() -> Result<VenueMap>,
    ) -> Result<Arc<VenueMap>> {
        if let Some((v, map)) = self.layout_cache().maps.get(slug) {
            if v == version {
                return Ok(Arc::clone(map));
            }
        }
        let map = Arc::new(parse()?);
        self.layout_cache()
            .maps
            .insert(slug.to_string(), (version.to_string(), Arc::clone(&map)));
        Ok(map)
    }

    fn layout_cache(&self) -> std::sync::MutexGuard<'_, LayoutCache> {
        // A poisoned lock only means another thread panicked while inserting; the entries
        // are whole Arcs, so the cache is still sound.
        self.layouts.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How much of the conference's programme its map places.
    pub fn venue_map_report(&self, conference: Option<&str>) -> Result<VenueMapReport> {
        let layout = self.layout(conference)?;
        let (rooms, booths) = self.read(|conn| {
            let c = resolve_conference(conn, Some(&layout.conference))?;
            let rooms = conn
                .prepare_cached("SELECT name FROM room WHERE conference_id = ?1 ORDER BY position")?
                .query_map([c.id], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            let booths = conn
                .prepare_cached(
                    "SELECT j.value FROM exhibitor e, json_each(e.booths) j
                     WHERE e.conference_id = ?1",
                )?
                .query_map([c.id], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok((rooms, booths))
        })?;
        let empty = VenueMap {
            format: super::venues::VENUE_FORMAT.into(),
            conference: None,
            walking_speed: super::venues::DEFAULT_WALKING_SPEED,
            sources: Vec::new(),
            venues: Vec::new(),
            walks: Vec::new(),
        };
        let map = layout.map.as_deref().unwrap_or(&empty);
        let walker = Walker::new(map, &layout.room_venues);
        let rooms_unplaced: Vec<String> = rooms
            .iter()
            .filter(|r| !walker.places(Place::Room(r)))
            .cloned()
            .collect();
        let booths_placed = booths
            .iter()
            .filter(|b| walker.places(Place::Booth(b)))
            .count();
        Ok(VenueMapReport {
            conference: layout.conference.clone(),
            venues: map.venues.len(),
            halls: map.venues.iter().map(|v| v.halls.len()).sum(),
            booths: map
                .venues
                .iter()
                .flat_map(|v| &v.halls)
                .map(|h| h.booths.len())
                .sum(),
            rooms_placed: rooms.len() - rooms_unplaced.len(),
            rooms: rooms.len(),
            rooms_unplaced,
            booths_placed,
            booths_listed: booths.len(),
        })
    }
}
