//! What changed between two versions of a programme, field by field, for the "changes since
//! your last refresh" list. Pure: two [`ConferenceData`] in, a list of [`Change`] out.
//!
//! Sessions are paired by key first (keys come from the guid, else the source id, else title
//! and start), then by guid, then by source id, and the rest by the same re-id fallback that
//! re-attaches bookmarks ([`crate::store`]'s reconcile: a vanished and a new session that are
//! each other's unique best match on title, speakers and start). A pair whose key changed
//! reports a [`ChangeField::Key`] change, so a bookmark list can follow it.
//!
//! Cancelled means either of two things, both reported as [`ChangeField::Cancelled`]:
//! - the session is gone from the new version (`new` is `None`);
//! - it is still listed but marked: its kind is `cancelled`/`canceled`, or its title says so
//!   (`cancelled`, `canceled`, `abgesagt`, `entfällt`), as frab and pretalx exports do when an
//!   organiser keeps the slot visible. The title change that carries the mark is not reported
//!   again as a [`ChangeField::Title`] change.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use crate::model::{ConferenceData, Session};
use crate::store::{normalise, renames, Snapshot};

/// Which part of a session changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeField {
    /// A session that was not in the old version; `new` is its title.
    New,
    /// Removed (`new` is `None`, `old` the title) or marked cancelled (`old` and `new` the titles).
    Cancelled,
    /// The start instant, RFC 3339 in UTC.
    Start,
    /// Length in whole minutes.
    Duration,
    /// The room name as the schedule gives it.
    Room,
    /// The title, verbatim.
    Title,
    /// Speaker names in billing order, joined by ", ".
    Speakers,
    /// The track name.
    Track,
    /// The language code as the schedule gives it (`en`, `de`, ...).
    Language,
    /// The same session under a new key (re-ided by the source); `old` and `new` are the keys.
    Key,
}

/// One change to one session. `session_key` is the key in the new version, or in the old one
/// for a session that is gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Change {
    /// The session's key: the new version's, or the old one's for a session that is gone.
    pub session_key: String,
    /// What changed.
    pub field: ChangeField,
    /// The value before, as text (`None` when there was none).
    pub old: Option<String>,
    /// The value after, as text (`None` when there is none).
    pub new: Option<String>,
}

/// Lists the changes from `old` to `new`: for each session of the new version in programme
/// order (start, then key), its changes in the order of [`ChangeField`]; then the sessions that
/// are gone, in the old version's order.
pub fn diff(old: &ConferenceData, new: &ConferenceData) -> Vec<Change> {
    let pairs = pair(old, new);
    let old_names = names(old);
    let new_names = names(new);
    let mut order: Vec<&Session> = new.sessions.iter().collect();
    order.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
    let mut changes = Vec::new();
    let mut matched_old = HashSet::new();
    for session in order {
        let Some(before) = pairs.get(session.key.as_str()) else {
            changes.push(change(
                session,
                ChangeField::New,
                None,
                Some(session.title.clone()),
            ));
            continue;
        };
        matched_old.insert(before.key.as_str());
        compare(before, session, &old_names, &new_names, &mut changes);
    }
    let mut gone: Vec<&Session> = old
        .sessions
        .iter()
        .filter(|s| !matched_old.contains(s.key.as_str()))
        .collect();
    gone.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
    for session in gone {
        changes.push(change(
            session,
            ChangeField::Cancelled,
            Some(session.title.clone()),
            None,
        ));
    }
    changes
}

fn change(s: &Session, field: ChangeField, old: Option<String>, new: Option<String>) -> Change {
    Change {
        session_key: s.key.clone(),
        field,
        old,
        new,
    }
}

fn compare(
    a: &Session,
    b: &Session,
    old_names: &HashMap<&str, &str>,
    new_names: &HashMap<&str, &str>,
    out: &mut Vec<Change>,
) {
    let newly_cancelled = is_cancelled(b) && !is_cancelled(a);
    if newly_cancelled {
        // Reported even when the title is unchanged (a kind of `cancelled`); the two titles
        // tell the reader what it was.
        out.push(change(
            b,
            ChangeField::Cancelled,
            Some(a.title.clone()),
            Some(b.title.clone()),
        ));
    }
    let mut push = |field, old: Option<String>, new: Option<String>| {
        if old != new {
            out.push(change(b, field, old, new));
        }
    };
    push(
        ChangeField::Start,
        Some(a.start.to_rfc3339()),
        Some(b.start.to_rfc3339()),
    );
    push(
        ChangeField::Duration,
        Some(a.duration_minutes().to_string()),
        Some(b.duration_minutes().to_string()),
    );
    push(ChangeField::Room, a.room.clone(), b.room.clone());
    if !newly_cancelled {
        push(
            ChangeField::Title,
            Some(a.title.clone()),
            Some(b.title.clone()),
        );
    }
    push(
        ChangeField::Speakers,
        speakers(a, old_names),
        speakers(b, new_names),
    );
    push(ChangeField::Track, a.track.clone(), b.track.clone());
    push(
        ChangeField::Language,
        a.language.clone(),
        b.language.clone(),
    );
    push(ChangeField::Key, Some(a.key.clone()), Some(b.key.clone()));
}

/// Whether a listed session is marked as cancelled by its kind or its title.
pub fn is_cancelled(s: &Session) -> bool {
    is_marked_cancelled(s.kind.as_deref(), &s.title)
}

/// [`is_cancelled`] on a session's stored kind and title.
pub(crate) fn is_marked_cancelled(kind: Option<&str>, title: &str) -> bool {
    let kind = kind.unwrap_or("");
    if kind.eq_ignore_ascii_case("cancelled") || kind.eq_ignore_ascii_case("canceled") {
        return true;
    }
    let title = title.to_lowercase();
    ["cancelled", "canceled", "abgesagt", "entfällt"]
        .iter()
        .any(|mark| title.contains(mark))
}

fn names(data: &ConferenceData) -> HashMap<&str, &str> {
    data.persons
        .iter()
        .map(|p| (p.key.as_str(), p.name.as_str()))
        .collect()
}

fn speakers(s: &Session, names: &HashMap<&str, &str>) -> Option<String> {
    if s.speakers.is_empty() {
        return None;
    }
    let list: Vec<&str> = s
        .speakers
        .iter()
        .map(|k| names.get(k.as_str()).copied().unwrap_or(k.as_str()))
        .collect();
    Some(list.join(", "))
}

/// Pairs each new session (by key) with its old self, if it has one.
fn pair<'a>(old: &'a ConferenceData, new: &ConferenceData) -> HashMap<String, &'a Session> {
    let mut pairs: HashMap<String, &'a Session> = HashMap::new();
    let mut used: HashSet<&str> = HashSet::new();
    let by_key: HashMap<&str, &Session> =
        old.sessions.iter().map(|s| (s.key.as_str(), s)).collect();
    let id_of: [fn(&Session) -> Option<&str>; 2] =
        [|s| s.guid.as_deref(), |s| s.source_id.as_deref()];
    for s in &new.sessions {
        if let Some(o) = by_key.get(s.key.as_str()) {
            pairs.insert(s.key.clone(), o);
            used.insert(o.key.as_str());
        }
    }
    for id in id_of {
        let index: HashMap<&str, &Session> = old
            .sessions
            .iter()
            .filter(|o| !used.contains(o.key.as_str()))
            .filter_map(|o| Some((id(o)?, o)))
            .collect();
        for s in &new.sessions {
            if pairs.contains_key(&s.key) {
                continue;
            }
            if let Some(o) = id(s).and_then(|v| index.get(v)) {
                if used.insert(o.key.as_str()) {
                    pairs.insert(s.key.clone(), o);
                }
            }
        }
    }
    let before = snapshots(old, |s| !used.contains(s.key.as_str()));
    let current = snapshots(new, |s| !pairs.contains_key(&s.key));
    for (old_key, new_key) in renames(&before, &current) {
        if let Some(o) = by_key.get(old_key.as_str()) {
            pairs.insert(new_key, o);
        }
    }
    pairs
}

/// Reconcile's view of each session that `keep` selects: normalised title, sorted lower-case
/// speaker names and start, as the store computes them for bookmarks.
fn snapshots(data: &ConferenceData, keep: impl Fn(&Session) -> bool) -> HashMap<String, Snapshot> {
    let names = names(data);
    data.sessions
        .iter()
        .filter(|s| keep(s))
        .map(|s| {
            let mut people: Vec<String> = s
                .speakers
                .iter()
                .map(|k| {
                    names
                        .get(k.as_str())
                        .copied()
                        .unwrap_or(k.as_str())
                        .to_lowercase()
                })
                .collect();
            people.sort();
            let snapshot = Snapshot {
                display: s.title.clone(),
                title: normalise(&s.title),
                people: people.join("\u{1f}"),
                start: Some(s.start.timestamp()),
            };
            (s.key.clone(), snapshot)
        })
        .collect()
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
