//! Bookmarks: what the user made, kept through every re-import.
//!
//! A bookmark names its target by key, and keeps a snapshot of it (title, speakers, start). After
//! each import [`reconcile`] re-attaches it by key; failing that by the snapshot, which is how a
//! bookmark follows a session whose source changed its ids; failing that it is kept and flagged
//! as orphaned. Nothing here deletes a bookmark except the user's own `remove`.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use crate::error::{Error, Result};

/// What a bookmark points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum BookmarkKind {
    Session,
    Person,
    Exhibitor,
}

impl BookmarkKind {
    /// The stored and printed name.
    pub fn as_str(self) -> &'static str {
        match self {
            BookmarkKind::Session => "session",
            BookmarkKind::Person => "person",
            BookmarkKind::Exhibitor => "exhibitor",
        }
    }

    fn parse(text: &str) -> BookmarkKind {
        match text {
            "person" => BookmarkKind::Person,
            "exhibitor" => BookmarkKind::Exhibitor,
            _ => BookmarkKind::Session,
        }
    }
}

/// How much the user wants to go.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Must,
    #[default]
    Want,
    Maybe,
}

impl Priority {
    /// The stored and printed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Must => "must",
            Priority::Want => "want",
            Priority::Maybe => "maybe",
        }
    }

    /// Parses `must`, `want` or `maybe`.
    pub fn parse(text: &str) -> Option<Priority> {
        match text {
            "must" => Some(Priority::Must),
            "want" => Some(Priority::Want),
            "maybe" => Some(Priority::Maybe),
            _ => None,
        }
    }
}

/// A stored bookmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Bookmark {
    pub conference: String,
    pub kind: BookmarkKind,
    pub key: String,
    pub priority: Priority,
    pub note: String,
    pub visited: bool,
    /// The target's title (or name) when last seen.
    pub title: String,
    /// True when the target vanished from the programme; the bookmark is kept for the user.
    pub orphaned: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// Add a bookmark or change one. Fields left `None` keep their value (or the default).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(optional_fields)]
pub struct BookmarkChange {
    pub conference: String,
    pub kind: Option<BookmarkKind>,
    pub key: String,
    pub priority: Option<Priority>,
    pub note: Option<String>,
    pub visited: Option<bool>,
}

/// What happened to the bookmarks of a conference during an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct BookmarkTally {
    /// Found again by their key.
    pub attached: usize,
    /// Found again by title, speakers and start after the source changed ids.
    pub reattached: usize,
    /// Matching nothing: kept, and shown to the user as orphaned.
    pub orphaned: usize,
}

/// The identity of a target used to find it again: normalised title, speakers and start.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    /// As shown to the user.
    display: String,
    /// Normalised for matching.
    title: String,
    people: String,
    start: Option<i64>,
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every current target of `kind` in the conference, by key.
fn targets(
    conn: &Connection,
    conference_id: i64,
    kind: BookmarkKind,
    only: Option<&str>,
) -> Result<HashMap<String, Snapshot>> {
    let sql = match kind {
        BookmarkKind::Session => {
            "SELECT s.key, s.title, s.starts_at,
                    (SELECT group_concat(name, char(31)) FROM
                        (SELECT lower(p.name) AS name FROM session_person sp
                         JOIN person p ON p.id = sp.person_id WHERE sp.session_id = s.id ORDER BY 1))
             FROM session s WHERE s.conference_id = ?1 AND (?2 IS NULL OR s.key = ?2)"
        }
        BookmarkKind::Person => "SELECT key, name, NULL, '' FROM person WHERE conference_id = ?1 AND (?2 IS NULL OR key = ?2)",
        BookmarkKind::Exhibitor => "SELECT key, name, NULL, '' FROM exhibitor WHERE conference_id = ?1 AND (?2 IS NULL OR key = ?2)",
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![conference_id, only], |row| {
        let display: String = row.get(1)?;
        Ok((
            row.get::<_, String>(0)?,
            Snapshot {
                title: normalise(&display),
                display,
                start: row.get(2)?,
                people: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Re-attaches the bookmarks of conference `slug` after its programme was replaced.
pub(crate) fn reconcile(
    tx: &Transaction<'_>,
    slug: &str,
    conference_id: i64,
) -> Result<BookmarkTally> {
    let mut tally = BookmarkTally::default();
    let now = Utc::now().to_rfc3339();
    for kind in [
        BookmarkKind::Session,
        BookmarkKind::Person,
        BookmarkKind::Exhibitor,
    ] {
        let mut stmt = tx.prepare_cached(
            "SELECT id, target_key, snapshot_title, snapshot_people, snapshot_start
             FROM bookmark WHERE conference_slug = ?1 AND target_kind = ?2 ORDER BY id",
        )?;
        let marks: Vec<(i64, String, Snapshot)> = stmt
            .query_map(params![slug, kind.as_str()], |row| {
                let display: String = row.get(2)?;
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    Snapshot {
                        title: normalise(&display),
                        display,
                        people: row.get(3)?,
                        start: row.get(4)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        if marks.is_empty() {
            // Nothing to re-attach; listing every target of a large programme would be waste.
            continue;
        }
        let current = targets(tx, conference_id, kind, None)?;
        let mut taken: HashSet<String> = marks
            .iter()
            .filter(|(_, key, _)| current.contains_key(key))
            .map(|(_, k, _)| k.clone())
            .collect();
        for (id, key, snapshot) in &marks {
            if let Some(found) = current.get(key) {
                refresh(tx, *id, key, found)?;
                tally.attached += 1;
            } else if let Some(new_key) = best_match(snapshot, &current, &taken) {
                refresh(tx, *id, &new_key, &current[&new_key])?;
                taken.insert(new_key);
                tally.reattached += 1;
            } else {
                tx.execute(
                    "UPDATE bookmark SET orphaned_at = coalesce(orphaned_at, ?2) WHERE id = ?1",
                    params![id, now],
                )?;
                tally.orphaned += 1;
            }
        }
    }
    Ok(tally)
}

/// The one target that agrees with the snapshot on at least two of title, speakers and start
/// (title alone when the kind has nothing else), if exactly one scores best.
fn best_match(
    snapshot: &Snapshot,
    current: &HashMap<String, Snapshot>,
    taken: &HashSet<String>,
) -> Option<String> {
    let has_more = !snapshot.people.is_empty() || snapshot.start.is_some();
    let needed = if has_more { 2 } else { 1 };
    let mut best: Option<(u8, &String)> = None;
    let mut tie = false;
    for (key, target) in current.iter().filter(|(k, _)| !taken.contains(*k)) {
        let score = u8::from(target.title == snapshot.title && !snapshot.title.is_empty())
            + u8::from(!snapshot.people.is_empty() && target.people == snapshot.people)
            + u8::from(snapshot.start.is_some() && target.start == snapshot.start);
        if score < needed {
            continue;
        }
        match best {
            Some((s, _)) if s > score => {}
            Some((s, _)) if s == score => tie = true,
            _ => {
                best = Some((score, key));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, key)| key.clone())
}

/// Points a bookmark at `key` and updates its snapshot to the target as it is now.
fn refresh(tx: &Transaction<'_>, id: i64, key: &str, target: &Snapshot) -> Result<()> {
    tx.execute(
        "UPDATE bookmark SET target_key = ?2, snapshot_people = ?3, snapshot_start = ?4,
                snapshot_title = ?5, orphaned_at = NULL
         WHERE id = ?1",
        params![id, key, target.people, target.start, target.display],
    )?;
    Ok(())
}

const SELECT: &str = "SELECT conference_slug, target_kind, target_key, priority, note, visited,
    snapshot_title, orphaned_at IS NOT NULL, created_at, updated_at FROM bookmark";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Bookmark> {
    Ok(Bookmark {
        conference: row.get(0)?,
        kind: BookmarkKind::parse(&row.get::<_, String>(1)?),
        key: row.get(2)?,
        priority: Priority::parse(&row.get::<_, String>(3)?).unwrap_or_default(),
        note: row.get(4)?,
        visited: row.get(5)?,
        title: row.get(6)?,
        orphaned: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

impl Store {
    /// Adds a bookmark, or updates the one already there. The target must exist now.
    pub fn set_bookmark(&self, change: &BookmarkChange) -> Result<Bookmark> {
        let kind = change.kind.unwrap_or(BookmarkKind::Session);
        self.write(|tx| {
            let conference_id: i64 = tx
                .prepare_cached("SELECT id FROM conference WHERE slug = ?1")?
                .query_row([&change.conference], |r| r.get(0))
                .optional()?
                .ok_or_else(|| Error::NotFound { what: "conference", key: change.conference.clone() })?;
            let existing = tx
                .prepare_cached(&format!(
                    "{SELECT} WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3"
                ))?
                .query_row(params![change.conference, kind.as_str(), change.key], from_row)
                .optional()?;
            let target = targets(tx, conference_id, kind, Some(&change.key))?.remove(&change.key);
            let now = Utc::now().to_rfc3339();
            match (existing, target) {
                (None, None) => {
                    return Err(Error::NotFound { what: kind.as_str(), key: change.key.clone() });
                }
                (None, Some(_)) => {
                    let (title, people, start) = display_snapshot(tx, conference_id, kind, &change.key)?;
                    tx.execute(
                        "INSERT INTO bookmark (conference_slug, target_kind, target_key, priority, note,
                            visited, snapshot_title, snapshot_people, snapshot_start, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                        params![
                            change.conference, kind.as_str(), change.key,
                            change.priority.unwrap_or_default().as_str(),
                            change.note.clone().unwrap_or_default(), change.visited.unwrap_or(false),
                            title, people, start, now
                        ],
                    )?;
                }
                (Some(old), _) => {
                    tx.execute(
                        "UPDATE bookmark SET priority = ?4, note = ?5, visited = ?6, updated_at = ?7
                         WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3",
                        params![
                            change.conference, kind.as_str(), change.key,
                            change.priority.unwrap_or(old.priority).as_str(),
                            change.note.clone().unwrap_or(old.note), change.visited.unwrap_or(old.visited), now
                        ],
                    )?;
                }
            }
            Ok(tx
                .prepare_cached(&format!(
                    "{SELECT} WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3"
                ))?
                .query_row(params![change.conference, kind.as_str(), change.key], from_row)?)
        })
    }

    /// Removes a bookmark. Returns false if there was none.
    pub fn remove_bookmark(&self, conference: &str, kind: BookmarkKind, key: &str) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM bookmark WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3",
                params![conference, kind.as_str(), key],
            )?;
            Ok(n > 0)
        })
    }

    /// Bookmarks, of one conference or all, oldest first.
    pub fn bookmarks(&self, conference: Option<&str>) -> Result<Vec<Bookmark>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "{SELECT} WHERE ?1 IS NULL OR conference_slug = ?1 ORDER BY conference_slug, id"
            ))?;
            let rows = stmt.query_map([conference], from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

/// The snapshot stored with a new bookmark: the title as shown, plus what matching uses.
fn display_snapshot(
    conn: &Connection,
    conference_id: i64,
    kind: BookmarkKind,
    key: &str,
) -> Result<(String, String, Option<i64>)> {
    let sql = match kind {
        BookmarkKind::Session => "SELECT title FROM session WHERE conference_id = ?1 AND key = ?2",
        BookmarkKind::Person => "SELECT name FROM person WHERE conference_id = ?1 AND key = ?2",
        BookmarkKind::Exhibitor => {
            "SELECT name FROM exhibitor WHERE conference_id = ?1 AND key = ?2"
        }
    };
    let title: String = conn
        .prepare_cached(sql)?
        .query_row(params![conference_id, key], |r| r.get(0))?;
    let snapshot = targets(conn, conference_id, kind, Some(key))?.remove(key);
    let (people, start) = snapshot.map(|s| (s.people, s.start)).unwrap_or_default();
    Ok((title, people, start))
}
