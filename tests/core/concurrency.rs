//! WAL and busy_timeout in practice: the reader connection keeps answering while the writer
//! imports, and never sees half an import.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use plenary_core::model::Session;
use plenary_core::Store;

use crate::common::{journal_mode, parsed, sample, utc};

#[test]
fn reader_sees_old_or_new_never_a_mix_during_imports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Arc::new(Store::open(dir.path().join("plenary.db")).expect("open"));
    let timeout: i64 = store
        .read(|c| Ok(c.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?))
        .expect("timeout");
    assert!(timeout >= 1000, "a busy_timeout is set: {timeout} ms");

    let old = sample();
    let mut new = sample();
    new.conference.title = "Sample Conference (updated)".into();
    // Enough extra sessions that each import takes a while and readers land inside it.
    for i in 0..400 {
        new.sessions.push(Session {
            source_id: Some(format!("extra-{i}")),
            title: format!("Extra session {i}"),
            start: utc("2025-07-26T07:00:00Z"),
            end: utc("2025-07-26T08:00:00Z"),
            day: old.sessions[0].day,
            ..Session::default()
        });
    }
    store
        .import(parsed(&old), &mut |_| {})
        .expect("first import");
    // A new store is in WAL mode from its first write on (store/mod.rs). The reader learns the
    // mode from the file when it next reads.
    assert_eq!(
        journal_mode(&store),
        "wal",
        "WAL is what lets the reader go on during a write"
    );
    let expected = [
        ("Sample Conference".to_string(), old.sessions.len() as i64),
        (
            "Sample Conference (updated)".to_string(),
            new.sessions.len() as i64,
        ),
    ];

    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let store = Arc::clone(&store);
        let done = Arc::clone(&done);
        let (old, new) = (parsed(&old), parsed(&new));
        std::thread::spawn(move || {
            for round in 0..6 {
                let next = if round % 2 == 0 {
                    new.clone()
                } else {
                    old.clone()
                };
                store
                    .import(next, &mut |_| {})
                    .expect("import while reading");
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    let (mut reads, mut seen_new, mut seen_old) = (0, 0, 0);
    while !done.load(Ordering::SeqCst) || reads < 10 {
        let list = store
            .conferences()
            .expect("the reader keeps working during an import");
        assert_eq!(list.len(), 1, "one conference");
        let state = (list[0].title.clone(), list[0].sessions);
        assert!(
            expected.contains(&state),
            "a consistent old or new state, got {state:?}"
        );
        if state == expected[1] {
            seen_new += 1;
        } else {
            seen_old += 1;
        }
        reads += 1;
    }
    writer.join().expect("writer thread");
    assert!(reads >= 10, "the reader was not blocked: {reads} reads");
    assert!(
        seen_old + seen_new == reads,
        "{seen_old} old + {seen_new} new = {reads}"
    );
}
