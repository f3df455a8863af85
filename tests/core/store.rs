//! Integration tests: the store — imports all or nothing, bookmarks through re-imports, agenda.

use crate::common::{journal_mode, mark, parsed, sample, store_with, utc};
use plenary_core::model::Room;
use plenary_core::store::{
    BookmarkChange, BookmarkKind, ExhibitorFilter, PlanMark, Priority, SessionFilter,
};
use plenary_core::{Error, Store};

fn bookmark(store: &Store, key: &str, priority: Priority) {
    mark(store, "sample-2025", BookmarkKind::Session, key, priority);
}

fn titles(store: &Store) -> Vec<String> {
    let sessions = store.sessions(&SessionFilter::default()).expect("sessions");
    sessions.into_iter().map(|s| s.title).collect()
}

#[test]
fn sessions_come_back_in_conference_time() {
    let store = store_with(&sample());
    let sessions = store.sessions(&SessionFilter::default()).expect("sessions");
    assert_eq!(sessions.len(), 4, "all sample sessions listed");
    let first = &sessions[0];
    assert_eq!(first.key, "id-1", "key derived from the source id");
    assert_eq!(
        first.start.to_rfc3339(),
        "2025-07-26T09:00:00+08:00",
        "Shanghai offset applied"
    );
    assert_eq!(
        first.speakers,
        ["Geoffrey Hinton"],
        "speaker names in billing order"
    );
    assert_eq!(
        first.abstract_html.as_deref(),
        Some("<p>Digital &amp; biological intelligence</p>")
    );
    assert_eq!(first.hall.as_deref(), Some("H1"), "room's hall joined in");
    let day2 = store
        .sessions(&SessionFilter {
            day: "2025-07-27".parse().ok(),
            ..SessionFilter::default()
        })
        .expect("filtered");
    assert_eq!(day2.len(), 1, "day filter");
    let keynotes = store
        .sessions(&SessionFilter {
            kind: Some("keynote".into()),
            ..SessionFilter::default()
        })
        .expect("filtered");
    assert_eq!(keynotes.len(), 2, "kind filter");
}

#[test]
fn failed_import_leaves_the_store_exactly_as_it_was() {
    let store = store_with(&sample());
    bookmark(&store, "id-1", Priority::Must);
    let before = titles(&store);
    let conferences_before = store.conferences().expect("conferences");

    // Two rooms with the same name violate a constraint halfway through the write, after the
    // old programme was already deleted inside the transaction. (The importers merge such
    // duplicates now, so the room is added after parsing.)
    let mut broken = sample();
    broken.conference.title = "Renamed".into();
    broken.sessions[0].title = "Changed title".into();
    let mut broken = parsed(&broken);
    broken.data.rooms.push(Room {
        name: "Main Hall".into(),
        ..Room::default()
    });
    let err = store
        .import(broken, &mut |_| {})
        .expect_err("duplicate room must fail");
    assert!(
        matches!(err, Error::Sqlite(_)),
        "a database constraint stopped it: {err}"
    );

    assert_eq!(titles(&store), before, "sessions unchanged");
    let after = store.conferences().expect("conferences");
    assert_eq!(
        after[0].title, conferences_before[0].title,
        "conference row unchanged"
    );
    assert_eq!(
        store.bookmarks(None).expect("bookmarks").len(),
        1,
        "bookmark kept"
    );
}

#[test]
fn bookmarks_survive_reimport_reid_and_removal() {
    let store = store_with(&sample());
    bookmark(&store, "id-1", Priority::Must);
    bookmark(&store, "id-2", Priority::Want);
    bookmark(&store, "id-3", Priority::Maybe);

    // Same file again: every bookmark attaches by key.
    let report = store
        .import(parsed(&sample()), &mut |_| {})
        .expect("re-import");
    assert_eq!(
        (
            report.bookmarks.attached,
            report.bookmarks.reattached,
            report.bookmarks.orphaned
        ),
        (3, 0, 0)
    );

    // The source re-ids everything and drops session 3; session 1 is also renamed.
    let mut changed = sample();
    for (i, s) in changed.sessions.iter_mut().enumerate() {
        s.source_id = Some(format!("new-{i}"));
    }
    changed.sessions[0].title = "Opening keynote (updated)".into();
    changed.sessions.remove(2);
    let report = store
        .import(parsed(&changed), &mut |_| {})
        .expect("re-import");
    assert_eq!(
        report.bookmarks.reattached, 2,
        "re-ided sessions found by title/speakers/start"
    );
    assert_eq!(
        report.bookmarks.orphaned, 1,
        "the dropped session's bookmark is kept as orphan"
    );

    let marks = store.bookmarks(Some("sample-2025")).expect("bookmarks");
    assert_eq!(marks.len(), 3, "no bookmark deleted");
    let by_note = |note: &str| {
        marks
            .iter()
            .find(|b| b.note == note)
            .expect("bookmark by note")
    };
    let renamed = by_note("note on id-1");
    assert_eq!(
        renamed.key, "id-new-0",
        "renamed session matched by speakers and start"
    );
    assert_eq!(renamed.priority, Priority::Must, "priority kept");
    assert_eq!(
        renamed.title, "Opening keynote (updated)",
        "snapshot follows the rename"
    );
    assert_eq!(by_note("note on id-2").key, "id-new-1");
    let orphan = by_note("note on id-3");
    assert!(orphan.orphaned, "orphan flagged");
    assert_eq!(
        orphan.title, "Embodied AI forum",
        "orphan keeps what it pointed at"
    );

    // The session comes back (with its old id): the orphan re-attaches.
    let report = store
        .import(parsed(&sample()), &mut |_| {})
        .expect("re-import");
    assert_eq!(
        report.bookmarks.orphaned, 0,
        "nothing orphaned any more: {:?}",
        report.bookmarks
    );
    assert!(store
        .bookmarks(None)
        .expect("bookmarks")
        .iter()
        .all(|b| !b.orphaned));
}

#[test]
fn ambiguous_fallback_matches_orphan_rather_than_guess() {
    let store = store_with(&sample());
    bookmark(&store, "id-3", Priority::Want);
    // Two new sessions with the same title and speakers at different times, neither at the old
    // start: matching either would be a guess.
    let mut changed = sample();
    let mut twin = changed.sessions[2].clone();
    changed.sessions[2].source_id = Some("a".into());
    changed.sessions[2].start = utc("2025-07-26T07:00:00Z");
    changed.sessions[2].end = utc("2025-07-26T08:00:00Z");
    twin.source_id = Some("b".into());
    twin.start = utc("2025-07-26T08:00:00Z");
    twin.end = utc("2025-07-26T09:00:00Z");
    changed.sessions.push(twin);
    let report = store.import(parsed(&changed), &mut |_| {}).expect("import");
    assert_eq!(
        report.bookmarks.orphaned, 1,
        "a tie is not resolved by guessing"
    );
}

#[test]
fn bookmarking_something_missing_is_a_clear_error() {
    let store = store_with(&sample());
    let err = store
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            key: "nope".into(),
            ..Default::default()
        })
        .expect_err("missing session");
    assert_eq!(err.to_string(), "no session \"nope\"");
    let err = store
        .set_bookmark(&BookmarkChange {
            conference: "other".into(),
            key: "id-1".into(),
            ..Default::default()
        })
        .expect_err("missing conference");
    assert_eq!(err.to_string(), "no conference \"other\"");
}

#[test]
fn agenda_flags_overlaps_and_gaps() {
    let store = store_with(&sample());
    for key in ["id-1", "id-2", "id-3", "id-4"] {
        bookmark(&store, key, Priority::Want);
    }
    let agenda = store.agenda(None).expect("agenda");
    assert_eq!(agenda.days.len(), 2, "two days");
    assert_eq!(agenda.overlap_count, 1, "keynote and dialogue overlap");
    let day1 = &agenda.days[0];
    assert_eq!(day1.items[0].overlaps, ["id-2".into()]);
    assert_eq!(day1.items[1].overlaps, ["id-1".into()]);
    assert!(
        day1.items[2].overlaps.is_empty(),
        "the afternoon forum overlaps nothing"
    );
    assert_eq!(
        day1.gaps.len(),
        1,
        "one gap between the dialogue and the forum"
    );
    assert_eq!(day1.gaps[0].minutes, 150, "10:30 to 13:00");
    assert_eq!(day1.gaps[0].start.to_rfc3339(), "2025-07-26T10:30:00+08:00");
}

#[test]
fn agenda_shows_each_bookmarks_priority_note_and_plan_mark_and_keeps_orphans_aside() {
    // The keynote (id-1) moved after the dialogue (id-2): the agenda orders by start, whatever
    // order the keys have.
    let mut data = sample();
    data.sessions[0].start = utc("2025-07-26T03:00:00Z");
    data.sessions[0].end = utc("2025-07-26T04:00:00Z");
    let store = store_with(&data);
    // The same programme under another slug, with a bookmark of its own.
    let mut other = data.clone();
    other.conference.slug = "other-2025".into();
    store
        .import(parsed(&other), &mut |_| {})
        .expect("other conference");
    store
        .set_current_conference("sample-2025")
        .expect("current");
    mark(
        &store,
        "sample-2025",
        BookmarkKind::Session,
        "id-1",
        Priority::Must,
    );
    mark(
        &store,
        "sample-2025",
        BookmarkKind::Session,
        "id-2",
        Priority::Maybe,
    );
    mark(
        &store,
        "sample-2025",
        BookmarkKind::Session,
        "id-3",
        Priority::Want,
    );
    let hinton = store
        .speakers(Some("sample-2025"))
        .expect("speakers")
        .into_iter()
        .find(|p| p.name == "Geoffrey Hinton")
        .expect("Hinton")
        .key;
    mark(
        &store,
        "sample-2025",
        BookmarkKind::Person,
        &hinton,
        Priority::Want,
    );
    let huawei = store
        .exhibitors(&ExhibitorFilter::default())
        .expect("exhibitors")
        .into_iter()
        .find(|e| e.name == "Huawei")
        .expect("Huawei")
        .key;
    mark(
        &store,
        "sample-2025",
        BookmarkKind::Exhibitor,
        &huawei,
        Priority::Want,
    );
    mark(
        &store,
        "other-2025",
        BookmarkKind::Session,
        "id-4",
        Priority::Must,
    );
    store
        .set_plan_mark(None, "id-2", Some(PlanMark::Out))
        .expect("plan mark");
    // The forum (id-3) and Huawei leave the programme: their bookmarks become orphans.
    let mut changed = data.clone();
    changed.sessions.remove(2);
    changed.exhibitors.remove(1);
    store
        .import(parsed(&changed), &mut |_| {})
        .expect("re-import without id-3 and Huawei");

    let agenda = store.agenda(None).expect("agenda");
    let items: Vec<_> = agenda.days.iter().flat_map(|d| &d.items).collect();
    let seen: Vec<_> = items
        .iter()
        .map(|i| {
            (
                i.session.key.as_str(),
                i.priority,
                i.session.bookmark,
                i.note.as_str(),
                i.plan,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "id-2",
                Priority::Maybe,
                Some(Priority::Maybe),
                "note on id-2",
                Some(PlanMark::Out)
            ),
            (
                "id-1",
                Priority::Must,
                Some(Priority::Must),
                "note on id-1",
                None
            ),
        ],
        "this conference's session bookmarks only, by start, each with its own marks"
    );
    let orphans: Vec<_> = agenda
        .orphans
        .iter()
        .map(|b| (b.kind, b.key.as_str(), b.note.as_str()))
        .collect();
    assert_eq!(
        orphans,
        [
            (BookmarkKind::Session, "id-3", "note on id-3"),
            (
                BookmarkKind::Exhibitor,
                huawei.as_str(),
                &*format!("note on {huawei}")
            ),
        ],
        "orphans of every kind are kept aside with their notes, oldest first"
    );
    assert!(
        agenda.exhibitors.is_empty(),
        "the orphaned exhibitor is not listed to visit"
    );
    assert!(
        items.iter().all(|i| i.session.abstract_html.is_none()),
        "the agenda leaves the keynote's abstract to the session page"
    );
}

#[test]
fn on_disk_store_keeps_bookmarks_across_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plenary.db");
    {
        let store = Store::open(&path).expect("open");
        store
            .import(parsed(&sample()), &mut |_| {})
            .expect("import");
        bookmark(&store, "id-2", Priority::Must);
    }
    let store = Store::open(&path).expect("reopen");
    let marks = store.bookmarks(None).expect("bookmarks");
    assert_eq!(marks.len(), 1, "bookmark persisted");
    assert_eq!(marks[0].priority, Priority::Must);
    assert_eq!(journal_mode(&store), "wal", "the reader sees WAL mode");
}

/// A new store is filled without a WAL (every page of the first import was written twice with
/// one) and is in WAL mode from its first commit on, with nothing left beside the file.
#[test]
fn a_new_store_turns_to_wal_after_its_first_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plenary.db");
    let store = Store::open(&path).expect("open");
    assert_eq!(
        journal_mode(&store),
        "delete",
        "a new store starts with a rollback journal"
    );
    store
        .import(parsed(&sample()), &mut |_| {})
        .expect("import");
    assert_eq!(journal_mode(&store), "wal");
    let synchronous: i64 = store
        .write(|tx| Ok(tx.pragma_query_value(None, "synchronous", |r| r.get(0))?))
        .expect("synchronous");
    assert_eq!(
        synchronous, 1,
        "back to NORMAL, as for every store in WAL mode"
    );
    bookmark(&store, "id-2", Priority::Must);
    drop(store);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        ["plenary.db"],
        "no journal, WAL or shm file left behind"
    );
    let store = Store::open(&path).expect("reopen");
    assert_eq!(journal_mode(&store), "wal");
    assert_eq!(titles(&store).len(), sample().sessions.len());
    assert_eq!(store.bookmarks(None).expect("bookmarks").len(), 1);
}

/// A new store whose first import fails is still a whole, empty store, in WAL mode: so a
/// second, long import never blocks the reader.
#[test]
fn a_new_store_whose_first_import_fails_is_whole_and_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plenary.db");
    let store = Store::open(&path).expect("open");
    let mut bad = parsed(&sample());
    bad.data.rooms.push(Room {
        name: "Main Hall".into(), // a second room of that name: a constraint fails mid-write
        ..Room::default()
    });
    assert!(store.import(bad, &mut |_| {}).is_err());
    assert!(store.conferences().expect("conferences").is_empty());
    assert_eq!(
        journal_mode(&store),
        "wal",
        "a failed write turns it to WAL too"
    );
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert!(store.conferences().expect("conferences").is_empty());
    store
        .import(parsed(&sample()), &mut |_| {})
        .expect("import");
    assert_eq!(journal_mode(&store), "wal");
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plenary.db");
    std::fs::write(
        &path,
        b"this is not sqlite, just text that is long enough to be a header....",
    )
    .expect("write");
    let err = Store::open(&path).err().expect("must not open");
    assert!(
        matches!(err, Error::Corrupt { .. }),
        "reported as corrupt: {err}"
    );
}

#[test]
fn export_model_round_trips_through_the_store() {
    let store = store_with(&sample());
    let loaded = store.load_conference(Some("sample-2025")).expect("load");
    let original = parsed(&sample()).data;
    assert_eq!(
        loaded.sessions, original.sessions,
        "sessions identical after store round trip"
    );
    assert_eq!(loaded.persons, original.persons, "persons identical");
    assert_eq!(
        loaded.exhibitors, original.exhibitors,
        "exhibitors identical"
    );
    assert_eq!(loaded.conference.time_zone, original.conference.time_zone);
}

#[test]
fn lists_can_leave_out_the_text_they_do_not_show() {
    let store = store_with(&sample());
    let full = store.sessions(&SessionFilter::default()).expect("sessions");
    let lean = store
        .sessions(&SessionFilter {
            with_text: Some(false),
            ..SessionFilter::default()
        })
        .expect("lean sessions");
    assert_eq!(lean.len(), full.len(), "the same sessions either way");
    assert!(
        full[0].abstract_html.is_some(),
        "the full list has abstracts"
    );
    for (l, f) in lean.iter().zip(&full) {
        assert_eq!(
            (&l.key, &l.title, l.start, &l.speakers),
            (&f.key, &f.title, f.start, &f.speakers)
        );
        assert_eq!(
            (&l.abstract_html, &l.description_html),
            (&None, &None),
            "{}",
            l.key
        );
        assert!(l.links.is_empty() && l.attachments.is_empty(), "{}", l.key);
    }

    let all = store
        .exhibitors(&ExhibitorFilter::default())
        .expect("exhibitors");
    let with_description = all
        .iter()
        .find(|e| e.description.is_some())
        .expect("a sample exhibitor has a description");
    let lean = store
        .exhibitors(&ExhibitorFilter {
            with_text: Some(false),
            ..ExhibitorFilter::default()
        })
        .expect("lean exhibitors");
    assert_eq!(lean.len(), all.len());
    assert!(lean
        .iter()
        .all(|e| e.description.is_none() && e.products.iter().all(|p| p.description.is_none())));
    let names = |list: &[plenary_core::store::ExhibitorView]| -> Vec<Vec<String>> {
        list.iter()
            .map(|e| e.products.iter().map(|p| p.name.clone()).collect())
            .collect()
    };
    assert_eq!(
        names(&lean),
        names(&all),
        "product names stay, for the list's filter"
    );

    let one = store
        .exhibitors(&ExhibitorFilter {
            key: Some(with_description.key.clone()),
            ..ExhibitorFilter::default()
        })
        .expect("one exhibitor");
    assert_eq!(one.len(), 1, "the key picks one exhibitor");
    assert_eq!(one[0].description, with_description.description);
    let none = store
        .exhibitors(&ExhibitorFilter {
            key: Some("no-such-exhibitor".into()),
            ..ExhibitorFilter::default()
        })
        .expect("no exhibitor");
    assert!(none.is_empty());
}

/// Sessions keep their speakers' names with them (migration 05) for speed; these must always
/// agree with who speaks at what. FOSDEM has sessions with several speakers and without any.
#[test]
fn each_sessions_speakers_are_the_people_who_list_it() {
    let store = Store::open_in_memory().expect("store opens");
    let parsed = crate::common::parse("schedules/fosdem-2026.schedule.xml");
    // Each session's speakers in the file's order, each once: what the page must show.
    let names: std::collections::HashMap<&str, &str> = parsed
        .data
        .persons
        .iter()
        .map(|p| (p.key.as_str(), p.name.as_str()))
        .collect();
    let expected: std::collections::HashMap<String, Vec<String>> = parsed
        .data
        .sessions
        .iter()
        .map(|s| {
            let mut keys: Vec<&str> = Vec::new();
            for key in &s.speakers {
                if names.contains_key(key.as_str()) && !keys.contains(&key.as_str()) {
                    keys.push(key);
                }
            }
            (
                s.key.clone(),
                keys.iter().map(|k| names[k].to_string()).collect(),
            )
        })
        .collect();
    store.import(parsed, &mut |_| {}).expect("FOSDEM imports");
    let mut from_people: Vec<(String, String)> = store
        .speakers(None)
        .expect("speakers")
        .into_iter()
        .flat_map(|p| p.sessions.into_iter().map(move |s| (s, p.name.clone())))
        .collect();
    let sessions = store.sessions(&SessionFilter::default()).expect("sessions");
    let mut from_sessions: Vec<(String, String)> = sessions
        .iter()
        .flat_map(|s| s.speakers.iter().map(|name| (s.key.clone(), name.clone())))
        .collect();
    from_people.sort();
    from_sessions.sort();
    assert_eq!(from_sessions, from_people);
    for session in &sessions {
        assert_eq!(
            session.speakers, expected[&session.key],
            "{} in order",
            session.key
        );
    }
    assert!(sessions.iter().any(|s| s.speakers.len() >= 3), "a panel");
    assert!(
        sessions.iter().any(|s| s.speakers.is_empty()),
        "a session with nobody"
    );
}

#[test]
fn an_exhibitor_list_reports_the_title_of_the_conference_it_went_into() {
    let store = store_with(&sample());
    let list = |slug: &str| {
        let mut options = plenary_core::import::ImportOptions::new("list.csv");
        options.conference = Some(slug.into());
        plenary_core::import::parse(b"name,booth\nAcme,A1\n", &options).expect("list parses")
    };
    let report = store
        .import(list("sample-2025"), &mut |_| {})
        .expect("list imports");
    assert_eq!(report.title, "Sample Conference", "the stored title");
    let report = store
        .import(list("new-fair"), &mut |_| {})
        .expect("list imports");
    assert_eq!(
        report.title, "new-fair",
        "a new conference is named after its slug"
    );
}
