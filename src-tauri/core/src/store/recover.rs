//! Starting over from a damaged database without losing what the user made.
//!
//! A store that SQLite reports as corrupt (at open, or by `PRAGMA quick_check`) is never deleted:
//! it is renamed aside with its `-wal`, `-shm` and `-journal`, a fresh store takes its place, and whatever
//! bookmarks can still be read from the damaged copy are merged into the new one. The programme
//! is not salvaged, since importing the schedule again restores it, and re-attaches the
//! recovered bookmarks as any re-import does.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::backup::{merge, reconcile_all, salvage_bookmarks};
use super::Store;
use crate::error::{Error, Result};

/// What [`Store::open_or_recover`] did with a damaged database, for the user to be told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Recovery {
    /// Where the damaged file now is (its `-wal`, `-shm` and `-journal`, if any, sit beside it).
    pub set_aside: String,
    /// What SQLite said was wrong.
    pub reason: String,
    /// Bookmarks read back from the damaged file and kept in the fresh store.
    pub recovered_bookmarks: usize,
    /// True when part of the bookmark table could not be read, so some may be lost.
    pub incomplete: bool,
    /// One paragraph for the user: what happened and what to do next.
    pub message: String,
}

impl Store {
    /// Opens the store at `path` like [`Store::open`], but if the file is damaged, sets it aside
    /// under a timestamped name (`plenary.db.corrupt-20261202T153000Z`), creates a fresh store,
    /// recovers the bookmarks that can still be read, and says so in the returned [`Recovery`].
    /// Errors that are not damage (a store from a newer Plenary, a folder that cannot be
    /// written) are returned as they are.
    pub fn open_or_recover(path: impl AsRef<Path>) -> Result<(Store, Option<Recovery>)> {
        let path = path.as_ref();
        // A file that does not even start like SQLite is set aside before SQLite opens it: an
        // open would treat the -wal beside it as stale and throw it away.
        let reason = if let Some(reason) = bad_header(path) {
            reason
        } else {
            match Store::open(path) {
                Ok(store) => match quick_check(&store) {
                    None => return Ok((store, None)),
                    Some(reason) => reason,
                },
                Err(Error::Corrupt { message, .. }) => message,
                Err(Error::Sqlite(e)) if is_damage(&e) => e.to_string(),
                Err(other) => return Err(other),
            }
        };
        let set_aside = set_aside(path)?;
        let (marks, incomplete) = salvage(&set_aside);
        let store = Store::open(path)?;
        store.write(|tx| {
            merge(tx, &marks)?;
            reconcile_all(tx, &marks)?;
            Ok(())
        })?;
        let shown = set_aside.display();
        let lost = if incomplete {
            " Part of the bookmark table could not be read, so some bookmarks may be lost."
        } else {
            ""
        };
        let message = format!(
            "The database {} was damaged ({reason}). It was set aside as {shown}, not deleted, \
             and a fresh store was created. {} bookmark(s) were recovered from it.{lost} \
             Import your schedules again to re-attach them.",
            path.display(),
            marks.len(),
        );
        Ok((
            store,
            Some(Recovery {
                set_aside: shown.to_string(),
                reason,
                recovered_bookmarks: marks.len(),
                incomplete,
                message,
            }),
        ))
    }
}

/// Reads what bookmarks it can from the damaged file. If SQLite will not even open it (its
/// 100-byte header is garbage), a copy with a rebuilt header is tried, since the tables
/// themselves are usually intact.
fn salvage(damaged: &Path) -> (Vec<super::BackupBookmark>, bool) {
    let read = |path: &Path| -> Option<(Vec<super::BackupBookmark>, bool)> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        // Opening is lazy: touch the schema so a bad header fails here.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .ok()?;
        Some(salvage_bookmarks(&conn))
    };
    if let Some(found) = read(damaged) {
        return found;
    }
    let Ok(mut bytes) = std::fs::read(damaged) else {
        return (Vec::new(), true);
    };
    if bytes.len() < 512 {
        return (Vec::new(), true);
    }
    let header = fresh_header(&bytes);
    bytes[..100].copy_from_slice(&header);
    let copy = with_suffix(damaged, ".salvage");
    let found = std::fs::write(&copy, &bytes)
        .ok()
        .and_then(|()| read(&copy))
        .map(|(marks, _)| (marks, true));
    let _ = std::fs::remove_file(&copy);
    // A rebuilt header is a guess: what it yields is kept, but flagged as possibly incomplete.
    found.unwrap_or((Vec::new(), true))
}

/// A valid 100-byte SQLite header for a file whose own is damaged: the page size is kept if
/// it still reads as one, the page count is left 0 so SQLite uses the file's size, and the
/// file is declared UTF-8 in rollback mode so a read-only open needs no WAL index.
fn fresh_header(damaged: &[u8]) -> [u8; 100] {
    let mut h = [0u8; 100];
    h[..16].copy_from_slice(b"SQLite format 3\0");
    let size = u32::from(u16::from_be_bytes([damaged[16], damaged[17]]));
    let size = match size {
        1 => 65536,
        s if (512..=32768).contains(&s) && s.is_power_of_two() => s,
        _ => 4096,
    };
    // 65536 is stored as 1.
    let stored = if size == 65536 { 1 } else { size as u16 };
    h[16..18].copy_from_slice(&stored.to_be_bytes());
    h[18] = 1; // write version: rollback journal
    h[19] = 1; // read version
    h[21] = 64; // max embedded payload fraction, fixed by the format
    h[22] = 32; // min embedded payload fraction
    h[23] = 32; // leaf payload fraction
    h[40..44].copy_from_slice(&1u32.to_be_bytes()); // schema cookie
    h[44..48].copy_from_slice(&4u32.to_be_bytes()); // schema format 4
    h[56..60].copy_from_slice(&1u32.to_be_bytes()); // text encoding: UTF-8
    h[96..100].copy_from_slice(&3_045_000u32.to_be_bytes());
    h
}

/// SQLite's own verdict on an open store: `None` when healthy, else what it found first.
///
/// `quick_check` reads every page of each table and index but skips the cross-checks between
/// them. It runs table by table on the real tables only: since SQLite 3.44 a whole-database
/// check also verifies every FTS5 index entry by entry, which is 94 % of the work and took 6 s
/// on a 100x store (5.6 s of 6.4 s for `plenary agenda`). The FTS5 index's own pages are still
/// read, as the tables they are stored in (`search_fts_data` ...), so a damaged page is found;
/// its content is derived from the programme and is rebuilt by the next import.
fn quick_check(store: &Store) -> Option<String> {
    let verdict = store.read(|conn| {
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table'
                 AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rootpage",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for table in tables {
            let text: String =
                conn.query_row(&format!("PRAGMA quick_check(\"{table}\")"), [], |r| {
                    r.get(0)
                })?;
            if text != "ok" {
                return Ok(text);
            }
        }
        Ok("ok".to_string())
    });
    match verdict {
        Ok(text) if text == "ok" => None,
        Ok(text) => Some(text),
        Err(e) => Some(e.to_string()),
    }
}

/// Why the file at `path` cannot be an SQLite database, judged by its first 16 bytes alone. A
/// missing or empty file is fine: SQLite makes a new database of it.
fn bad_header(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).ok()?;
    let n = file.read(&mut head).ok()?;
    (n > 0 && (n < 16 || head != *b"SQLite format 3\0"))
        .then(|| "the file does not start with the SQLite header".to_string())
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Renames the database and its `-wal`, `-shm` and `-journal` to `<name>.corrupt-<UTC time>` (plus `-2`,
/// `-3`, ... if that is taken), keeping SQLite's pairing of a file with its journal.
fn set_aside(path: &Path) -> Result<PathBuf> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = format!("{}.corrupt-{stamp}", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 2;
    while target.exists() {
        target = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Io { path: p, source }
    };
    std::fs::rename(path, &target).map_err(io(path))?;
    for suffix in ["-wal", "-shm", "-journal"] {
        let from = with_suffix(path, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&target, suffix)).map_err(io(&from))?;
        }
    }
    Ok(target)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
