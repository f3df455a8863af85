//! Subscriptions end to end (`Store::subscribe`, `refresh`, `changes`): a server on 127.0.0.1
//! that the test starts itself serves successive versions of the real 36C3 schedule, edited
//! as an organiser would: a talk moved to another time and room, one cancelled, one re-ided
//! (new guid and id, same title, speakers and time), one added. Failures of every kind must
//! leave the programme, the bookmarks and the change log exactly as they were.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use plenary_core::import::ImportOptions;
use plenary_core::store::{BookmarkChange, BookmarkKind, Priority};
use plenary_core::subscribe::{ChangeField, RefreshOptions, RefreshStatus, StoredChange};
use plenary_core::Store;

use crate::common::{self, store_state};
use crate::server::{redirect, reply, serve, Reply};

const OPENING: &str = "6a32cb72-a69d-423c-91b5-60d88eb8e6c7";
const OPENING_REIDED: &str = "00000000-0000-4000-8000-000000000001";
const SCALE: &str = "3aae5c0a-9c9b-483a-8c09-b4402d749a82";
const MESSAGING: &str = "b854982f-d696-40be-a2d2-15dc64a1f421";
const ADDED: &str = "00000000-0000-4000-8000-000000000002";

/// How the feed answers the next requests.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The current version, with its ETag; `304` when the client already has it.
    Serve,
    Status500,
    /// The headers come after 3 s.
    Stall,
    /// The first half of the current version, under a new ETag.
    Truncated,
}

struct Feed {
    body: Vec<u8>,
    etag: String,
    mode: Mode,
    /// The `If-None-Match` of each request, in order.
    sent: Vec<Option<String>>,
}

type Shared = Arc<Mutex<Feed>>;

/// Serves `body` at `/schedule.xml` (and `/old`, which redirects there); returns the base URL.
fn start_feed(body: Vec<u8>) -> (String, Shared) {
    let shared = Arc::new(Mutex::new(Feed {
        body,
        etag: "\"v1\"".into(),
        mode: Mode::Serve,
        sent: Vec::new(),
    }));
    let state = Arc::clone(&shared);
    let base = serve(move |req| -> Reply {
        if req.path == "/old" {
            return redirect("301 Moved Permanently", "/schedule.xml");
        }
        let mut feed = state.lock().expect("lock");
        feed.sent.push(req.headers.get("if-none-match").cloned());
        match feed.mode {
            Mode::Status500 => reply("500 Internal Server Error", b"down"),
            Mode::Stall => {
                let mut r = reply("200 OK", &feed.body);
                r.delay = Duration::from_secs(3);
                r
            }
            Mode::Truncated => {
                let mut r = reply("200 OK", &feed.body[..feed.body.len() / 2]);
                r.headers.push(("ETag", "\"broken\"".into()));
                r
            }
            Mode::Serve if req.headers.get("if-none-match") == Some(&feed.etag) => {
                reply("304 Not Modified", b"")
            }
            Mode::Serve => {
                let mut r = reply("200 OK", &feed.body);
                r.headers.push(("ETag", feed.etag.clone()));
                r
            }
        }
    });
    (base, shared)
}

fn publish(feed: &Shared, body: Vec<u8>, etag: &str) {
    let mut f = feed.lock().expect("lock");
    f.body = body;
    f.etag = etag.into();
    f.mode = Mode::Serve;
}

fn set_mode(feed: &Shared, mode: Mode) {
    feed.lock().expect("lock").mode = mode;
}

fn v1() -> String {
    String::from_utf8(common::read("schedules/36c3.schedule.xml")).expect("UTF-8")
}

/// The `<event>` element with `guid`, and the newline after it.
fn event(text: &str, guid: &str) -> std::ops::Range<usize> {
    let start = text
        .find(&format!("<event guid='{guid}'"))
        .unwrap_or_else(|| panic!("event {guid} in 36c3"));
    let end = start + text[start..].find("</event>\n").expect("its end") + "</event>\n".len();
    start..end
}

fn insert_after(text: &mut String, marker: &str, block: &str) {
    let at = text.find(marker).expect("marker") + marker.len();
    text.insert_str(at, block);
}

/// 36C3 as its organisers might update it: "What's left for private messaging?" moves from
/// 12:50 in Ada to 21:00 in Borg; "The Case for Scale in Cyber Security" is gone; the Opening
/// Ceremony gets a new guid and id; "A late addition" is new at 22:00 in Ada.
fn v2() -> String {
    let mut text = v1();
    let original_opening = text[event(&text, OPENING)].to_string();

    let range = event(&text, MESSAGING);
    let moved = text[range.clone()]
        .replace(
            "<date>2019-12-27T12:50:00+01:00</date>",
            "<date>2019-12-27T21:00:00+01:00</date>",
        )
        .replace("<start>12:50</start>", "<start>21:00</start>")
        .replace("<room>Ada</room>", "<room>Borg</room>");
    text.replace_range(range, "");
    insert_after(&mut text, "<room name='Borg'>\n", &moved);

    let range = event(&text, SCALE);
    text.replace_range(range, "");

    text = text.replacen(
        &format!("guid='{OPENING}' id='11223'"),
        &format!("guid='{OPENING_REIDED}' id='99001'"),
        1,
    );

    let persons = original_opening.find("<persons>").expect("persons");
    let persons_end = original_opening.find("</persons>").expect("persons end");
    let added = format!(
        "{}<persons>\n<person id='99999'>New Speaker</person>\n{}",
        &original_opening[..persons],
        &original_opening[persons_end..]
    )
    .replace(
        &format!("guid='{OPENING}' id='11223'"),
        &format!("guid='{ADDED}' id='99002'"),
    )
    .replace(
        "<date>2019-12-27T11:00:00+01:00</date>",
        "<date>2019-12-27T22:00:00+01:00</date>",
    )
    .replace("<start>11:00</start>", "<start>22:00</start>")
    .replace(
        "<title>Opening Ceremony</title>",
        "<title>A late addition</title>",
    );
    insert_after(&mut text, "<room name='Ada'>\n", &added);
    text
}

/// `text` with every `<event>` taken out: a valid schedule with no sessions.
fn without_events(text: &str) -> String {
    let mut text = text.to_string();
    while let Some(start) = text.find("<event ") {
        let end = start + text[start..].find("</event>\n").expect("its end") + "</event>\n".len();
        text.replace_range(start..end, "");
    }
    text
}

fn bookmark(store: &Store, slug: &str, key: &str, note: &str) {
    store
        .set_bookmark(&BookmarkChange {
            conference: slug.into(),
            kind: Some(BookmarkKind::Session),
            key: key.into(),
            priority: Some(Priority::Must),
            note: Some(note.into()),
            visited: None,
            reminder: None,
        })
        .unwrap_or_else(|e| panic!("bookmark {key}: {e}"));
}

/// What every failure must leave alone: the store as `store_state` sees it, the whole change
/// log, and when the last good copy was fetched.
fn everything(store: &Store) -> (String, Vec<StoredChange>, String) {
    let sub = store
        .subscription(None)
        .expect("subscription")
        .expect("subscribed");
    (
        store_state(store),
        store.changes(None, None).expect("changes"),
        format!("{} {}", sub.url, sub.fetched_at),
    )
}

fn row(key: &str, field: ChangeField, old: Option<&str>, new: Option<&str>, marked: bool) -> Row {
    (
        key.to_string(),
        field,
        old.map(String::from),
        new.map(String::from),
        marked,
    )
}

type Row = (String, ChangeField, Option<String>, Option<String>, bool);

fn rows(changes: &[StoredChange]) -> Vec<Row> {
    changes
        .iter()
        .map(|c| {
            (
                c.session_key.clone(),
                c.field,
                c.old.clone(),
                c.new.clone(),
                c.bookmarked,
            )
        })
        .collect()
}

/// Subscribed to v1 with bookmarks on the three sessions v2 moves, re-ids and cancels.
fn subscribed() -> (Store, Shared, String, String) {
    let (base, feed) = start_feed(v1().into_bytes());
    let url = format!("{base}/schedule.xml");
    let store = Store::open_in_memory().expect("store");
    let report = store
        .subscribe(None, &url, &RefreshOptions::default())
        .expect("subscribe");
    let slug = report.conference.clone();
    assert_eq!(report.status, RefreshStatus::Updated, "a first copy");
    assert!(report.changes.is_empty(), "a new conference has no changes");
    assert_eq!(
        report.import.as_ref().map(|i| i.sessions),
        Some(162),
        "36c3 imported whole"
    );
    bookmark(&store, &slug, OPENING, "front row for the opening");
    bookmark(&store, &slug, MESSAGING, "ask about metadata");
    bookmark(&store, &slug, SCALE, "keynote");
    (store, feed, url, slug)
}

#[test]
fn a_refresh_records_each_change_and_bookmarks_follow_their_sessions() {
    let (store, feed, url, slug) = subscribed();
    publish(&feed, v2().into_bytes(), "\"v2\"");
    let report = store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    assert_eq!(report.status, RefreshStatus::Updated, "a new version");
    assert_eq!(report.url, url, "the subscription's URL");
    assert_eq!(
        feed.lock().expect("lock").sent.last().cloned().flatten(),
        Some("\"v1\"".to_string()),
        "the stored ETag went back as If-None-Match"
    );
    let expected = vec![
        // Bookmarked sessions that moved or were cancelled come first...
        row(
            MESSAGING,
            ChangeField::Start,
            Some("2019-12-27T11:50:00+00:00"),
            Some("2019-12-27T20:00:00+00:00"),
            true,
        ),
        row(
            MESSAGING,
            ChangeField::Room,
            Some("Ada"),
            Some("Borg"),
            true,
        ),
        row(
            SCALE,
            ChangeField::Cancelled,
            Some("The Case for Scale in Cyber Security"),
            None,
            true,
        ),
        // ...then the rest in the refresh's order.
        row(
            OPENING_REIDED,
            ChangeField::Key,
            Some(OPENING),
            Some(OPENING_REIDED),
            true,
        ),
        row(
            ADDED,
            ChangeField::New,
            None,
            Some("A late addition"),
            false,
        ),
    ];
    assert_eq!(rows(&report.changes), expected, "the refresh's change list");
    let tally = report.bookmarks.expect("a tally");
    assert_eq!(
        (tally.attached, tally.reattached, tally.orphaned),
        (1, 1, 1),
        "moved: attached; re-ided: re-attached; cancelled: orphaned"
    );

    let stored = store.changes(Some(&slug), None).expect("changes");
    assert_eq!(rows(&stored), expected, "the stored change log");
    assert!(
        stored.iter().all(|c| c.refreshed_at == report.fetched_at),
        "one refreshed_at for the whole refresh, the copy's fetch time"
    );
    let titles: Vec<&str> = stored.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "What's left for private messaging?",
            "What's left for private messaging?",
            "The Case for Scale in Cyber Security",
            "Opening Ceremony",
            "A late addition"
        ],
        "titles: current, or the last known one for a session that is gone"
    );

    let marks = store.bookmarks(Some(&slug)).expect("bookmarks");
    let find = |note: &str| {
        marks
            .iter()
            .find(|m| m.note == note)
            .unwrap_or_else(|| panic!("the bookmark noted {note:?} is kept: {marks:?}"))
    };
    let opening = find("front row for the opening");
    assert_eq!(opening.key, OPENING_REIDED, "follows the re-ided session");
    assert!(!opening.orphaned, "re-ided: still attached");
    let moved = find("ask about metadata");
    assert_eq!(moved.key, MESSAGING, "the moved session kept its key");
    assert!(!moved.orphaned, "moved: still attached");
    assert_eq!(moved.priority, Priority::Must, "priority intact");
    let gone = find("keynote");
    assert!(
        gone.orphaned,
        "a bookmark on a vanished session is an orphan"
    );
    assert_eq!(marks.len(), 3, "no bookmark lost or added");
    let session = store
        .session(Some(&slug), MESSAGING)
        .expect("the moved session");
    assert_eq!(
        session.room.as_deref(),
        Some("Borg"),
        "the programme is the new one"
    );

    // "Since" and the seen marker.
    assert!(
        store
            .changes(Some(&slug), Some(report.fetched_at))
            .expect("since")
            .is_empty(),
        "nothing after the last refresh"
    );
    assert_eq!(
        store.changes_since_seen(Some(&slug)).expect("unseen").len(),
        5,
        "never looked: every change"
    );
    assert_eq!(
        store
            .changed_session_keys(Some(&slug), None)
            .expect("changed keys"),
        {
            let mut keys = vec![ADDED, OPENING_REIDED, SCALE, MESSAGING];
            keys.sort();
            keys
        },
        "one key per changed session"
    );
    store
        .mark_changes_seen(Some(&slug), report.fetched_at)
        .expect("mark seen");
    assert_eq!(
        store.changes_seen_at(Some(&slug)).expect("seen at"),
        Some(report.fetched_at),
        "the marker is kept"
    );
    assert!(
        store
            .changes_since_seen(Some(&slug))
            .expect("unseen")
            .is_empty(),
        "looked: nothing new"
    );
    assert!(
        store
            .changed_session_keys(Some(&slug), Some(report.fetched_at))
            .expect("changed keys")
            .is_empty(),
        "no marker to show after looking"
    );

    // A later refresh that re-ids the moved session: its earlier changes follow it.
    let v3 = v2().replacen(
        &format!("guid='{MESSAGING}' id='10565'"),
        "guid='00000000-0000-4000-8000-000000000003' id='99003'",
        1,
    );
    publish(&feed, v3.into_bytes(), "\"v3\"");
    let third = store
        .refresh(None, &RefreshOptions::default())
        .expect("third refresh");
    assert_eq!(
        rows(&third.changes),
        vec![row(
            "00000000-0000-4000-8000-000000000003",
            ChangeField::Key,
            Some(MESSAGING),
            Some("00000000-0000-4000-8000-000000000003"),
            true
        )],
        "only the re-id"
    );
    let all = store.changes(Some(&slug), None).expect("changes");
    let start = all
        .iter()
        .find(|c| c.field == ChangeField::Start)
        .expect("the earlier move");
    assert_eq!(
        (start.session_key.as_str(), start.current_key.as_str()),
        (MESSAGING, "00000000-0000-4000-8000-000000000003"),
        "an earlier change follows its session's new key"
    );
    assert!(start.bookmarked, "and its bookmark");
    assert_eq!(
        store.changes_since_seen(Some(&slug)).expect("unseen").len(),
        1,
        "only the third refresh is unseen"
    );
}

#[test]
fn a_304_changes_nothing_but_when_it_was_checked() {
    let (store, feed, url, _slug) = subscribed();
    let before = everything(&store);
    let sub = store.subscription(None).expect("sub").expect("subscribed");
    let report = store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    assert_eq!(
        report.status,
        RefreshStatus::Unchanged,
        "the server said 304"
    );
    assert_eq!(
        feed.lock().expect("lock").sent.last().cloned().flatten(),
        Some("\"v1\"".to_string()),
        "the stored ETag went back"
    );
    assert!(report.changes.is_empty() && report.bookmarks.is_none());
    assert_eq!(report.fetched_at, sub.fetched_at, "still the first copy");
    assert_eq!(
        everything(&store),
        before,
        "programme, bookmarks, change log"
    );
    let after = store.subscription(None).expect("sub").expect("subscribed");
    assert!(
        after.checked_at > sub.checked_at,
        "checked_at moves on: {} then {}",
        sub.checked_at,
        after.checked_at
    );
    assert_eq!(after.last_error, None, "a 304 is not an error");
    assert_eq!(after.url, url);
}

#[test]
fn failed_refreshes_leave_everything_as_it_was() {
    let (store, feed, url, _slug) = subscribed();
    publish(&feed, v2().into_bytes(), "\"v2\"");
    store
        .refresh(None, &RefreshOptions::default())
        .expect("a good refresh first, so the change log is not empty");
    let before = everything(&store);
    assert_eq!(before.1.len(), 5, "five changes logged");

    let quick = RefreshOptions {
        fetch: plenary_core::subscribe::FetchOptions {
            timeout: Duration::from_millis(300),
            ..Default::default()
        },
        ..RefreshOptions::default()
    };
    let small = RefreshOptions {
        fetch: plenary_core::subscribe::FetchOptions {
            max_bytes: 1000,
            ..Default::default()
        },
        ..RefreshOptions::default()
    };
    // A new version is published, so only the failure stands between it and the store.
    publish(&feed, v1().into_bytes(), "\"v3\"");
    let cases: [(&str, Mode, &RefreshOptions, &str); 4] = [
        ("500", Mode::Status500, &RefreshOptions::default(), "fetch"),
        ("timeout", Mode::Stall, &quick, "fetch"),
        (
            "malformed",
            Mode::Truncated,
            &RefreshOptions::default(),
            "syntax",
        ),
        ("too large", Mode::Serve, &small, "too-large"),
    ];
    let mut last_checked = store
        .subscription(None)
        .expect("sub")
        .expect("subscribed")
        .checked_at;
    for (name, mode, options, kind) in cases {
        set_mode(&feed, mode);
        let err = store
            .refresh(None, options)
            .expect_err(&format!("{name}: must fail"));
        assert_eq!(err.kind(), kind, "{name}: {err}");
        assert!(
            err.to_string().starts_with(&format!("{url}:")),
            "{name}: the error names the URL: {err}"
        );
        assert!(
            everything(&store) == before,
            "{name}: programme, bookmarks or change log changed"
        );
        let sub = store.subscription(None).expect("sub").expect("subscribed");
        assert_eq!(
            sub.last_error.as_deref(),
            Some(err.to_string().as_str()),
            "{name}: the attempt's error is kept"
        );
        assert!(sub.checked_at > last_checked, "{name}: checked_at moves on");
        last_checked = sub.checked_at;
    }

    // A well-formed schedule with no sessions (a server mid-deploy) would wipe the programme.
    publish(&feed, without_events(&v1()).into_bytes(), "\"empty\"");
    let err = store
        .refresh(None, &RefreshOptions::default())
        .expect_err("an empty schedule is refused");
    assert_eq!(err.kind(), "bad-request", "{err}");
    assert!(
        err.to_string() == format!("{url}: the schedule has no sessions; kept the last good copy"),
        "{err}"
    );
    assert!(everything(&store) == before, "empty: the store changed");
    publish(&feed, v1().into_bytes(), "\"v3\"");

    // Back online: the new version comes in, and the error is cleared.
    set_mode(&feed, Mode::Serve);
    let report = store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    assert_eq!(report.status, RefreshStatus::Updated);
    let sub = store.subscription(None).expect("sub").expect("subscribed");
    assert_eq!(sub.last_error, None, "a good refresh clears the error");
    assert_eq!(sub.fetched_at, report.fetched_at, "a new last good copy");
}

#[test]
fn a_subscription_through_a_redirect_keeps_the_url_it_was_given() {
    let (base, feed) = start_feed(v1().into_bytes());
    let url = format!("{base}/old");
    let store = Store::open_in_memory().expect("store");
    let report = store
        .subscribe(None, &url, &RefreshOptions::default())
        .expect("subscribe through a redirect");
    assert_eq!(report.import.map(|i| i.sessions), Some(162), "36c3 whole");
    let sub = store.subscription(None).expect("sub").expect("subscribed");
    assert_eq!(sub.url, url, "redirects are followed on each refresh");
    let again = store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    assert_eq!(again.status, RefreshStatus::Unchanged, "304 at the target");
    assert_eq!(feed.lock().expect("lock").sent.len(), 2, "one GET each");
}

#[test]
fn a_failed_subscribe_records_nothing() {
    let store = common::sample_with_bookmarks();
    let before = store_state(&store);
    let (base, feed) = start_feed(v1().into_bytes());
    let url = format!("{base}/schedule.xml");
    set_mode(&feed, Mode::Status500);
    let err = store
        .subscribe(Some("sample-2025"), &url, &RefreshOptions::default())
        .expect_err("500");
    assert!(err.to_string().starts_with(&url), "names the URL: {err}");
    set_mode(&feed, Mode::Truncated);
    let err = store
        .subscribe(None, &url, &RefreshOptions::default())
        .expect_err("malformed");
    assert_eq!(err.kind(), "syntax", "{err}");
    assert!(err.to_string().starts_with(&url), "names the URL: {err}");
    for bad in ["ftp://127.0.0.1/s.xml", "schedule.xml", "http:///s.xml"] {
        let err = store
            .subscribe(None, bad, &RefreshOptions::default())
            .expect_err(bad);
        assert_eq!(err.kind(), "fetch", "{bad}: {err}");
        assert!(err.to_string().starts_with(bad), "names the URL: {err}");
    }
    set_mode(&feed, Mode::Serve);
    let err = store
        .subscribe(Some("no-such"), &url, &RefreshOptions::default())
        .expect_err("the named conference must exist");
    assert_eq!(err.kind(), "not-found", "{err}");
    assert_eq!(store_state(&store), before, "the store is unchanged");
    assert_eq!(
        store.subscriptions().expect("subscriptions"),
        Vec::new(),
        "no subscription recorded"
    );
    let err = store
        .refresh(Some("sample-2025"), &RefreshOptions::default())
        .expect_err("nothing to refresh");
    assert_eq!(
        err.to_string(),
        "no subscription for conference \"sample-2025\""
    );
}

#[test]
fn a_named_conference_takes_the_schedule_whatever_its_slug() {
    let store = Store::open_in_memory().expect("store");
    let mut options = ImportOptions::new("36c3.schedule.xml");
    options.conference = Some("congress".into());
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("36c3.schedule.xml");
    std::fs::write(&file, v1()).expect("write");
    store
        .import_file(&file, &options, &mut |_| {})
        .expect("import as congress");
    bookmark(&store, "congress", SCALE, "keynote");
    let (base, feed) = start_feed(v2().into_bytes());
    let report = store
        .subscribe(
            Some("congress"),
            &format!("{base}/schedule.xml"),
            &RefreshOptions::default(),
        )
        .expect("subscribe");
    assert_eq!(
        report.conference, "congress",
        "imported under the named slug"
    );
    let slugs: Vec<String> = store
        .conferences()
        .expect("conferences")
        .into_iter()
        .map(|c| c.slug)
        .collect();
    assert_eq!(slugs, ["congress"], "no conference under the fetched slug");
    assert_eq!(
        report.changes.len(),
        5,
        "subscribing over an existing programme records what changed: {:?}",
        rows(&report.changes)
    );
    assert_eq!(
        rows(&report.changes[..1]),
        vec![row(
            SCALE,
            ChangeField::Cancelled,
            Some("The Case for Scale in Cyber Security"),
            None,
            true
        )],
        "the bookmarked cancellation first"
    );

    // Two subscriptions, one failing: refresh_all reports each.
    let (other_base, other) = start_feed(v1().into_bytes());
    store
        .subscribe(
            None,
            &format!("{other_base}/schedule.xml"),
            &RefreshOptions::default(),
        )
        .expect("a second subscription");
    set_mode(&other, Mode::Status500);
    let outcomes = store
        .refresh_all(&RefreshOptions::default())
        .expect("refresh all");
    let summary: Vec<(String, Option<RefreshStatus>, Option<String>)> = outcomes
        .iter()
        .map(|o| {
            (
                o.conference.clone(),
                o.report.as_ref().map(|r| r.status),
                o.error_kind.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("36c3".to_string(), None, Some("fetch".to_string())),
            ("congress".to_string(), Some(RefreshStatus::Unchanged), None),
        ],
        "each subscription in slug order"
    );
    drop(feed);
}

#[test]
fn whats_changed_gathers_the_unseen_changes_and_their_sessions() {
    let (store, feed, url, slug) = subscribed();
    let before = store.whats_changed(None).expect("what changed");
    assert_eq!(before.conference, slug);
    assert_eq!(
        before.subscription.as_ref().map(|s| s.url.as_str()),
        Some(url.as_str())
    );
    assert!(
        before.changes.is_empty() && before.changed_keys.is_empty(),
        "nothing yet"
    );

    publish(&feed, v2().into_bytes(), "\"v2\"");
    let report = store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    let after = store.whats_changed(None).expect("what changed");
    assert_eq!(after.seen_at, None, "never looked");
    assert_eq!(
        rows(&after.changes),
        rows(&report.changes),
        "the refresh's changes"
    );
    let mut keys: Vec<String> = report
        .changes
        .iter()
        .map(|c| c.current_key.clone())
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(after.changed_keys, keys);
    assert!(
        after.changed_keys.iter().any(|k| k == MESSAGING),
        "the moved talk is marked"
    );

    let seen = report.checked_at + chrono::Duration::seconds(1);
    store.mark_changes_seen(None, seen).expect("seen");
    let later = store.whats_changed(None).expect("what changed");
    assert_eq!(later.seen_at, Some(seen));
    assert!(
        later.changes.is_empty() && later.changed_keys.is_empty(),
        "all seen"
    );
}

/// "What the World can learn from Hongkong", 20:50–22:20 on 27 December in Ada: where v2 moves
/// the messaging talk (21:00).
const HONGKONG: &str = "d2e0871c-129f-4058-a2c8-d17b236edac1";

#[test]
fn change_alerts_announce_moved_cancelled_and_now_overlapping_bookmarks_once() {
    let (store, feed, _url, slug) = subscribed();
    bookmark(&store, &slug, HONGKONG, "evening");
    assert_eq!(
        store.take_change_alerts().expect("alerts"),
        [],
        "subscribing alone announces nothing"
    );
    publish(&feed, v2().into_bytes(), "\"v2\"");
    store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    let alerts = store.take_change_alerts().expect("alerts");
    let summary: Vec<(&str, Vec<ChangeField>, &[String])> = alerts
        .iter()
        .map(|a| {
            (
                a.key.as_str(),
                a.changes.iter().map(|c| c.field).collect(),
                a.overlaps.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (SCALE, vec![ChangeField::Cancelled], &[][..]),
            (
                MESSAGING,
                vec![ChangeField::Start, ChangeField::Room],
                &["What the World can learn from Hongkong".to_string()][..]
            ),
        ],
        "the re-ided opening only changed its key: no alert; the bookmarked hongkong talk \
         did not change itself"
    );
    let messaging = &alerts[1];
    assert_eq!(
        messaging.summary(),
        "Now starts 21:00 on Fri 27 Dec, now in Borg; overlaps What the World can learn from Hongkong"
    );
    let notices = plenary_core::subscribe::alerts::notices(&alerts);
    assert_eq!(notices.len(), 2, "one notice each for a few alerts");
    assert_eq!(
        notices[1].title,
        "Changed: What's left for private messaging?"
    );
    assert_eq!(
        store.take_change_alerts().expect("alerts"),
        [],
        "each refresh is announced once"
    );
    // take_notices gathers the same alerts with the reminders.
    publish(&feed, v1().into_bytes(), "\"v3\"");
    store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh back");
    let now = chrono::Utc::now();
    let notices = store.take_notices(now).expect("notices");
    assert!(
        notices
            .iter()
            .all(|n| n.kind == plenary_core::reminders::NoticeKind::Change),
        "36C3 is long past: no reminders, only changes"
    );
    assert!(!notices.is_empty(), "moving back is a change too");
    assert_eq!(store.take_notices(now).expect("notices"), []);
}

#[test]
fn unsubscribing_keeps_the_programme_bookmarks_and_change_log() {
    let (store, feed, url, slug) = subscribed();
    publish(&feed, v2().into_bytes(), "\"v2\"");
    store
        .refresh(None, &RefreshOptions::default())
        .expect("refresh");
    let (state, changes, _) = everything(&store);
    assert_eq!(
        store.unsubscribe(Some(&slug)).expect("unsubscribe"),
        Some(url)
    );
    assert_eq!(store.subscription(Some(&slug)).expect("subscription"), None);
    assert!(store_state(&store) == state, "programme and bookmarks kept");
    assert_eq!(
        store.changes(None, None).expect("changes"),
        changes,
        "change log kept"
    );
    assert_eq!(
        store.unsubscribe(Some(&slug)).expect("again"),
        None,
        "nothing to drop"
    );
    let err = store
        .refresh(None, &RefreshOptions::default())
        .expect_err("no subscription left");
    assert_eq!(err.kind(), "not-found", "{err}");
}
