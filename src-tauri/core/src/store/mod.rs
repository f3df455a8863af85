//! The SQLite store: one writer connection and one reader connection, WAL (from a new store's
//! first write on), and every write in a transaction so that an import is all or nothing.

mod backup;
mod bookmarks;
mod calendar;
mod load;
mod migrations;
mod queries;
mod reconcile;
mod recover;
mod seed;
mod write;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use crate::model::Progress;
pub use backup::{Backup, BackupBookmark, RestoreReport, BACKUP_FORMAT, BACKUP_VERSION};
pub use bookmarks::{Bookmark, BookmarkChange, BookmarkKind, BookmarkTally, PlanMark, Priority};
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use queries::{
    ConferenceSummary, ExhibitorFilter, ExhibitorView, PersonView, ProductView, SessionFilter,
    SessionView,
};
pub use recover::Recovery;
pub use write::ImportReport;

pub(crate) use bookmarks::set_bookmark_in;
pub(crate) use load::load as load_conference_in;
pub(crate) use queries::resolve as resolve_conference;
pub(crate) use reconcile::{normalise, renames, Snapshot};
pub(crate) use write::import_in;

/// The file name of the store inside the data directory.
pub const DB_FILE: &str = "plenary.db";

/// The Plenary store.
///
/// Reads go through a separate connection so that a long import never blocks browsing; in
/// memory (tests) both are the same connection.
pub struct Store {
    // Fields drop in order: the reader closes first, so the writer is the last connection and
    // its close checkpoints the WAL into the database file and removes it (a read-only last
    // connection cannot), leaving one self-contained file behind.
    reader: Option<Mutex<Connection>>,
    writer: Mutex<Connection>,
    path: Option<PathBuf>,
    /// Parsed venue maps and the programme's rooms, by conference: read once, not on every
    /// agenda (see `plan::maps`).
    pub(crate) layouts: Mutex<crate::plan::maps::LayoutCache>,
    /// A new store stays in rollback-journal mode until its first write has committed, then
    /// turns to WAL (see [`Store::open`]).
    wal_pending: AtomicBool,
}

impl Store {
    /// Opens (creating and migrating if needed) the store at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // A new store is filled in SQLite's rollback-journal mode and turned to WAL after its
        // first write (see `wal_pending`): in WAL mode every page of the first import was
        // written twice, once to the WAL and again when the WAL was checkpointed into the file,
        // while a rollback journal for a store with nothing in it yet stays all but empty.
        let fresh = std::fs::metadata(&path).map_or(true, |m| m.len() == 0);
        let open_writer = || -> Result<Connection> {
            let mut writer = Connection::open(&path)?;
            configure(&writer)?;
            migrations::refuse_foreign(&writer)?;
            if fresh {
                // NORMAL is corruption-safe in WAL mode only; with a rollback journal a power
                // cut at the wrong moment could damage the file.
                writer.pragma_update(None, "synchronous", "FULL")?;
            } else {
                writer.pragma_update(None, "journal_mode", "WAL")?;
            }
            migrations::apply(&mut writer)?;
            Ok(writer)
        };
        let writer = open_writer().map_err(|e| match e {
            Error::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                ) =>
            {
                Error::Corrupt {
                    path: path.clone(),
                    message: msg.unwrap_or_else(|| "file is not a database".to_string()),
                }
            }
            // Another program's database, or a newer Plenary's store: name the file.
            Error::BadRequest(message) => {
                Error::BadRequest(format!("{}: {message}", path.display()))
            }
            other => other,
        })?;
        let reader = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        configure(&reader)?;
        // SQLite's default page cache, 2,000 KiB, is smaller than what one agenda reads at
        // 100× (500 sessions scattered over 30,000): every call read about 750 pages back from
        // the file, one system call each. Pages are cached as they are read, so a small store
        // never fills this, and SQLite empties it whenever the writer has written, so the
        // first read after a write reads from the file as before. The writer keeps the default:
        // it would otherwise hold a full cache after every large import.
        reader.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
        Ok(Store {
            writer: Mutex::new(writer),
            reader: Some(Mutex::new(reader)),
            path: Some(path),
            layouts: Mutex::default(),
            wal_pending: AtomicBool::new(fresh),
        })
    }

    /// A private in-memory store, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations::apply(&mut conn)?;
        Ok(Store {
            writer: Mutex::new(conn),
            reader: None,
            path: None,
            layouts: Mutex::default(),
            wal_pending: AtomicBool::new(false),
        })
    }

    /// The database file, if the store is on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` on the reader connection.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = match &self.reader {
            Some(reader) => lock(reader),
            None => lock(&self.writer),
        };
        f(&conn)
    }

    /// Runs `f` inside one immediate transaction on the writer, committing only if it succeeds.
    /// If `f` fails, nothing it did is kept.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        // After the first write, committed or not, so that a second long write never blocks
        // the reader. Best effort: if a read holds the file past the busy timeout, the next
        // write tries again, and every later open asks for WAL anyway.
        if self.wal_pending.load(Ordering::Relaxed) {
            // SQLite answers with the mode it is in, which stays the old one if it could not
            // change (a reader holding the file, say).
            let mode: rusqlite::Result<String> =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0));
            if mode.is_ok_and(|mode| mode.eq_ignore_ascii_case("wal"))
                && conn.pragma_update(None, "synchronous", "NORMAL").is_ok()
            {
                self.wal_pending.store(false, Ordering::Relaxed);
            }
        }
        result
    }
}

/// A poisoned lock only means another thread panicked mid-call; SQLite rolled its transaction
/// back, so the connection is still sound.
fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The reader's page cache, at most.
const READER_CACHE_KIB: i64 = 32 * 1024;

/// Per-connection settings. These are not migrations: they must hold on every open.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.set_prepared_statement_cache_capacity(64);
    // Without the query planner stability guarantee, SQLite marks bound parameters that
    // could change a plan (LIMIT, OFFSET, arguments of json_each, `?3 IS NULL`) and
    // re-prepares a cached statement on its next step whenever one is bound to a new value.
    // Search and the agenda bind a new query or key list every call, so each call re-parsed
    // and re-planned three statements: 0.6 M instructions of a 10 M search. One plan per
    // statement keeps the cache a cache; every statement here has an ORDER BY, or is sorted
    // after (the agenda's), so results do not depend on the plan.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// The per-user data directory: `PLENARY_DATA_DIR` if set, else the platform's data folder
/// (`~/.local/share/plenary` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PLENARY_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("app", "Plenary", "plenary").map(|d| d.data_dir().to_path_buf())
}

/// JSON text of a list of strings, as stored in array columns.
pub(crate) fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string())
}

/// A JSON array column: the list stored by [`json_list`], or links. Damaged text reads as empty
/// rather than failing a query. Most are empty, and `[]` is answered without the JSON parser,
/// which cost 500 instructions each: four lists for every session of an agenda.
pub(crate) fn parse_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    if text == "[]" {
        return Vec::new();
    }
    serde_json::from_str(text).unwrap_or_default()
}
