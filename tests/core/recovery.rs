//! A damaged database at start: detected, set aside under a timestamped name (never deleted),
//! replaced by a fresh store, and the bookmarks that can still be read carried over.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use plenary_core::store::Priority;
use plenary_core::Store;

use crate::common::{parsed, sample};

/// An on-disk store holding the sample and three bookmarks with notes, closed again.
fn damaged_candidate(dir: &Path) -> PathBuf {
    let path = dir.join("plenary.db");
    let store = Store::open(&path).expect("open");
    store
        .import(parsed(&sample()), &mut |_| {})
        .expect("import");
    for (key, priority) in [
        ("id-1", Priority::Must),
        ("id-2", Priority::Maybe),
        ("id-3", Priority::Want),
    ] {
        store
            .set_bookmark(&plenary_core::store::BookmarkChange {
                conference: "sample-2025".into(),
                kind: None,
                key: key.into(),
                priority: Some(priority),
                note: Some(format!("note on {key}")),
                visited: Some(key == "id-3"),
                reminder: None,
            })
            .expect("bookmark");
    }
    drop(store);
    assert!(
        !dir.join("plenary.db-wal").exists(),
        "closing the last connection checkpoints the WAL away"
    );
    path
}

fn overwrite(path: &Path, offset: u64, bytes: &[u8]) {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open");
    file.seek(SeekFrom::Start(offset)).expect("seek");
    file.write_all(bytes).expect("write");
}

fn page_size(path: &Path) -> u64 {
    let conn = Store::open(path).expect("healthy store opens");
    conn.read(|c| Ok(c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))?))
        .expect("page size") as u64
}

/// Opens with recovery and checks what every recovery must do; returns the recovered count.
fn recover(dir: &Path, path: &Path, what: &str) -> (Store, plenary_core::store::Recovery) {
    let (store, recovery) = Store::open_or_recover(path).unwrap_or_else(|e| panic!("{what}: {e}"));
    let recovery = recovery.unwrap_or_else(|| panic!("{what}: damage must be detected"));
    let aside = PathBuf::from(&recovery.set_aside);
    assert!(
        aside.exists(),
        "{what}: the damaged file is kept at {}",
        aside.display()
    );
    let name = aside.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(
        name.starts_with("plenary.db.corrupt-") && name.ends_with('Z') && name.len() == 35,
        "{what}: a timestamped name like plenary.db.corrupt-20261202T153000Z: {name}"
    );
    assert_eq!(
        aside.parent(),
        Some(dir),
        "{what}: set aside beside the store"
    );
    assert!(
        recovery.message.contains(&recovery.set_aside) && recovery.message.contains("bookmark"),
        "{what}: the message says where the file went and what was kept: {}",
        recovery.message
    );
    let ok: String = store
        .read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .expect("integrity");
    assert_eq!(ok, "ok", "{what}: the fresh store is sound");
    assert_eq!(
        store.bookmarks(None).expect("bookmarks").len(),
        recovery.recovered_bookmarks,
        "{what}: every recovered bookmark is in the fresh store"
    );
    (store, recovery)
}

/// The recovered bookmarks are the originals, and re-importing the schedule re-attaches them.
fn assert_all_three_back(store: &Store, what: &str) {
    let marks = store.bookmarks(None).expect("bookmarks");
    assert_eq!(
        marks.len(),
        3,
        "{what}: all three bookmarks recovered: {marks:?}"
    );
    for m in &marks {
        assert_eq!(m.note, format!("note on {}", m.key), "{what}: note kept");
        assert!(
            m.orphaned,
            "{what}: no programme yet, so orphaned until re-import"
        );
    }
    assert_eq!(marks[0].priority, Priority::Must, "{what}: priority kept");
    assert!(marks[2].visited, "{what}: visited kept");
    let report = store
        .import(parsed(&sample()), &mut |_| {})
        .expect("re-import");
    assert_eq!(
        report.bookmarks.attached, 3,
        "{what}: re-import re-attaches them"
    );
}

#[test]
fn healthy_store_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    let (store, recovery) = Store::open_or_recover(&path).expect("opens");
    assert!(recovery.is_none(), "nothing to recover: {recovery:?}");
    assert_eq!(
        store.bookmarks(None).expect("bookmarks").len(),
        3,
        "bookmarks as they were"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(names.is_empty(), "nothing set aside: {names:?}");
}

#[test]
fn garbage_header_is_set_aside_with_its_wal_and_bookmarks_recovered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    overwrite(&path, 0, &[0x5a; 100]);
    std::fs::write(dir.path().join("plenary.db-wal"), b"leftover journal").expect("wal");
    let (store, recovery) = recover(dir.path(), &path, "garbage header");
    let wal = PathBuf::from(format!("{}-wal", recovery.set_aside));
    assert_eq!(
        std::fs::read(&wal).expect("the -wal went with it"),
        b"leftover journal",
        "the -wal is kept beside the damaged file, untouched"
    );
    assert_all_three_back(&store, "garbage header");
}

#[test]
fn truncated_file_is_set_aside_and_what_is_readable_recovered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    let page = page_size(&path);
    let len = std::fs::metadata(&path).expect("size").len();
    // Keep the first pages (schema and early tables, bookmarks among them), lose the rest.
    let keep = (len / page / 2) * page;
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open")
        .set_len(keep)
        .expect("truncate");
    let (store, recovery) = recover(dir.path(), &path, "truncated");
    assert!(
        recovery.recovered_bookmarks <= 3,
        "never invents bookmarks: {recovery:?}"
    );
    if recovery.recovered_bookmarks == 3 {
        assert_all_three_back(&store, "truncated");
    }
    let aside = std::fs::metadata(&recovery.set_aside).expect("kept").len();
    assert_eq!(
        aside, keep,
        "the damaged file is kept as it was, not rewritten"
    );
}

#[test]
fn page_overwritten_in_the_middle_is_detected_and_bookmarks_recovered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    let page = page_size(&path);
    let pages = std::fs::metadata(&path).expect("size").len() / page;
    // The session table's page: data in the middle of the file, away from the schema (whose
    // loss leaves nothing SQL can read) and from the bookmark table.
    let (victim, bookmark_root): (i64, i64) = Store::open(&path)
        .expect("open")
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT rootpage FROM sqlite_schema WHERE name = 'session'),
                        (SELECT rootpage FROM sqlite_schema WHERE name = 'bookmark')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("root pages");
    let victim = victim as u64;
    assert!(
        victim > 1 && victim < pages && victim as i64 != bookmark_root,
        "a page in the middle: {victim} of {pages}"
    );
    overwrite(&path, (victim - 1) * page, &vec![0xa5; page as usize]);
    let (store, recovery) = recover(dir.path(), &path, "overwritten page");
    assert!(
        !recovery.reason.is_empty(),
        "says what SQLite found: {recovery:?}"
    );
    assert_all_three_back(&store, "overwritten page");
}

/// The check at open skips FTS5's entry-by-entry verification (slow on a large store), but
/// the pages the search index is stored in are still read: damage there is found too.
#[test]
fn a_damaged_search_index_page_is_detected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    let page = page_size(&path);
    let root: i64 = Store::open(&path)
        .expect("open")
        .read(|c| {
            Ok(c.query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'search_fts_data'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("root page");
    overwrite(&path, (root as u64 - 1) * page, &vec![0xa5; page as usize]);
    let (store, recovery) = recover(dir.path(), &path, "search index page");
    assert!(!recovery.reason.is_empty(), "{recovery:?}");
    assert_all_three_back(&store, "search index page");
}

#[test]
fn bookmark_page_itself_destroyed_is_reported_as_incomplete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    let page = page_size(&path);
    let root: i64 = Store::open(&path)
        .expect("open")
        .read(|c| {
            Ok(c.query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'bookmark'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("root page");
    overwrite(&path, (root as u64 - 1) * page, &vec![0xa5; page as usize]);
    let (_store, recovery) = recover(dir.path(), &path, "bookmark page");
    assert!(recovery.incomplete, "the loss is admitted: {recovery:?}");
    assert!(
        recovery.message.contains("may be lost"),
        "and told: {}",
        recovery.message
    );
}

#[test]
fn not_a_database_is_still_an_error_for_plain_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = damaged_candidate(dir.path());
    overwrite(&path, 0, &[0x5a; 100]);
    let err = Store::open(&path)
        .err()
        .expect("plain open reports the damage");
    assert_eq!(err.kind(), "corrupt", "{err}");
    assert!(path.exists(), "plain open moves nothing");
}

#[test]
fn another_programs_database_is_refused_by_name_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.db");
    let other = rusqlite::Connection::open(&path).expect("create");
    other
        .execute_batch(
            "CREATE TABLE day (id INTEGER PRIMARY KEY, date TEXT);
             CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT);
             INSERT INTO note (text) VALUES ('mine');",
        )
        .expect("another program's tables");
    drop(other);
    let before = std::fs::read(&path).expect("read");
    for err in [
        Store::open(&path).err().expect("plain open refuses it"),
        Store::open_or_recover(&path)
            .err()
            .expect("open_or_recover refuses it too, setting nothing aside"),
    ] {
        let message = err.to_string();
        assert_eq!(err.kind(), "bad-request", "{message}");
        assert!(message.contains("notes.db"), "names the file: {message}");
        assert!(
            message.contains("not a Plenary store") && message.contains("tables day, note"),
            "says what it is: {message}"
        );
        assert!(!message.contains("CREATE"), "no schema dump: {message}");
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "left as it was"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["notes.db"], "nothing set aside or left beside it");
}
