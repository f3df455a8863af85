//! Backup and restore of the user's own data: round trip, merging into existing bookmarks,
//! re-attaching like a re-import, and malformed backups refused with the store unchanged.

use plenary_core::store::{Backup, BookmarkChange, Priority, BACKUP_FORMAT};
use plenary_core::Store;

use crate::common::{parsed, sample, sample_with_bookmarks, store_state, store_with};

fn written(store: &Store) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("backup.json");
    let n = store.write_backup(&path).expect("backup written");
    assert_eq!(n, 3, "three bookmarks saved");
    assert!(
        !dir.path().join("backup.json.partial").exists(),
        "the temporary file was renamed into place"
    );
    (dir, path)
}

#[test]
fn backup_round_trips_into_a_fresh_store() {
    let original = sample_with_bookmarks();
    let (_dir, path) = written(&original);
    let text = std::fs::read_to_string(&path).expect("read");
    let backup = Backup::parse(&text, "backup.json").expect("parses");
    assert_eq!(
        (backup.format.as_str(), backup.version),
        (BACKUP_FORMAT, 1),
        "tagged and versioned"
    );

    let fresh = store_with(&sample());
    let report = fresh.restore_backup(&path).expect("restores");
    assert_eq!(
        (report.read, report.added, report.updated, report.kept),
        (3, 3, 0, 0),
        "{report:?}"
    );
    assert_eq!(
        report.bookmarks.attached, 3,
        "all re-attached by key: {report:?}"
    );
    let strip = |s: &Store| -> Vec<_> {
        s.bookmarks(None)
            .expect("bookmarks")
            .into_iter()
            .map(|b| {
                (
                    b.key,
                    b.priority,
                    b.note,
                    b.visited,
                    b.orphaned,
                    b.created_at,
                )
            })
            .collect()
    };
    assert_eq!(
        strip(&fresh),
        strip(&original),
        "same bookmarks, notes, priorities, visits"
    );

    let again = fresh.restore_backup(&path).expect("restores twice");
    assert_eq!(
        (again.added, again.kept),
        (0, 3),
        "restoring twice changes nothing: {again:?}"
    );
}

#[test]
fn restore_before_the_programme_keeps_orphans_that_reattach_on_import() {
    let original = sample_with_bookmarks();
    let (_dir, path) = written(&original);
    let empty = Store::open_in_memory().expect("store");
    let report = empty.restore_backup(&path).expect("restores");
    assert_eq!(
        report.bookmarks.orphaned, 3,
        "no programme yet: kept as orphans: {report:?}"
    );
    assert!(
        empty
            .bookmarks(None)
            .expect("bookmarks")
            .iter()
            .all(|b| b.orphaned),
        "flagged orphaned"
    );

    // The source changed every id since: the snapshot still finds the sessions.
    let mut data = sample();
    for s in &mut data.sessions {
        s.source_id = s.source_id.as_ref().map(|id| format!("new-{id}"));
    }
    let import = empty.import(parsed(&data), &mut |_| {}).expect("import");
    assert_eq!(
        import.bookmarks.reattached, 3,
        "re-attached by snapshot: {:?}",
        import.bookmarks
    );
    let keys: Vec<String> = empty
        .bookmarks(None)
        .expect("bookmarks")
        .into_iter()
        .map(|b| b.key)
        .collect();
    assert_eq!(
        keys,
        ["id-new-1", "id-new-2", "id-new-4"],
        "pointing at the renamed sessions"
    );
}

#[test]
fn restore_merges_newer_wins() {
    let original = sample_with_bookmarks();
    let (_dir, path) = written(&original);
    let target = store_with(&sample());
    // Changed here after the backup was taken: this copy is newer and must survive.
    target
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            kind: None,
            key: "id-1".into(),
            priority: Some(Priority::Maybe),
            note: Some("changed later".into()),
            visited: None,
            reminder: None,
        })
        .expect("bookmark");
    // And one that only exists here.
    target
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            kind: None,
            key: "id-3".into(),
            ..BookmarkChange::default()
        })
        .expect("bookmark");
    let report = target.restore_backup(&path).expect("restores");
    assert_eq!((report.added, report.kept), (2, 1), "{report:?}");
    let marks = target.bookmarks(None).expect("bookmarks");
    assert_eq!(marks.len(), 4, "merged, nothing dropped: {marks:?}");
    let one = marks.iter().find(|b| b.key == "id-1").expect("id-1");
    assert_eq!(one.note, "changed later", "the newer local note wins");

    // A backup whose copy is newer wins over the local one.
    let mut backup = original.backup().expect("backup");
    for b in &mut backup.bookmarks {
        b.updated_at = "2999-01-01T00:00:00+00:00".into();
    }
    let report = target.restore(&backup).expect("restores");
    assert_eq!(report.updated, 3, "{report:?}");
    let one = target
        .bookmarks(None)
        .expect("bookmarks")
        .into_iter()
        .find(|b| b.key == "id-1")
        .expect("id-1");
    assert_eq!(
        (one.note.as_str(), one.priority),
        ("note on id-1", Priority::Must),
        "backup won"
    );
}

#[test]
fn malformed_backups_are_refused_and_change_nothing() {
    let store = sample_with_bookmarks();
    let good = serde_json::to_string_pretty(&store.backup().expect("backup")).expect("json");
    let cut = &good[..good.len() / 2];
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("cut.json", cut.to_string(), "syntax", "EOF"),
        ("array.json", "[1, 2]".into(), "invalid", "field `format`"),
        (
            "other.json",
            "{\"format\": \"something-else\", \"version\": 1, \"bookmarks\": []}".into(),
            "invalid",
            "not a Plenary backup",
        ),
        (
            "future.json",
            format!("{{\"format\": \"{BACKUP_FORMAT}\", \"version\": 99, \"bookmarks\": []}}"),
            "invalid",
            "version 99",
        ),
        (
            "priority.json",
            good.replacen("\"must\"", "\"urgent\"", 1),
            "syntax",
            "unknown variant `urgent`",
        ),
        ("binary.json", "\u{0}\u{1}".into(), "syntax", ""),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text, kind, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).expect("write");
        let before = store_state(&store);
        let err = store.restore_backup(&path).expect_err(name);
        assert_eq!(err.kind(), kind, "{name}: {err}");
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{name}: names the file: {message}"
        );
        assert!(message.contains(says), "{name}: says {says:?}: {message}");
        assert!(
            store_state(&store) == before,
            "{name}: the store is unchanged"
        );
    }
    let err = store
        .restore_backup(&dir.path().join("missing.json"))
        .expect_err("missing");
    assert_eq!(err.kind(), "io", "{err}");
}
