//! Backup and restore of what the user made: bookmarks with their notes, priorities and visited
//! marks. The programme is not in a backup, since it can always be imported again; what the user
//! typed cannot. The file format is documented in `docs/formats.md` ("Backup").

use std::collections::BTreeSet;
use std::path::Path;

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::bookmarks::{BookmarkKind, BookmarkTally, PlanMark, Priority};
use super::reconcile;
use super::Store;
use crate::error::{Error, Result};
use crate::import::{json_error, Source};
use crate::reminders::Reminder;

/// The `format` tag of a backup file, so a stray JSON file is not mistaken for one.
pub const BACKUP_FORMAT: &str = "plenary-backup";

/// The newest backup version this build writes and reads. Older versions stay readable.
pub const BACKUP_VERSION: u32 = 1;

/// One bookmark as it is kept in a backup: everything needed to re-attach it later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupBookmark {
    pub conference: String,
    pub kind: BookmarkKind,
    pub key: String,
    pub priority: Priority,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub visited: bool,
    /// The target's title when last seen; with `people` and `start`, how a bookmark finds its
    /// session again after the source changed its ids.
    pub title: String,
    /// Lower-cased speaker names, separated by U+001F, as matching uses them.
    #[serde(default)]
    pub people: String,
    /// Unix seconds.
    #[serde(default)]
    pub start: Option<i64>,
    #[serde(default)]
    pub orphaned: bool,
    /// When to be reminded before the session; absent in backups made before reminders.
    #[serde(default)]
    pub reminder: Reminder,
    /// The user's decision when planning the day; absent in backups made before plans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanMark>,
    pub created_at: String,
    pub updated_at: String,
}

/// A backup file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub created_at: String,
    pub bookmarks: Vec<BackupBookmark>,
}

/// What a restore did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    /// Bookmarks in the file.
    pub read: usize,
    /// New to this store.
    pub added: usize,
    /// Already here, and the backup's copy was newer, so its note, priority and visited mark won.
    pub updated: usize,
    /// Already here and at least as new as the backup's copy: left alone.
    pub kept: usize,
    /// How the restored conferences' bookmarks now stand against their programmes.
    pub bookmarks: BookmarkTally,
}

const SELECT: &str = "SELECT conference_slug, target_kind, target_key, priority, note, visited,
    snapshot_title, snapshot_people, snapshot_start, orphaned_at IS NOT NULL, created_at,
    updated_at, reminder, plan FROM bookmark";

/// [`SELECT`] for a store older than plan decisions (schema 4 to 6), which a damaged file may
/// be: it has no decisions.
const SELECT_BEFORE_PLANS: &str = "SELECT conference_slug, target_kind, target_key, priority,
    note, visited, snapshot_title, snapshot_people, snapshot_start, orphaned_at IS NOT NULL,
    created_at, updated_at, reminder, NULL FROM bookmark";

/// [`SELECT`] for a store older than reminders (schema 3 and before): its bookmarks follow
/// their priority's default.
const SELECT_BEFORE_REMINDERS: &str = "SELECT conference_slug, target_kind, target_key, priority,
    note, visited, snapshot_title, snapshot_people, snapshot_start, orphaned_at IS NOT NULL,
    created_at, updated_at, NULL, NULL FROM bookmark";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<BackupBookmark> {
    Ok(BackupBookmark {
        conference: row.get(0)?,
        kind: BookmarkKind::parse(&row.get::<_, String>(1)?),
        key: row.get(2)?,
        priority: Priority::parse(&row.get::<_, String>(3)?).unwrap_or_default(),
        note: row.get(4)?,
        visited: row.get(5)?,
        title: row.get(6)?,
        people: row.get(7)?,
        start: row.get(8)?,
        orphaned: row.get(9)?,
        reminder: Reminder::from_column(row.get(12)?),
        plan: PlanMark::parse(row.get::<_, Option<String>>(13)?.as_deref()),
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

/// Every bookmark of `conn`, oldest first.
pub(crate) fn all_bookmarks(conn: &Connection) -> Result<Vec<BackupBookmark>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Reads bookmarks from a possibly damaged database: a full scan first, then, if the scan broke
/// off, one lookup per row id, since a damaged page only hides the rows stored on it. Returns
/// the rows that could be read and whether any could not.
pub(crate) fn salvage_bookmarks(conn: &Connection) -> (Vec<BackupBookmark>, bool) {
    let mut found = Vec::new();
    let select = [SELECT, SELECT_BEFORE_PLANS]
        .into_iter()
        .find(|s| conn.prepare(s).is_ok())
        .unwrap_or(SELECT_BEFORE_REMINDERS);
    let scan = (|| -> rusqlite::Result<()> {
        let mut stmt = conn.prepare(&format!("{select} ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            found.push(from_row(row)?);
        }
        Ok(())
    })();
    if scan.is_ok() {
        return (found, false);
    }
    // The highest id is found through the rightmost pages alone, so it often survives.
    let last: i64 = conn
        .query_row("SELECT max(id) FROM bookmark", [], |r| r.get(0))
        .ok()
        .flatten()
        .unwrap_or(0);
    let Ok(mut stmt) = conn.prepare(&format!("{select} WHERE id = ?1")) else {
        return (found, true);
    };
    let mut seen: BTreeSet<(String, String, String)> = found
        .iter()
        .map(|b| {
            (
                b.conference.clone(),
                b.kind.as_str().to_string(),
                b.key.clone(),
            )
        })
        .collect();
    // Past the scan's break, probe ids up to the highest known (bounded, for a huge garbage id).
    for id in 1..=last.clamp(0, 1_000_000) {
        if let Ok(Some(mark)) = stmt.query_row([id], from_row).optional() {
            let identity = (
                mark.conference.clone(),
                mark.kind.as_str().to_string(),
                mark.key.clone(),
            );
            if seen.insert(identity) {
                found.push(mark);
            }
        }
    }
    (found, true)
}

/// Merges `marks` into the bookmark table: new ones are added (orphaned until reconciled), and
/// an existing one takes the backup's note, priority and visited mark only if the backup's copy
/// was changed later. Returns (added, updated, kept).
pub(crate) fn merge(
    tx: &Transaction<'_>,
    marks: &[BackupBookmark],
) -> Result<(usize, usize, usize)> {
    let (mut added, mut updated, mut kept) = (0, 0, 0);
    let now = Utc::now().to_rfc3339();
    let mut existing = tx.prepare_cached(
        "SELECT id, updated_at FROM bookmark
         WHERE conference_slug = ?1 AND target_kind = ?2 AND target_key = ?3",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO bookmark (conference_slug, target_kind, target_key, priority, note, visited,
            snapshot_title, snapshot_people, snapshot_start, orphaned_at, created_at, updated_at,
            reminder, plan)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE bookmark SET priority = ?2, note = ?3, visited = ?4, updated_at = ?5, reminder = ?6,
            plan = ?7
         WHERE id = ?1",
    )?;
    for m in marks {
        let found: Option<(i64, String)> = existing
            .query_row(params![m.conference, m.kind.as_str(), m.key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match found {
            None => {
                // Orphaned until reconcile finds its target; reconcile clears the mark.
                insert.execute(params![
                    m.conference,
                    m.kind.as_str(),
                    m.key,
                    m.priority.as_str(),
                    m.note,
                    m.visited,
                    m.title,
                    m.people,
                    m.start,
                    now,
                    m.created_at,
                    m.updated_at,
                    m.reminder.to_column(),
                    m.plan.map(PlanMark::as_str)
                ])?;
                added += 1;
            }
            Some((id, here)) if m.updated_at > here => {
                update.execute(params![
                    id,
                    m.priority.as_str(),
                    m.note,
                    m.visited,
                    m.updated_at,
                    m.reminder.to_column(),
                    m.plan.map(PlanMark::as_str)
                ])?;
                updated += 1;
            }
            Some(_) => kept += 1,
        }
    }
    Ok((added, updated, kept))
}

/// Re-attaches the bookmarks of every conference named in `marks` that the store holds.
pub(crate) fn reconcile_all(
    tx: &Transaction<'_>,
    marks: &[BackupBookmark],
) -> Result<BookmarkTally> {
    let slugs: BTreeSet<&str> = marks.iter().map(|m| m.conference.as_str()).collect();
    let mut total = BookmarkTally::default();
    let mut find = tx.prepare_cached("SELECT id FROM conference WHERE slug = ?1")?;
    for slug in slugs {
        let Some(id) = find.query_row([slug], |r| r.get::<_, i64>(0)).optional()? else {
            // No programme yet: the restored bookmarks wait, orphaned, for its import.
            total.orphaned += marks.iter().filter(|m| m.conference == slug).count();
            continue;
        };
        let tally = reconcile::reconcile(tx, slug, id, None)?;
        total.attached += tally.attached;
        total.reattached += tally.reattached;
        total.orphaned += tally.orphaned;
    }
    Ok(total)
}

impl Backup {
    /// Parses a backup file's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Backup> {
        let source = Source { file, text };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| json_error(&source, &e))?;
        let tag = value.get("format").and_then(|f| f.as_str());
        if tag != Some(BACKUP_FORMAT) {
            return Err(Error::Invalid {
                at: source.at(0),
                field: "format".into(),
                message: format!("expected \"{BACKUP_FORMAT}\": this is not a Plenary backup"),
            });
        }
        let version = value.get("version").and_then(|v| v.as_u64());
        match version {
            Some(v) if v >= 1 && v <= u64::from(BACKUP_VERSION) => {}
            Some(v) => {
                return Err(Error::Invalid {
                    at: source.at(0),
                    field: "version".into(),
                    message: format!(
                        "version {v} is not one this Plenary reads (1 to {BACKUP_VERSION}); \
                         update Plenary to restore it"
                    ),
                })
            }
            None => {
                return Err(Error::Invalid {
                    at: source.at(0),
                    field: "version".into(),
                    message: "missing or not a number".into(),
                })
            }
        }
        // Parse again from the text, not the value, so field errors keep their line and column.
        serde_json::from_str(text).map_err(|e| json_error(&source, &e))
    }
}

impl Store {
    /// Everything the user made, as a backup.
    pub fn backup(&self) -> Result<Backup> {
        let bookmarks = self.read(all_bookmarks)?;
        Ok(Backup {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            created_at: Utc::now().to_rfc3339(),
            bookmarks,
        })
    }

    /// Writes a backup to `path`, through a temporary file renamed into place, so an
    /// interrupted write never leaves half a backup where the last good one was.
    pub fn write_backup(&self, path: &Path) -> Result<usize> {
        let backup = self.backup()?;
        let text = serde_json::to_string_pretty(&backup)?;
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = std::path::PathBuf::from(partial);
        std::fs::write(&partial, text + "\n").map_err(io)?;
        std::fs::rename(&partial, path).map_err(io)?;
        Ok(backup.bookmarks.len())
    }

    /// Merges a backup into the store in one transaction, then re-attaches the restored
    /// bookmarks as a re-import would (by key, then by title, speakers and start, else orphaned).
    pub fn restore(&self, backup: &Backup) -> Result<RestoreReport> {
        self.write(|tx| {
            let (added, updated, kept) = merge(tx, &backup.bookmarks)?;
            let tally = reconcile_all(tx, &backup.bookmarks)?;
            Ok(RestoreReport {
                read: backup.bookmarks.len(),
                added,
                updated,
                kept,
                bookmarks: tally,
            })
        })
    }

    /// Reads the backup file at `path` and restores it. A file that is not a valid backup is
    /// refused before anything is written.
    pub fn restore_backup(&self, path: &Path) -> Result<RestoreReport> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file = path.display().to_string();
        let text = crate::import::decode(&bytes, &file)?;
        let backup = Backup::parse(&text, &file)?;
        self.restore(&backup)
    }
}
