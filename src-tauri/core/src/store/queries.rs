//! Read models: what the CLI prints and the desktop app shows. Times are RFC 3339 in the
//! conference's own offset; HTML is sanitised on the way out.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::bookmarks::{orphaned, Bookmark, PlanMark, Priority};
use super::{parse_list, Store};
use crate::error::{Error, Result};
use crate::model::{Link, Zone};
use crate::text::sanitize_html;

/// A conference in the store, with its size.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ConferenceSummary {
    pub slug: String,
    pub title: String,
    pub other_title: Option<String>,
    pub time_zone: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub days: Vec<String>,
    pub sessions: i64,
    pub exhibitors: i64,
    pub source_format: Option<String>,
    pub imported_at: String,
    /// Whether this is the conference commands use when none is named.
    pub current: bool,
}

/// Which sessions to list. Empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(optional_fields)]
pub struct SessionFilter {
    pub conference: Option<String>,
    pub day: Option<NaiveDate>,
    pub track: Option<String>,
    pub kind: Option<String>,
    pub room: Option<String>,
    /// A venue or hall name.
    pub venue: Option<String>,
    pub language: Option<String>,
    /// Only these session keys.
    pub keys: Option<Vec<String>>,
    /// Include the abstract, description, links and attachments (default: yes). Lists that
    /// show none of them say no, which spares sanitising every abstract of the programme.
    pub with_text: Option<bool>,
}

/// A session as lists show it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SessionView {
    pub conference: String,
    pub key: String,
    /// The source's own id.
    pub id: Option<String>,
    pub guid: Option<String>,
    pub slug: Option<String>,
    pub title: String,
    pub other_title: Option<String>,
    pub subtitle: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub day: NaiveDate,
    pub duration_minutes: i64,
    pub room: Option<String>,
    pub hall: Option<String>,
    pub venue: Option<String>,
    pub track: Option<String>,
    pub speakers: Vec<String>,
    pub url: Option<String>,
    /// Sanitised HTML, safe to render.
    pub abstract_html: Option<String>,
    pub description_html: Option<String>,
    pub links: Vec<Link>,
    pub attachments: Vec<Link>,
    pub sources: Vec<String>,
    pub illustrative: Vec<String>,
    /// The user's bookmark priority, if bookmarked.
    pub bookmark: Option<Priority>,
}

/// A speaker.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PersonView {
    pub conference: String,
    pub key: String,
    pub name: String,
    pub other_name: Option<String>,
    pub affiliation: Option<String>,
    /// Sanitised HTML.
    pub bio: Option<String>,
    /// Keys of their sessions, in time order.
    pub sessions: Vec<String>,
    pub sources: Vec<String>,
    pub illustrative: Vec<String>,
}

/// Which exhibitors to list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(optional_fields)]
pub struct ExhibitorFilter {
    pub conference: Option<String>,
    pub hall: Option<String>,
    pub category: Option<String>,
    pub country: Option<String>,
    /// Only the exhibitor with this key (its detail page uses this).
    pub key: Option<String>,
    /// Include the descriptions of the exhibitor and its products (default: yes). The list
    /// says no: at 100× it would otherwise sanitise 80,000 descriptions to show names.
    pub with_text: Option<bool>,
}

/// An exhibitor with its products.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExhibitorView {
    pub conference: String,
    pub key: String,
    pub name: String,
    pub other_name: Option<String>,
    pub hall: Option<String>,
    pub booths: Vec<String>,
    pub country: Option<String>,
    pub categories: Vec<String>,
    pub website: Option<String>,
    /// Sanitised HTML.
    pub description: Option<String>,
    pub products: Vec<ProductView>,
    pub sources: Vec<String>,
    pub illustrative: Vec<String>,
    pub bookmark: Option<Priority>,
    pub visited: bool,
}

/// A product.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProductView {
    pub name: String,
    pub other_name: Option<String>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub sources: Vec<String>,
    pub illustrative: Vec<String>,
}

/// A resolved conference: row id, slug and time zone.
pub(crate) struct ConferenceRef {
    pub id: i64,
    pub slug: String,
    pub zone: Zone,
}

/// Finds the conference named `slug`, or the current one: the one set with
/// [`Store::set_current_conference`], else the most recently imported.
pub(crate) fn resolve(conn: &Connection, slug: Option<&str>) -> Result<ConferenceRef> {
    let row = |r: &Row<'_>| -> rusqlite::Result<(i64, String, String)> {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    };
    let found = match slug {
        Some(slug) => conn
            .prepare_cached("SELECT id, slug, time_zone FROM conference WHERE slug = ?1")?
            .query_row([slug], row)
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "conference",
                key: slug.to_string(),
            })?,
        None => conn
            .prepare_cached(
                "SELECT id, slug, time_zone FROM conference
                 ORDER BY slug = (SELECT value FROM setting WHERE key = 'current_conference') DESC,
                          imported_at DESC, id DESC LIMIT 1",
            )?
            .query_row([], row)
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "conference",
                key: "(none imported yet)".into(),
            })?,
    };
    let (id, slug, zone) = found;
    Ok(ConferenceRef {
        id,
        slug,
        zone: Zone::parse(&zone).unwrap_or_default(),
    })
}

fn instant(seconds: i64, zone: &Zone) -> DateTime<FixedOffset> {
    let utc = Utc.timestamp_opt(seconds, 0).single().unwrap_or_default();
    zone.localize(utc)
}

/// A session with what its bookmark says of it, from [`Store::bookmarked_sessions`].
pub(crate) struct BookmarkedSession {
    pub(crate) session: SessionView,
    pub(crate) note: String,
    pub(crate) plan: Option<PlanMark>,
}

/// What the agenda reads of a conference's bookmarks, from one snapshot.
pub(crate) struct Bookmarked {
    pub(crate) slug: String,
    pub(crate) sessions: Vec<BookmarkedSession>,
    pub(crate) orphans: Vec<Bookmark>,
}

/// The columns [`session_row`] reads, in its order: those of a session `s` with the room
/// `r`, venue `v` and track `t` that [`session_places`] joins, and last `b.priority` of a
/// bookmark joined as `b`. `$text` says whether to read the abstract, description, links and
/// attachments (an SQL boolean: a parameter or a literal).
macro_rules! session_columns {
    ($text:literal) => {
        concat!(
            "s.key, s.source_id, s.guid, s.slug, s.title, s.other_title, s.subtitle, s.kind,
             s.language, s.starts_at, s.ends_at, s.day, r.name, r.hall, v.name, t.name, s.url,
             CASE WHEN ",
            $text,
            " THEN s.abstract END, CASE WHEN ",
            $text,
            " THEN s.description END,
             CASE WHEN ",
            $text,
            " THEN s.links ELSE '[]' END,
             CASE WHEN ",
            $text,
            " THEN s.attachments ELSE '[]' END,
             s.sources, s.illustrative, s.speaker_names, b.priority"
        )
    };
}

/// Rooms, venues and tracks of the sessions `s`, for [`session_columns`].
macro_rules! session_places {
    () => {
        "LEFT JOIN room r ON r.id = s.room_id
         LEFT JOIN venue v ON v.id = r.venue_id
         LEFT JOIN track t ON t.id = s.track_id"
    };
}

const SESSION_SELECT: &str = concat!(
    "SELECT ",
    session_columns!("?10"),
    " FROM session s ",
    session_places!(),
    " LEFT JOIN bookmark b ON b.conference_slug = ?1 AND b.target_kind = 'session'
      AND b.target_key = s.key"
);

/// A stored day, `YYYY-MM-DD`. Read by hand: chrono's general parser took a twentieth of the time
/// of building a session. Anything else is left to chrono, as before.
fn parse_day(text: &str) -> NaiveDate {
    ymd(text).unwrap_or_else(|| text.parse().unwrap_or_default())
}

/// `YYYY-MM-DD` in ASCII digits, if it is a day of the calendar.
fn ymd(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = &bytes[from..to];
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)
}

fn session_row(row: &Row<'_>, conference: &ConferenceRef) -> rusqlite::Result<SessionView> {
    let start: i64 = row.get(9)?;
    let end: i64 = row.get(10)?;
    let day = parse_day(row.get_ref(11)?.as_str()?);
    let html = |i: usize| -> rusqlite::Result<Option<String>> {
        Ok(row.get::<_, Option<String>>(i)?.map(|h| sanitize_html(&h)))
    };
    Ok(SessionView {
        conference: conference.slug.clone(),
        key: row.get(0)?,
        id: row.get(1)?,
        guid: row.get(2)?,
        slug: row.get(3)?,
        title: row.get(4)?,
        other_title: row.get(5)?,
        subtitle: row.get(6)?,
        kind: row.get(7)?,
        language: row.get(8)?,
        start: instant(start, &conference.zone),
        end: instant(end, &conference.zone),
        day,
        duration_minutes: (end - start) / 60,
        room: row.get(12)?,
        hall: row.get(13)?,
        venue: row.get(14)?,
        track: row.get(15)?,
        url: row.get(16)?,
        abstract_html: html(17)?,
        description_html: html(18)?,
        links: parse_list(row.get_ref(19)?.as_str()?),
        attachments: parse_list(row.get_ref(20)?.as_str()?),
        sources: parse_list(row.get_ref(21)?.as_str()?),
        illustrative: parse_list(row.get_ref(22)?.as_str()?),
        speakers: match row.get_ref(23)?.as_str()? {
            "" => Vec::new(),
            names => names.split('\u{1f}').map(String::from).collect(),
        },
        bookmark: row
            .get::<_, Option<String>>(24)?
            .as_deref()
            .and_then(Priority::parse),
    })
}

impl Store {
    /// Every conference in the store.
    pub fn conferences(&self) -> Result<Vec<ConferenceSummary>> {
        self.read(|conn| {
            let current = resolve(conn, None).ok().map(|c| c.slug);
            let mut stmt = conn.prepare_cached(
                "SELECT c.slug, c.title, c.other_title, c.time_zone, c.start_date, c.end_date,
                    (SELECT group_concat(date, ',') FROM (SELECT date FROM day WHERE conference_id = c.id ORDER BY date)),
                    (SELECT count(*) FROM session WHERE conference_id = c.id),
                    (SELECT count(*) FROM exhibitor WHERE conference_id = c.id),
                    c.source_format, c.imported_at
                 FROM conference c ORDER BY c.title",
            )?;
            let rows = stmt.query_map([], |r| {
                let slug: String = r.get(0)?;
                Ok(ConferenceSummary {
                    current: current.as_deref() == Some(slug.as_str()),
                    slug,
                    title: r.get(1)?,
                    other_title: r.get(2)?,
                    time_zone: r.get(3)?,
                    start_date: r.get(4)?,
                    end_date: r.get(5)?,
                    days: r
                        .get::<_, Option<String>>(6)?
                        .map(|d| d.split(',').map(String::from).collect())
                        .unwrap_or_default(),
                    sessions: r.get(7)?,
                    exhibitors: r.get(8)?,
                    source_format: r.get(9)?,
                    imported_at: r.get(10)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Makes `slug` the conference commands use when none is named.
    pub fn set_current_conference(&self, slug: &str) -> Result<()> {
        self.write(|tx| {
            resolve(tx, Some(slug))?;
            tx.execute(
                "INSERT INTO setting (key, value) VALUES ('current_conference', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [slug],
            )?;
            Ok(())
        })
    }

    /// Sessions matching `filter`, in time order then room order.
    pub fn sessions(&self, filter: &SessionFilter) -> Result<Vec<SessionView>> {
        self.read(|conn| {
            let conference = resolve(conn, filter.conference.as_deref())?;
            let keys = filter
                .keys
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?;
            // With keys (one session, or the sessions a plan suggests), each key is looked up
            // in the (conference, key) index instead of testing every session of the
            // conference. The unary `+` stops the planner walking session_by_time just to skip
            // part of the sort.
            let (by_key, order) = if keys.is_some() {
                (
                    "AND s.key IN (SELECT value FROM json_each(?9))",
                    "+s.starts_at",
                )
            } else {
                ("AND ?9 IS NULL", "s.starts_at")
            };
            let mut stmt = conn.prepare_cached(&format!(
                "{SESSION_SELECT}
                 WHERE s.conference_id = ?2 {by_key}
                   AND (?3 IS NULL OR s.day = ?3)
                   AND (?4 IS NULL OR t.name = ?4)
                   AND (?5 IS NULL OR s.kind = ?5)
                   AND (?6 IS NULL OR r.name = ?6)
                   AND (?7 IS NULL OR v.name = ?7 OR r.hall = ?7)
                   AND (?8 IS NULL OR s.language = ?8)
                 ORDER BY {order}, r.position, s.title"
            ))?;
            let rows = stmt.query_map(
                params![
                    conference.slug,
                    conference.id,
                    filter.day.map(|d| d.to_string()),
                    filter.track,
                    filter.kind,
                    filter.room,
                    filter.venue,
                    filter.language,
                    keys,
                    filter.with_text.unwrap_or(true)
                ],
                |row| session_row(row, &conference),
            )?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// One session by key.
    pub fn session(&self, conference: Option<&str>, key: &str) -> Result<SessionView> {
        let filter = SessionFilter {
            conference: conference.map(String::from),
            keys: Some(vec![key.to_string()]),
            ..SessionFilter::default()
        };
        self.sessions(&filter)?
            .pop()
            .ok_or_else(|| Error::NotFound {
                what: "session",
                key: key.to_string(),
            })
    }

    /// The sessions bookmarked (and not orphaned) in `conference`, without their text, each
    /// with its bookmark's note and plan mark, in no particular order; and the orphaned
    /// bookmarks: what the agenda shows. One statement starts from the bookmarks, where
    /// [`Store::sessions`] with their keys would read the bookmarks first, pass their keys
    /// back as JSON and sort what it found. One snapshot, so that a re-import in between
    /// cannot show a bookmark both as a session and as an orphan.
    pub(crate) fn bookmarked_sessions(&self, conference: Option<&str>) -> Result<Bookmarked> {
        self.read(|conn| {
            let snapshot = conn.unchecked_transaction()?;
            let conference = resolve(&snapshot, conference)?;
            let mut stmt = snapshot.prepare_cached(concat!(
                "SELECT ",
                session_columns!("0"),
                ", b.note, b.plan
                 FROM bookmark b JOIN session s ON s.conference_id = ?2 AND s.key = b.target_key ",
                session_places!(),
                " WHERE b.conference_slug = ?1 AND b.target_kind = 'session'
                   AND b.orphaned_at IS NULL"
            ))?;
            let rows = stmt.query_map(params![conference.slug, conference.id], |row| {
                Ok(BookmarkedSession {
                    session: session_row(row, &conference)?,
                    note: row.get(25)?,
                    plan: PlanMark::parse(row.get_ref(26)?.as_str_or_null()?),
                })
            })?;
            let sessions = rows.collect::<Result<_, _>>()?;
            let orphans = orphaned(&snapshot, &conference.slug)?;
            Ok(Bookmarked {
                slug: conference.slug,
                sessions,
                orphans,
            })
        })
    }

    /// Speakers of a conference, by name.
    pub fn speakers(&self, conference: Option<&str>) -> Result<Vec<PersonView>> {
        self.read(|conn| {
            let conference = resolve(conn, conference)?;
            let mut stmt = conn.prepare_cached(
                "SELECT p.key, p.name, p.other_name, p.affiliation, p.bio, p.sources, p.illustrative,
                    (SELECT group_concat(key, char(31)) FROM
                        (SELECT s.key FROM session_person sp JOIN session s ON s.id = sp.session_id
                         WHERE sp.person_id = p.id ORDER BY s.starts_at))
                 FROM person p WHERE p.conference_id = ?1 ORDER BY p.name COLLATE NOCASE",
            )?;
            let rows = stmt.query_map([conference.id], |r| {
                Ok(PersonView {
                    conference: conference.slug.clone(),
                    key: r.get(0)?,
                    name: r.get(1)?,
                    other_name: r.get(2)?,
                    affiliation: r.get(3)?,
                    bio: r.get::<_, Option<String>>(4)?.map(|b| sanitize_html(&b)),
                    sources: parse_list(&r.get::<_, String>(5)?),
                    illustrative: parse_list(&r.get::<_, String>(6)?),
                    sessions: r
                        .get::<_, Option<String>>(7)?
                        .map(|s| s.split('\u{1f}').map(String::from).collect())
                        .unwrap_or_default(),
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Exhibitors matching `filter`, by name, with their products.
    pub fn exhibitors(&self, filter: &ExhibitorFilter) -> Result<Vec<ExhibitorView>> {
        self.exhibitors_where(filter, false)
    }

    /// [`Store::exhibitors`], optionally only the bookmarked ones. The agenda needs only those,
    /// and filtering in SQL spares it reading (and sanitising) every exhibitor of a large show.
    /// The bookmarked exhibitors of `slug`, without descriptions (what the agenda and the
    /// booth route list).
    pub(crate) fn bookmarked_exhibitors(&self, slug: &str) -> Result<Vec<ExhibitorView>> {
        self.exhibitors_where(
            &ExhibitorFilter {
                conference: Some(slug.to_string()),
                with_text: Some(false),
                ..ExhibitorFilter::default()
            },
            true,
        )
    }

    pub(crate) fn exhibitors_where(
        &self,
        filter: &ExhibitorFilter,
        bookmarked_only: bool,
    ) -> Result<Vec<ExhibitorView>> {
        // Bookmarked only: start from the bookmarks, looked up by (conference, key), rather
        // than testing every exhibitor of a large show for a bookmark.
        let bookmarked = if bookmarked_only {
            "AND e.key IN (SELECT target_key FROM bookmark WHERE conference_slug = ?2
                 AND target_kind = 'exhibitor')"
        } else {
            ""
        };
        self.read(|conn| {
            let conference = resolve(conn, filter.conference.as_deref())?;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT e.id, e.key, e.name, e.other_name, e.hall, e.booths, e.country, e.categories,
                        e.website, e.description, e.sources, e.illustrative, b.priority,
                        coalesce(b.visited, 0)
                 FROM exhibitor e
                 LEFT JOIN bookmark b ON b.conference_slug = ?2 AND b.target_kind = 'exhibitor'
                      AND b.target_key = e.key
                 WHERE e.conference_id = ?1 {bookmarked}
                   AND (?3 IS NULL OR e.hall = ?3)
                   AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.categories) WHERE value = ?4))
                   AND (?5 IS NULL OR e.country = ?5)
                   AND (?6 IS NULL OR e.key = ?6)
                 ORDER BY e.name COLLATE NOCASE"
            ))?;
            let mut products = conn.prepare_cached(
                "SELECT name, other_name, category, description, sources, illustrative
                 FROM product WHERE exhibitor_id = ?1 ORDER BY position",
            )?;
            let mut out = Vec::new();
            let mut rows = stmt.query(params![
                conference.id,
                conference.slug,
                filter.hall,
                filter.category,
                filter.country,
                filter.key
            ])?;
            let with_text = filter.with_text.unwrap_or(true);
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                let product_rows = products.query_map([id], |p| {
                    Ok(ProductView {
                        name: p.get(0)?,
                        other_name: p.get(1)?,
                        category: p.get(2)?,
                        description: if with_text { p.get(3)? } else { None },
                        sources: parse_list(&p.get::<_, String>(4)?),
                        illustrative: parse_list(&p.get::<_, String>(5)?),
                    })
                })?;
                out.push(ExhibitorView {
                    conference: conference.slug.clone(),
                    key: r.get(1)?,
                    name: r.get(2)?,
                    other_name: r.get(3)?,
                    hall: r.get(4)?,
                    booths: parse_list(&r.get::<_, String>(5)?),
                    country: r.get(6)?,
                    categories: parse_list(&r.get::<_, String>(7)?),
                    website: r.get(8)?,
                    description: if with_text {
                        r.get::<_, Option<String>>(9)?.map(|d| sanitize_html(&d))
                    } else {
                        None
                    },
                    sources: parse_list(&r.get::<_, String>(10)?),
                    illustrative: parse_list(&r.get::<_, String>(11)?),
                    bookmark: r.get::<_, Option<String>>(12)?.as_deref().and_then(Priority::parse),
                    visited: r.get(13)?,
                    products: product_rows.collect::<Result<_, _>>()?,
                });
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_column_reads_as_serde_json_reads_it() {
        for text in ["[]", "[\"a\",\"b\"]", "[ ]", "not json", ""] {
            let expected: Vec<String> = serde_json::from_str(text).unwrap_or_default();
            assert_eq!(parse_list::<String>(text), expected, "{text}");
        }
    }

    #[test]
    fn a_stored_day_reads_as_chrono_reads_it() {
        for text in ["2025-07-26", "2026-02-01", "1999-12-31", "2024-02-29"] {
            assert_eq!(
                parse_day(text),
                text.parse::<NaiveDate>().unwrap(),
                "{text}"
            );
        }
        // Not a date of the calendar, or not in the stored form: chrono's answer, or the
        // default, as before.
        for text in [
            "2025-02-30",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-07-00",
            "2025-7-26",
            "2025-07-2x",
            "",
            " 2025-07-26",
            "+2025-07-26",
            "-001-01-01",
            "２０２５-07-26",
        ] {
            assert_eq!(
                parse_day(text),
                text.parse::<NaiveDate>().unwrap_or_default(),
                "{text}"
            );
        }
    }
}
