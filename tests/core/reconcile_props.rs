//! Property: through any re-import, every bookmark is either on the right session or kept as an
//! orphan. Schedules are generated, then changed the ways real sources change them: sessions
//! moved, renamed, re-ided, deleted, duplicated, and several of these at once.

use std::cell::Cell;
use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use plenary_core::model::{ConferenceData, Person, Session};
use plenary_core::store::{BookmarkChange, Priority};
use plenary_core::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use crate::common::{parsed, sample, utc};

/// What a source did to one session between two versions of its schedule.
#[derive(Debug, Clone, Copy)]
struct Change {
    moved: Option<u8>,
    renamed: bool,
    reided: bool,
    deleted: bool,
    /// Listed twice under the same id (frab exports do this).
    repeated: bool,
    /// An unchanged copy of it added under a new id.
    copied: bool,
}

fn change() -> impl Strategy<Value = Change> {
    (
        prop::option::weighted(0.3, 0u8..16),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(moved, renamed, reided, deleted, repeated, copied)| Change {
                moved,
                renamed,
                reided,
                deleted,
                repeated,
                copied,
            },
        )
}

/// A session of the generated schedule, with the identity the test follows it by.
#[derive(Debug, Clone)]
struct Item {
    identity: usize,
    id: String,
    title: String,
    slot: u8,
    speaker: usize,
}

fn start(slot: u8) -> chrono::DateTime<chrono::Utc> {
    utc("2025-07-26T01:00:00Z") + Duration::minutes(30 * i64::from(slot))
}

fn schedule(items: &[Item]) -> ConferenceData {
    let mut data = sample();
    data.exhibitors.clear();
    data.persons = (0..64)
        .map(|i| Person {
            key: format!("p{i}"),
            name: format!("Speaker {i}"),
            ..Person::default()
        })
        .collect();
    data.sessions = items
        .iter()
        .map(|it| Session {
            source_id: Some(it.id.clone()),
            title: it.title.clone(),
            start: start(it.slot),
            end: start(it.slot) + Duration::minutes(30),
            day: NaiveDate::from_ymd_opt(2025, 7, 26).expect("date"),
            room: Some("Main Hall".into()),
            speakers: vec![format!("p{}", it.speaker)],
            ..Session::default()
        })
        .collect();
    data
}

/// The next version of `items` after `changes`; ids are never reused, as real sources don't.
///
/// A speaker never gives two different talks at once: a move onto a slot where the same speaker
/// already has another session is dropped. Without that rule a deleted talk and another talk by
/// the same speaker in the same slot are indistinguishable by title-speakers-start matching.
fn apply(items: &[Item], changes: &[Change], generation: usize) -> Vec<Item> {
    let mut busy: HashMap<(usize, u8), usize> = items
        .iter()
        .map(|it| ((it.speaker, it.slot), it.identity))
        .collect();
    let mut out = Vec::new();
    for (it, c) in items.iter().zip(changes.iter().cycle()) {
        if c.copied {
            out.push(Item {
                id: format!("{}-copy{generation}", it.id),
                ..it.clone()
            });
        }
        if c.deleted {
            continue;
        }
        let mut next = it.clone();
        if let Some(slot) = c.moved {
            let free = busy
                .get(&(it.speaker, slot))
                .is_none_or(|&who| who == it.identity);
            if free {
                busy.insert((it.speaker, slot), it.identity);
                next.slot = slot;
            }
        }
        if c.renamed {
            next.title = format!("{} (renamed {generation})", it.title);
        }
        if c.reided {
            next.id = format!("{}-r{generation}", it.id);
        }
        if c.repeated {
            out.push(next.clone());
        }
        out.push(next);
    }
    out
}

/// Running totals over every case, for the figures in `docs/reliability.md`.
#[derive(Default)]
struct Totals {
    cases: Cell<usize>,
    checked: Cell<usize>,
    attached: Cell<usize>,
    reattached: Cell<usize>,
    orphaned: Cell<usize>,
}

fn bump(cell: &Cell<usize>, n: usize) {
    cell.set(cell.get() + n);
}

/// Keys the store gave each session of `items`, in order (duplicates get `~2` suffixes).
fn identities(store: &Store, items: &[Item]) -> HashMap<String, usize> {
    let sessions = store
        .sessions(&plenary_core::store::SessionFilter::default())
        .expect("sessions");
    let by_id: HashMap<&str, usize> = items
        .iter()
        .map(|it| (it.id.as_str(), it.identity))
        .collect();
    sessions
        .into_iter()
        .map(|s| {
            let base = s
                .key
                .split('~')
                .next()
                .unwrap_or(&s.key)
                .trim_start_matches("id-")
                .to_string();
            let identity = by_id.get(base.as_str()).copied().unwrap_or(usize::MAX);
            (s.key, identity)
        })
        .collect()
}

fn check(
    store: &Store,
    items: &[Item],
    bookmarked: usize,
    what: &str,
    totals: &Totals,
) -> Result<(), TestCaseError> {
    let marks = store.bookmarks(None).expect("bookmarks");
    prop_assert_eq!(marks.len(), bookmarked, "{}: no bookmark dropped", what);
    let keys = identities(store, items);
    for m in &marks {
        let identity: usize = m.note.parse().expect("the note holds the identity");
        if m.orphaned {
            bump(&totals.orphaned, 1);
            continue;
        }
        let on = keys.get(&m.key).copied();
        prop_assert_eq!(
            on,
            Some(identity),
            "{}: bookmark of session {} is on {} ({:?})",
            what,
            identity,
            m.key,
            m
        );
    }
    bump(&totals.checked, marks.len());
    Ok(())
}

/// One generated case: a schedule, which of its sessions are bookmarked, and two rounds of
/// changes applied one after the other (so a bookmark must also survive its second move).
#[test]
fn bookmarks_are_on_the_right_session_or_orphaned() {
    let strategy = (
        2usize..14,
        prop::collection::vec(0u8..16, 14),
        prop::collection::vec(0usize..64, 14),
        prop::collection::vec(any::<bool>(), 14),
        prop::collection::vec(change(), 1..14),
        prop::collection::vec(change(), 1..14),
    );
    let config = Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    };
    // A fixed seed, so the figures in docs/reliability.md come out the same on every run.
    let rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let totals = Totals::default();
    let result = runner.run(&strategy, |(n, slots, speakers, marked, first, second)| {
        bump(&totals.cases, 1);
        // Speakers are shared between sessions, but never in the same slot (see `apply`).
        let mut items: Vec<Item> = Vec::new();
        for i in 0..n {
            let speaker = speakers[i] % 8;
            let mut slot = slots[i];
            while items
                .iter()
                .any(|it| it.speaker == speaker && it.slot == slot)
            {
                slot = (slot + 1) % 16;
            }
            items.push(Item {
                identity: i,
                id: format!("s{i}"),
                title: format!("Talk number {i}"),
                slot,
                speaker,
            });
        }
        let store = Store::open_in_memory().expect("store");
        store
            .import(parsed(&schedule(&items)), &mut |_| {})
            .expect("import");
        let mut bookmarked = 0;
        for it in items.iter().filter(|it| marked[it.identity]) {
            store
                .set_bookmark(&BookmarkChange {
                    conference: "sample-2025".into(),
                    kind: None,
                    key: format!("id-{}", it.id),
                    priority: Some(Priority::Must),
                    note: Some(it.identity.to_string()),
                    visited: None,
                    reminder: None,
                })
                .expect("bookmark");
            bookmarked += 1;
        }
        let mut current = items;
        for (generation, changes) in [first, second].iter().enumerate() {
            current = apply(&current, changes, generation + 1);
            let report = store
                .import(parsed(&schedule(&current)), &mut |_| {})
                .expect("re-import");
            bump(&totals.attached, report.bookmarks.attached);
            bump(&totals.reattached, report.bookmarks.reattached);
            let what = format!("generation {}", generation + 1);
            check(&store, &current, bookmarked, &what, &totals)?;
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("a bookmark was dropped or put on the wrong session: {e}");
    }
    eprintln!(
        "reconcile property: {} cases, {} bookmark checks after re-import: {} attached by key, \
         {} re-attached by snapshot, {} orphaned; wrong 0, dropped 0",
        totals.cases.get(),
        totals.checked.get(),
        totals.attached.get(),
        totals.reattached.get(),
        totals.orphaned.get(),
    );
}

/// Found by the property above: when a bookmarked session was deleted, its bookmark moved to
/// another session by the same speaker in the same slot, which had kept its own key all along.
#[test]
fn deleted_session_bookmark_is_not_given_to_a_session_that_kept_its_key() {
    let a = Item {
        identity: 0,
        id: "s0".into(),
        title: "Talk number 0".into(),
        slot: 3,
        speaker: 14,
    };
    let b = Item {
        identity: 1,
        id: "s1".into(),
        title: "Talk number 1".into(),
        ..a.clone()
    };
    let store = Store::open_in_memory().expect("store");
    store
        .import(parsed(&schedule(&[a, b.clone()])), &mut |_| {})
        .expect("import");
    store
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            key: "id-s0".into(),
            ..BookmarkChange::default()
        })
        .expect("bookmark");
    let report = store
        .import(parsed(&schedule(&[b])), &mut |_| {})
        .expect("re-import without s0");
    assert_eq!(
        report.bookmarks.orphaned, 1,
        "kept as an orphan: {:?}",
        report.bookmarks
    );
    let marks = store.bookmarks(None).expect("bookmarks");
    assert_eq!(
        marks[0].key, "id-s0",
        "still pointing at the deleted session: {marks:?}"
    );
}
