//! The change list on edited copies of a real schedule (36C3, frab XML).

use chrono::Duration;

use super::{diff, Change, ChangeField};
use crate::import::{parse, ImportOptions};
use crate::model::ConferenceData;

fn real() -> ConferenceData {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/schedules/36c3.schedule.xml"
    );
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let parsed = parse(&bytes, &ImportOptions::new("36c3.schedule.xml"))
        .unwrap_or_else(|e| panic!("36c3 parses: {e}"));
    parsed.data
}

fn fields(changes: &[Change], key: &str) -> Vec<ChangeField> {
    changes
        .iter()
        .filter(|c| c.session_key == key)
        .map(|c| c.field)
        .collect()
}

#[test]
fn an_unchanged_schedule_has_no_changes() {
    let old = real();
    let changes = diff(&old, &old.clone());
    assert!(changes.is_empty(), "no changes expected, got {changes:?}");
}

#[test]
fn moved_re_roomed_renamed_and_retracked_are_reported_field_by_field() {
    let old = real();
    let mut new = old.clone();
    let other_room = new
        .rooms
        .iter()
        .map(|r| r.name.clone())
        .find(|r| Some(r) != new.sessions[0].room.as_ref());
    let s = &mut new.sessions[0];
    let key = s.key.clone();
    let old_start = s.start;
    s.start += Duration::minutes(30);
    s.end += Duration::minutes(45);
    s.room = other_room.clone();
    s.title = format!("{} (updated)", s.title);
    s.track = Some("Hardware & Making".into());
    s.language = Some("xx".into());
    let changes = diff(&old, &new);
    assert_eq!(
        fields(&changes, &key),
        vec![
            ChangeField::Start,
            ChangeField::Duration,
            ChangeField::Room,
            ChangeField::Title,
            ChangeField::Track,
            ChangeField::Language
        ],
        "each edited field once, in order: {changes:?}"
    );
    assert_eq!(changes.len(), 6, "nothing else changed: {changes:?}");
    let start = &changes[0];
    assert_eq!(
        start.old,
        Some(old_start.to_rfc3339()),
        "old start: {start:?}"
    );
    let duration = &changes[1];
    let minutes = old.sessions[0].duration_minutes();
    assert_eq!(
        (duration.old.clone(), duration.new.clone()),
        (Some(minutes.to_string()), Some((minutes + 15).to_string())),
        "duration in minutes: {duration:?}"
    );
    assert_eq!(changes[2].new, other_room, "the new room: {:?}", changes[2]);
}

#[test]
fn a_speaker_change_names_the_people() {
    let old = real();
    let mut new = old.clone();
    let index = new
        .sessions
        .iter()
        .position(|s| !s.speakers.is_empty())
        .expect("a session with speakers");
    let extra = new.persons[0].clone();
    new.sessions[index].speakers.push(extra.key.clone());
    let key = new.sessions[index].key.clone();
    let changes = diff(&old, &new);
    assert_eq!(changes.len(), 1, "one change: {changes:?}");
    let change = &changes[0];
    assert_eq!(change.field, ChangeField::Speakers, "{change:?}");
    assert_eq!(change.session_key, key, "{change:?}");
    let now = change.new.clone().unwrap_or_default();
    assert!(
        now.ends_with(&format!(", {}", extra.name)),
        "names, not keys: {now}"
    );
}

#[test]
fn a_reided_session_is_followed_and_reports_its_new_key() {
    let old = real();
    let mut new = old.clone();
    let s = &mut new.sessions[3];
    let old_key = s.key.clone();
    s.key = "reided-key".into();
    s.guid = Some("00000000-0000-0000-0000-000000000000".into());
    s.source_id = Some("999999".into());
    let changes = diff(&old, &new);
    assert_eq!(
        changes,
        vec![Change {
            session_key: "reided-key".into(),
            field: ChangeField::Key,
            old: Some(old_key),
            new: Some("reided-key".into()),
        }],
        "the same session under a new id, not a cancellation plus a new one"
    );
}

#[test]
fn a_reided_session_is_matched_by_guid_when_only_the_key_changed() {
    let old = real();
    let mut new = old.clone();
    let old_key = new.sessions[5].key.clone();
    new.sessions[5].key = "new-key".into();
    new.sessions[5].title = "Something else entirely".into();
    let changes = diff(&old, &new);
    let found = fields(&changes, "new-key");
    assert_eq!(
        found,
        vec![ChangeField::Title, ChangeField::Key],
        "{changes:?}"
    );
    assert_eq!(changes[1].old, Some(old_key), "old key: {changes:?}");
}

#[test]
fn removed_and_marked_sessions_are_cancelled_and_new_ones_are_new() {
    let old = real();
    let mut new = old.clone();
    let removed = new.sessions.remove(1);
    new.sessions[0].title = format!("CANCELLED: {}", new.sessions[0].title);
    let marked = new.sessions[0].key.clone();
    let mut added = new.sessions[2].clone();
    added.key = "brand-new".into();
    added.guid = Some("11111111-1111-1111-1111-111111111111".into());
    added.source_id = Some("424242".into());
    added.title = "A late addition".into();
    added.start += Duration::days(1);
    added.end += Duration::days(1);
    new.sessions.push(added);
    let changes = diff(&old, &new);
    assert_eq!(
        fields(&changes, &marked),
        vec![ChangeField::Cancelled],
        "marked, title change not repeated: {changes:?}"
    );
    assert_eq!(
        fields(&changes, "brand-new"),
        vec![ChangeField::New],
        "{changes:?}"
    );
    let gone = changes.last().expect("a change");
    assert_eq!(
        (
            gone.session_key.as_str(),
            gone.field,
            gone.old.as_deref(),
            gone.new.as_deref()
        ),
        (
            removed.key.as_str(),
            ChangeField::Cancelled,
            Some(removed.title.as_str()),
            None
        ),
        "the removed session comes last, under its old key"
    );
    assert_eq!(changes.len(), 3, "nothing else: {changes:?}");
}

#[test]
fn a_reided_and_moved_session_is_still_one_session() {
    // Title and speakers agree, the start does not: two of three, as reconcile requires.
    let old = real();
    let mut new = old.clone();
    let s = &mut new.sessions[7];
    s.key = "moved-and-reided".into();
    s.guid = None;
    s.source_id = None;
    s.start += Duration::hours(2);
    s.end += Duration::hours(2);
    let changes = diff(&old, &new);
    assert_eq!(
        fields(&changes, "moved-and-reided"),
        vec![ChangeField::Start, ChangeField::Key],
        "paired by title and speakers: {changes:?}"
    );
    assert_eq!(
        changes.len(),
        2,
        "no cancellation, no new session: {changes:?}"
    );
}

#[test]
fn a_cancelled_kind_with_the_same_title_is_reported() {
    let old = real();
    let mut new = old.clone();
    new.sessions[2].kind = Some("cancelled".into());
    let key = new.sessions[2].key.clone();
    let changes = diff(&old, &new);
    assert_eq!(
        fields(&changes, &key),
        vec![ChangeField::Cancelled],
        "{changes:?}"
    );
    assert_eq!(
        changes[0].old, changes[0].new,
        "the title did not change: {changes:?}"
    );
}
