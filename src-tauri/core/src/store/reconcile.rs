//! Re-attaching bookmarks after an import replaced the programme: by key, else by following a
//! re-ided target (title, speakers and start), else keeping the bookmark as an orphan. Nothing
//! here deletes a bookmark.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use rusqlite::{params, Connection, Transaction};

use super::bookmarks::{BookmarkKind, BookmarkTally};
use crate::error::Result;

/// The identity of a target used to find it again: normalised title, speakers and start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snapshot {
    /// As shown to the user.
    pub(crate) display: String,
    /// Normalised for matching.
    pub(crate) title: String,
    /// Lower-cased speaker names in order, joined by U+001F.
    pub(crate) people: String,
    /// Unix seconds.
    pub(crate) start: Option<i64>,
}

pub(crate) fn normalise(text: &str) -> String {
    crate::text::clean(text).unwrap_or_default().to_lowercase()
}

/// Every current target of `kind` in the conference, by key.
pub(super) fn targets(
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

/// Every target of the conference before an import replaces them, by kind: what
/// [`reconcile`] compares the new programme with to tell a re-ided session from another one.
pub(crate) type Previous = HashMap<BookmarkKind, HashMap<String, Snapshot>>;

const KINDS: [BookmarkKind; 3] = [
    BookmarkKind::Session,
    BookmarkKind::Person,
    BookmarkKind::Exhibitor,
];

/// The programme as it is now, to be handed to [`reconcile`] after it is replaced.
///
/// Only kinds that conference `slug` has bookmarks of are listed: for the others there is
/// nothing to follow, and listing every target of a large programme would be waste.
pub(crate) fn previous(conn: &Connection, slug: &str, conference_id: i64) -> Result<Previous> {
    let mut previous = Previous::new();
    for kind in KINDS {
        if has_bookmarks(conn, slug, kind)? {
            previous.insert(kind, targets(conn, conference_id, kind, None)?);
        }
    }
    Ok(previous)
}

fn has_bookmarks(conn: &Connection, slug: &str, kind: BookmarkKind) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM bookmark WHERE conference_slug = ?1 AND target_kind = ?2)",
        )?
        .query_row(params![slug, kind.as_str()], |row| row.get(0))?)
}

/// Pairs each target that vanished in this import with the new target that is its re-ided
/// self: the pair must be each other's unique best match. A session that kept its key is never
/// a candidate (it is itself, not someone else's new id), and a new session that resembles two
/// vanished ones equally is given to neither.
pub(crate) fn renames(
    before: &HashMap<String, Snapshot>,
    current: &HashMap<String, Snapshot>,
) -> HashMap<String, String> {
    let vanished: HashMap<String, Snapshot> = before
        .iter()
        .filter(|(k, _)| !current.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let fresh: HashMap<String, Snapshot> = current
        .iter()
        .filter(|(k, _)| !before.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let none = HashSet::new();
    vanished
        .iter()
        .filter_map(|(old, snapshot)| {
            let new = best_match(snapshot, &fresh, &none, false)?;
            let back = best_match(&fresh[&new], &vanished, &none, false)?;
            (back == *old).then_some((old.clone(), new))
        })
        .collect()
}

/// Re-attaches the bookmarks of conference `slug` after its programme was replaced.
///
/// With `previous` (the programme before an import), a bookmark whose key vanished follows
/// only its session's unique re-ided counterpart, and one that was already orphaned may only
/// take a session that is new in this import. Without it (a restore), the snapshot alone
/// decides, among the targets no other bookmark holds.
pub(crate) fn reconcile(
    tx: &Transaction<'_>,
    slug: &str,
    conference_id: i64,
    previous: Option<&Previous>,
) -> Result<BookmarkTally> {
    let mut tally = BookmarkTally::default();
    let now = Utc::now().to_rfc3339();
    for kind in KINDS {
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
        let before = previous.and_then(|p| p.get(&kind));
        let renamed = before.map(|b| renames(b, &current)).unwrap_or_default();
        let mut taken: HashSet<String> = marks
            .iter()
            .filter(|(_, key, _)| current.contains_key(key))
            .map(|(_, k, _)| k.clone())
            .collect();
        // Targets an orphan from an earlier import may take: only ones new in this import.
        let fresh: Option<HashMap<String, Snapshot>> = before.map(|b| {
            current
                .iter()
                .filter(|(k, _)| !b.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        });
        for (id, key, snapshot) in &marks {
            let found = if current.contains_key(key) {
                Some(key.clone())
            } else {
                match (before, &fresh) {
                    (Some(b), _) if b.contains_key(key) => {
                        renamed.get(key).filter(|k| !taken.contains(*k)).cloned()
                    }
                    // Orphaned in an earlier import: its snapshot is older than the changes since,
                    // so speakers and start alone are weak evidence; the title must agree too.
                    (Some(_), Some(fresh)) => best_match(snapshot, fresh, &taken, true),
                    _ => best_match(snapshot, &current, &taken, false),
                }
            };
            match found {
                Some(new_key) if new_key == *key => {
                    refresh(tx, *id, key, &current[key])?;
                    tally.attached += 1;
                }
                Some(new_key) => {
                    refresh(tx, *id, &new_key, &current[&new_key])?;
                    taken.insert(new_key);
                    tally.reattached += 1;
                }
                None => {
                    tx.execute(
                        "UPDATE bookmark SET orphaned_at = coalesce(orphaned_at, ?2) WHERE id = ?1",
                        params![id, now],
                    )?;
                    tally.orphaned += 1;
                }
            }
        }
    }
    Ok(tally)
}

/// The one target that agrees with the snapshot on at least two of title, speakers and start
/// (title alone when the kind has nothing else), if exactly one scores best. With
/// `need_title`, only targets whose title agrees count.
fn best_match(
    snapshot: &Snapshot,
    current: &HashMap<String, Snapshot>,
    taken: &HashSet<String>,
    need_title: bool,
) -> Option<String> {
    let has_more = !snapshot.people.is_empty() || snapshot.start.is_some();
    let needed = if has_more { 2 } else { 1 };
    let mut best: Option<(u8, &String)> = None;
    let mut tie = false;
    for (key, target) in current.iter().filter(|(k, _)| !taken.contains(*k)) {
        let score = u8::from(target.title == snapshot.title && !snapshot.title.is_empty())
            + u8::from(!snapshot.people.is_empty() && target.people == snapshot.people)
            + u8::from(snapshot.start.is_some() && target.start == snapshot.start);
        let title_agrees = target.title == snapshot.title && !snapshot.title.is_empty();
        if score < needed || (need_title && !title_agrees) {
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
