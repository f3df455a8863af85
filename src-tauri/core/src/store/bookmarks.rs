//! Bookmarks: what the user made, kept through every re-import.
//!
//! A bookmark names its target by key, and keeps a snapshot of it (title, speakers, start).
//! After each import, `reconcile.rs` re-attaches it by key; failing that by the snapshot, which
//! is how a bookmark follows a session whose source changed its ids; failing that it is kept and
//! flagged as orphaned. Nothing here deletes a bookmark except the user's own `remove`.

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::reconcile::targets;
use super::Store;
use crate::error::{Error, Result};
use crate::reminders::Reminder;

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

    pub(crate) fn parse(text: &str) -> BookmarkKind {
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
    /// When to be reminded before a session starts; ignored for people and exhibitors.
    pub reminder: Reminder,
    /// Sessions: what the user decided when planning the day, if anything.
    pub plan: Option<PlanMark>,
    pub created_at: String,
    pub updated_at: String,
}

/// A user's decision about a bookmarked session in a day's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PlanMark {
    /// Keep it in the plan, whatever its priority.
    In,
    /// Skip it.
    Out,
}

impl PlanMark {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanMark::In => "in",
            PlanMark::Out => "out",
        }
    }

    /// The stored name back; anything else is no decision.
    pub fn parse(text: Option<&str>) -> Option<PlanMark> {
        match text? {
            "in" => Some(PlanMark::In),
            "out" => Some(PlanMark::Out),
            _ => None,
        }
    }
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
    pub reminder: Option<Reminder>,
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

const SELECT: &str = "SELECT conference_slug, target_kind, target_key, priority, note, visited,
    snapshot_title, orphaned_at IS NOT NULL, created_at, updated_at, reminder, plan FROM bookmark";

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
        reminder: Reminder::from_column(row.get(10)?),
        plan: PlanMark::parse(row.get::<_, Option<String>>(11)?.as_deref()),
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

/// The bookmarks of `slug` whose session, speaker or exhibitor left the programme, oldest
/// first.
pub(crate) fn orphaned(conn: &Connection, slug: &str) -> Result<Vec<Bookmark>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE conference_slug = ?1 AND orphaned_at IS NOT NULL ORDER BY id"
    ))?;
    let rows = stmt.query_map([slug], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl Store {
    /// Adds a bookmark, or updates the one already there. The target must exist now.
    pub fn set_bookmark(&self, change: &BookmarkChange) -> Result<Bookmark> {
        self.write(|tx| set_bookmark_in(tx, change))
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

/// [`Store::set_bookmark`] inside a transaction the caller holds (a merge of many).
pub(crate) fn set_bookmark_in(tx: &Transaction<'_>, change: &BookmarkChange) -> Result<Bookmark> {
    let kind = change.kind.unwrap_or(BookmarkKind::Session);
    if let Some(reminder) = change.reminder {
        reminder.check()?;
    }
    let conference_id: i64 = tx
        .prepare_cached("SELECT id FROM conference WHERE slug = ?1")?
        .query_row([&change.conference], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "conference",
            key: change.conference.clone(),
        })?;
    let existing = bookmark_row(tx, change, kind).optional()?;
    let target = targets(tx, conference_id, kind, Some(&change.key))?.remove(&change.key);
    let now = Utc::now().to_rfc3339();
    match (existing, target) {
        (None, None) => {
            return Err(Error::NotFound {
                what: kind.as_str(),
                key: change.key.clone(),
            });
        }
        (None, Some(_)) => {
            let (title, people, start) = display_snapshot(tx, conference_id, kind, &change.key)?;
            tx.execute(
                "INSERT INTO bookmark (conference_slug, target_kind, target_key, priority, note,
                    visited, snapshot_title, snapshot_people, snapshot_start, created_at, updated_at,
                    reminder)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
                params![
                    change.conference, kind.as_str(), change.key,
                    change.priority.unwrap_or_default().as_str(),
                    change.note.clone().unwrap_or_default(), change.visited.unwrap_or(false),
                    title, people, start, now, change.reminder.unwrap_or_default().to_column()
                ],
            )?;
        }
        (Some(old), _) => {
            tx.execute(
                "UPDATE bookmark SET priority = ?4, note = ?5, visited = ?6, updated_at = ?7,
                    reminder = ?8
                 WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3",
                params![
                    change.conference,
                    kind.as_str(),
                    change.key,
                    change.priority.unwrap_or(old.priority).as_str(),
                    change.note.clone().unwrap_or(old.note),
                    change.visited.unwrap_or(old.visited),
                    now,
                    change.reminder.unwrap_or(old.reminder).to_column()
                ],
            )?;
        }
    }
    Ok(bookmark_row(tx, change, kind)?)
}

/// The bookmark row `change` is about.
fn bookmark_row(
    tx: &Transaction<'_>,
    change: &BookmarkChange,
    kind: BookmarkKind,
) -> rusqlite::Result<Bookmark> {
    tx.prepare_cached(&format!(
        "{SELECT} WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3"
    ))?
    .query_row(
        params![change.conference, kind.as_str(), change.key],
        from_row,
    )
}
