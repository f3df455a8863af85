//! Reminders before bookmarked sessions (`Store::pending_reminders`, `take_due_reminders`):
//! defaults by priority, per-session choices, sessions that move, cancelled ones, backups, and
//! instants that stay right across time zones and a DST change.

use plenary_core::model::Zone;
use plenary_core::reminders::{Reminder, ReminderDefaults};
use plenary_core::store::{BookmarkChange, BookmarkKind, Priority};
use plenary_core::Store;

use crate::common::{parsed, sample, sample_with_bookmarks, store_with, utc};

fn remind(store: &Store, key: &str, reminder: Reminder) {
    store
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            kind: Some(BookmarkKind::Session),
            key: key.into(),
            reminder: Some(reminder),
            ..BookmarkChange::default()
        })
        .unwrap_or_else(|e| panic!("bookmark {key}: {e}"));
}

/// (key, remind_at) of every pending reminder at `now`.
fn pending(store: &Store, now: &str) -> Vec<(String, String)> {
    store
        .pending_reminders(utc(now))
        .expect("pending")
        .into_iter()
        .map(|r| (r.key, r.remind_at.to_rfc3339()))
        .collect()
}

fn pair(key: &str, at: &str) -> (String, String) {
    (key.to_string(), at.to_string())
}

#[test]
fn defaults_by_priority_and_each_reminder_once() {
    // id-1 (must) starts 01:00Z on the 26th, id-2 (maybe) 01:30Z, id-4 (want) 01:00Z on the 27th.
    let store = sample_with_bookmarks();
    assert_eq!(
        store.reminder_defaults().expect("defaults"),
        ReminderDefaults::default()
    );
    assert_eq!(
        pending(&store, "2025-07-26T00:00:00Z"),
        [
            pair("id-1", "2025-07-26T00:45:00+00:00"),
            pair("id-4", "2025-07-27T00:50:00+00:00"),
        ],
        "must 15 minutes before, want 10, maybe none"
    );
    assert_eq!(
        store
            .next_reminder_at(utc("2025-07-26T00:00:00Z"))
            .expect("next"),
        Some(utc("2025-07-26T00:45:00Z"))
    );
    assert_eq!(
        store
            .take_due_reminders(utc("2025-07-26T00:44:59Z"))
            .expect("due"),
        []
    );
    let due = store
        .take_due_reminders(utc("2025-07-26T00:45:00Z"))
        .expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].key.as_str(), due[0].minutes, due[0].moved),
        ("id-1", 15, false)
    );
    let notice = due[0].notice(utc("2025-07-26T00:45:00Z"));
    assert_eq!(notice.title, "Opening keynote");
    assert_eq!(
        notice.body, "In 15 minutes at 09:00 on Sat 26 Jul (UTC+08), Main Hall",
        "the start in the conference's own zone"
    );
    assert_eq!(
        store
            .take_due_reminders(utc("2025-07-26T00:50:00Z"))
            .expect("due"),
        [],
        "shown once"
    );
    // Started sessions are past reminding, even if the app was closed when the reminder fell due.
    assert_eq!(pending(&store, "2025-07-27T01:00:00Z"), []);

    // New defaults apply to every bookmark that follows them.
    store
        .set_reminder_defaults(&ReminderDefaults {
            must: None,
            want: Some(60),
            maybe: Some(5),
        })
        .expect("set defaults");
    assert_eq!(
        pending(&store, "2025-07-26T00:00:00Z"),
        [
            pair("id-2", "2025-07-26T01:25:00+00:00"),
            pair("id-4", "2025-07-27T00:00:00+00:00"),
        ]
    );
    let err = store
        .set_reminder_defaults(&ReminderDefaults {
            must: Some(20_000),
            ..ReminderDefaults::default()
        })
        .expect_err("more than a week");
    assert_eq!(err.kind(), "bad-request", "{err}");
}

#[test]
fn a_bookmark_can_choose_its_own_reminder_or_none() {
    let store = sample_with_bookmarks();
    remind(&store, "id-2", Reminder::Before { minutes: 0 });
    remind(&store, "id-1", Reminder::Off);
    let marks = store.bookmarks(None).expect("bookmarks");
    let of = |key: &str| {
        marks
            .iter()
            .find(|b| b.key == key)
            .expect("bookmark")
            .reminder
    };
    assert_eq!(of("id-1"), Reminder::Off);
    assert_eq!(of("id-2"), Reminder::Before { minutes: 0 });
    assert_eq!(of("id-4"), Reminder::Default);
    assert_eq!(
        pending(&store, "2025-07-26T00:00:00Z"),
        [
            pair("id-2", "2025-07-26T01:30:00+00:00"),
            pair("id-4", "2025-07-27T00:50:00+00:00"),
        ]
    );
    // Changing the note keeps the reminder.
    store
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            key: "id-2".into(),
            note: Some("closer to the stage".into()),
            ..BookmarkChange::default()
        })
        .expect("note");
    assert_eq!(
        store.bookmarks(None).expect("bookmarks")[1].reminder,
        Reminder::Before { minutes: 0 }
    );
    let err = store
        .set_bookmark(&BookmarkChange {
            conference: "sample-2025".into(),
            key: "id-2".into(),
            reminder: Some(Reminder::Before { minutes: 10_081 }),
            ..BookmarkChange::default()
        })
        .expect_err("too early");
    assert!(err.to_string().contains("at most 10080"), "{err}");
    assert_eq!(
        Reminder::parse("1h").expect("parses"),
        Reminder::Before { minutes: 60 }
    );
    assert_eq!(
        Reminder::parse(" 10m ").expect("parses"),
        Reminder::Before { minutes: 10 }
    );
    assert_eq!(Reminder::parse("off").expect("parses"), Reminder::Off);
    assert_eq!(
        Reminder::parse("default").expect("parses"),
        Reminder::Default
    );
    assert!(Reminder::parse("soon").is_err());
}

#[test]
fn a_reminder_follows_its_session_when_it_moves() {
    let store = sample_with_bookmarks();
    let shown = store
        .take_due_reminders(utc("2025-07-26T00:50:00Z"))
        .expect("due");
    assert_eq!(shown.len(), 1, "id-1's reminder shown");
    // The organisers move the keynote two hours later; a re-import keeps the bookmark.
    let mut data = sample();
    data.sessions[0].start = utc("2025-07-26T03:00:00Z");
    data.sessions[0].end = utc("2025-07-26T04:00:00Z");
    store.import(parsed(&data), &mut |_| {}).expect("re-import");
    let pending = store
        .pending_reminders(utc("2025-07-26T00:55:00Z"))
        .expect("pending");
    let keynote = pending.iter().find(|r| r.key == "id-1").expect("due again");
    assert_eq!(keynote.remind_at, utc("2025-07-26T02:45:00Z"));
    assert!(keynote.moved, "it says the session moved");
    let due = store
        .take_due_reminders(utc("2025-07-26T02:45:00Z"))
        .expect("due");
    assert_eq!(
        due[0].notice(utc("2025-07-26T02:45:00Z")).body,
        "Moved: now in 15 minutes at 11:00 on Sat 26 Jul (UTC+08), Main Hall"
    );
}

#[test]
fn cancelled_and_orphaned_sessions_do_not_remind() {
    let store = sample_with_bookmarks();
    let mut data = sample();
    data.sessions[0].title = "Opening keynote (cancelled)".into();
    data.sessions.remove(3); // id-4 is gone: its bookmark is an orphan
    store.import(parsed(&data), &mut |_| {}).expect("re-import");
    assert_eq!(pending(&store, "2025-07-26T00:00:00Z"), []);
}

#[test]
fn reminders_survive_a_backup_and_restore() {
    let store = sample_with_bookmarks();
    remind(&store, "id-2", Reminder::Before { minutes: 30 });
    remind(&store, "id-1", Reminder::Off);
    let backup = store.backup().expect("backup");
    let other = store_with(&sample());
    other.restore(&backup).expect("restore");
    let marks = other.bookmarks(None).expect("bookmarks");
    let reminders: Vec<(&str, Reminder)> =
        marks.iter().map(|b| (b.key.as_str(), b.reminder)).collect();
    assert_eq!(
        reminders,
        [
            ("id-1", Reminder::Off),
            ("id-2", Reminder::Before { minutes: 30 }),
            ("id-4", Reminder::Default),
        ]
    );
    // A backup from before reminders has none: the bookmarks follow their priority's default.
    let old = r#"{"format":"plenary-backup","version":1,"created_at":"2025-07-01T00:00:00Z",
        "bookmarks":[{"conference":"sample-2025","kind":"session","key":"id-3","priority":"want",
        "title":"Embodied AI forum","created_at":"2025-07-01T00:00:00Z",
        "updated_at":"2025-07-01T00:00:00Z"}]}"#;
    let old = plenary_core::store::Backup::parse(old, "old.json").expect("parses");
    other.restore(&old).expect("restore");
    let mark = other
        .bookmarks(None)
        .expect("bookmarks")
        .into_iter()
        .find(|b| b.key == "id-3")
        .expect("restored");
    assert_eq!(mark.reminder, Reminder::Default);
}

/// A Brussels conference on the night summer time ends (26 October 2025: 03:00 CEST becomes
/// 02:00 CET). A session at 02:30 CET, the second 02:30 of the night, is 01:30 UTC. Its
/// 45-minute reminder is due at 00:45 UTC, which is 02:45 CEST: wall-clock arithmetic would
/// say 01:45. The store's instants are UTC, so the computer's own zone plays no part (the CLI
/// suite runs the same case under several `TZ`s).
#[test]
fn reminders_are_right_across_a_dst_change_in_the_conference_zone() {
    let mut data = sample();
    data.conference.slug = "night-2025".into();
    data.conference.time_zone = Zone::parse("Europe/Brussels").expect("zone");
    data.sessions.truncate(1);
    let session = &mut data.sessions[0];
    session.start = utc("2025-10-26T01:30:00Z");
    session.end = utc("2025-10-26T02:30:00Z");
    session.day = chrono::NaiveDate::from_ymd_opt(2025, 10, 26).expect("date");
    let store = Store::open_in_memory().expect("store");
    store.import(parsed(&data), &mut |_| {}).expect("import");
    store
        .set_bookmark(&BookmarkChange {
            conference: "night-2025".into(),
            key: "id-1".into(),
            priority: Some(Priority::Want),
            reminder: Some(Reminder::Before { minutes: 45 }),
            ..BookmarkChange::default()
        })
        .expect("bookmark");
    let pending = store
        .pending_reminders(utc("2025-10-25T12:00:00Z"))
        .expect("pending");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].remind_at, utc("2025-10-26T00:45:00Z"));
    assert_eq!(
        Zone::parse("Europe/Brussels")
            .expect("zone")
            .localize(pending[0].remind_at)
            .to_rfc3339(),
        "2025-10-26T02:45:00+02:00",
        "due at 02:45 summer time, before the clocks go back"
    );
    assert_eq!(
        pending[0].notice(pending[0].remind_at).body,
        "In 45 minutes at 02:30 on Sun 26 Oct (UTC+01), Main Hall",
        "the start in winter time, after the change"
    );
    assert_eq!(
        store
            .take_due_reminders(utc("2025-10-26T00:44:00Z"))
            .expect("due"),
        []
    );
    assert_eq!(
        store
            .take_due_reminders(utc("2025-10-26T00:45:00Z"))
            .expect("due")
            .len(),
        1
    );
}
