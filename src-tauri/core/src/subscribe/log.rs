//! The change log: what each refresh of a subscription changed, kept per conference, and when
//! the user last looked at it. Rows are written by a refresh, in the transaction of its import;
//! reading them joins what is in the store now (titles, bookmarks, later re-ids).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::diff::{Change, ChangeField};
use crate::error::Result;
use crate::model::ConferenceData;
use crate::store::resolve_conference;
use crate::Store;

/// One recorded change, as the "changes since" list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoredChange {
    /// When the refresh that found it ran: the moment its new copy was fetched.
    pub refreshed_at: DateTime<Utc>,
    /// The session's key in that refresh's new version (the old one for a session that is gone).
    pub session_key: String,
    /// The key the session has now: `session_key`, unless a later refresh re-ided it. Bookmarks
    /// and the programme use this one.
    pub current_key: String,
    /// The session's title now, or as last recorded for a session that is gone.
    pub title: String,
    /// What changed.
    pub field: ChangeField,
    /// The value before, as text.
    pub old: Option<String>,
    /// The value after, as text.
    pub new: Option<String>,
    /// Whether a bookmark (orphaned or not) points at `current_key` now.
    pub bookmarked: bool,
}

impl ChangeField {
    /// The stored and printed name, as serialised (kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeField::New => "new",
            ChangeField::Cancelled => "cancelled",
            ChangeField::Start => "start",
            ChangeField::Duration => "duration",
            ChangeField::Room => "room",
            ChangeField::Title => "title",
            ChangeField::Speakers => "speakers",
            ChangeField::Track => "track",
            ChangeField::Language => "language",
            ChangeField::Key => "key",
        }
    }

    /// The field stored as `name`. The table's CHECK admits no other names.
    pub fn from_name(name: &str) -> Option<ChangeField> {
        const ALL: [ChangeField; 10] = [
            ChangeField::New,
            ChangeField::Cancelled,
            ChangeField::Start,
            ChangeField::Duration,
            ChangeField::Room,
            ChangeField::Title,
            ChangeField::Speakers,
            ChangeField::Track,
            ChangeField::Language,
            ChangeField::Key,
        ];
        ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// A change a bookmark holder must act on: the session moved, or will not happen.
    pub fn is_move_or_cancel(self) -> bool {
        matches!(
            self,
            ChangeField::Start | ChangeField::Room | ChangeField::Duration | ChangeField::Cancelled
        )
    }
}

/// `t` as stored: RFC 3339, UTC, microseconds, one fixed width so the text sorts as the time.
pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// `t` cut to what [`stamp`] keeps, so a value handed back equals the one read later.
pub(crate) fn stamped(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

/// A stored instant; damaged text reads as the epoch rather than failing a listing.
pub(crate) fn parse_stamp(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// The title to record with each change: the session's in the new version, else in the old
/// one (a session that is gone). Taken before the import consumes the new version.
pub(crate) fn titles(
    changes: &[Change],
    old: &ConferenceData,
    new: &ConferenceData,
) -> HashMap<String, String> {
    let wanted: HashSet<&str> = changes.iter().map(|c| c.session_key.as_str()).collect();
    let mut titles = HashMap::new();
    for s in old.sessions.iter().chain(&new.sessions) {
        if wanted.contains(s.key.as_str()) {
            titles.insert(s.key.clone(), s.title.clone());
        }
    }
    titles
}

/// The instant to record a refresh under: when its copy was fetched, but always after the
/// conference's last recorded refresh, so "since" lists never miss one when the clock steps
/// back.
pub(crate) fn next_refresh_at(
    conn: &Connection,
    conference_id: i64,
    fetched_at: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    let last: Option<String> = conn
        .prepare_cached("SELECT max(refreshed_at) FROM change WHERE conference_id = ?1")?
        .query_row([conference_id], |r| r.get(0))?;
    let at = stamped(fetched_at);
    Ok(match last.as_deref().map(parse_stamp) {
        Some(last) if last >= at => last + chrono::Duration::microseconds(1),
        _ => at,
    })
}

/// Writes the changes one refresh found, all under `refreshed_at`, and returns them as the
/// report shows them (bookmarks as they are after the import, which must already be written).
pub(crate) fn record(
    tx: &Transaction<'_>,
    conference_id: i64,
    slug: &str,
    refreshed_at: DateTime<Utc>,
    changes: Vec<Change>,
    titles: &HashMap<String, String>,
) -> Result<Vec<StoredChange>> {
    let at = stamp(refreshed_at);
    let marked = bookmarked_keys(tx, slug)?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO change (conference_id, refreshed_at, session_key, session_title, field, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut out = Vec::with_capacity(changes.len());
    for c in changes {
        let title = titles.get(&c.session_key).cloned().unwrap_or_default();
        insert.execute(params![
            conference_id,
            at,
            c.session_key,
            title,
            c.field.as_str(),
            c.old,
            c.new
        ])?;
        out.push(StoredChange {
            refreshed_at,
            bookmarked: marked.contains(&c.session_key),
            current_key: c.session_key.clone(),
            session_key: c.session_key,
            title,
            field: c.field,
            old: c.old,
            new: c.new,
        });
    }
    order(&mut out);
    Ok(out)
}

/// The session keys conference `slug` has bookmarks on, orphaned ones included.
fn bookmarked_keys(conn: &Connection, slug: &str) -> Result<HashSet<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT target_key FROM bookmark WHERE conference_slug = ?1 AND target_kind = 'session'",
        )?
        .query_map([slug], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// A recorded row before it is joined with the store as it is now.
struct Row {
    refreshed_at: String,
    session_key: String,
    session_title: String,
    field: ChangeField,
    old: Option<String>,
    new: Option<String>,
}

/// Every change of the conference, in refresh order.
fn rows(conn: &Connection, conference_id: i64) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT refreshed_at, session_key, session_title, field, old, new FROM change
         WHERE conference_id = ?1 ORDER BY refreshed_at, id",
    )?;
    let rows = stmt.query_map([conference_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (refreshed_at, session_key, session_title, field, old, new) = row?;
        // The CHECK constraint keeps other names out; skip rather than fail if one got in.
        let Some(field) = ChangeField::from_name(&field) else {
            continue;
        };
        out.push(Row {
            refreshed_at,
            session_key,
            session_title,
            field,
            old,
            new,
        });
    }
    Ok(out)
}

/// The conference's changes after `since` (all without it), joined with the store as it is
/// now, and ordered: changes that moved or cancelled a bookmarked session first, then the rest,
/// each group in refresh order.
pub(crate) fn changes_in(
    conn: &Connection,
    conference_id: i64,
    slug: &str,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<StoredChange>> {
    let all = rows(conn, conference_id)?;
    // Re-ids, in order, so that a change recorded under an older key follows its session.
    let renames: Vec<(&str, &str, &str)> = all
        .iter()
        .filter(|r| r.field == ChangeField::Key)
        .filter_map(|r| {
            Some((
                r.refreshed_at.as_str(),
                r.old.as_deref()?,
                r.new.as_deref()?,
            ))
        })
        .collect();
    let marked = bookmarked_keys(conn, slug)?;
    let mut title_now =
        conn.prepare_cached("SELECT title FROM session WHERE conference_id = ?1 AND key = ?2")?;
    let since = since.map(stamp);
    let mut out = Vec::new();
    for row in &all {
        if since
            .as_deref()
            .is_some_and(|s| row.refreshed_at.as_str() <= s)
        {
            continue;
        }
        let mut current = row.session_key.as_str();
        for &(at, from, to) in &renames {
            if at > row.refreshed_at.as_str() && from == current {
                current = to;
            }
        }
        let title: Option<String> = title_now
            .query_row(params![conference_id, current], |r| r.get(0))
            .optional()?;
        out.push(StoredChange {
            refreshed_at: parse_stamp(&row.refreshed_at),
            session_key: row.session_key.clone(),
            current_key: current.to_string(),
            title: title.unwrap_or_else(|| row.session_title.clone()),
            field: row.field,
            old: row.old.clone(),
            new: row.new.clone(),
            bookmarked: marked.contains(current),
        });
    }
    order(&mut out);
    Ok(out)
}

/// Changes that moved or cancelled a bookmarked session first; the sort is stable, so each
/// group keeps its refresh order.
pub(crate) fn order(changes: &mut [StoredChange]) {
    changes.sort_by_key(|c| !(c.bookmarked && c.field.is_move_or_cancel()));
}

impl Store {
    /// The changes recorded by refreshes of `conference` (or the current one) after `since`
    /// (every one without it): changes that moved (start, room, duration) or cancelled a
    /// bookmarked session first, then the rest, each in refresh order.
    pub fn changes(
        &self,
        conference: Option<&str>,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<StoredChange>> {
        self.read(|conn| {
            let c = resolve_conference(conn, conference)?;
            changes_in(conn, c.id, &c.slug, since)
        })
    }

    /// The changes since the user last looked ([`Store::mark_changes_seen`]); every change if
    /// they never have.
    pub fn changes_since_seen(&self, conference: Option<&str>) -> Result<Vec<StoredChange>> {
        self.read(|conn| {
            let c = resolve_conference(conn, conference)?;
            let since = seen_at(conn, c.id)?;
            changes_in(conn, c.id, &c.slug, since)
        })
    }

    /// When the user last looked at the changes of `conference` (or the current one), if ever.
    pub fn changes_seen_at(&self, conference: Option<&str>) -> Result<Option<DateTime<Utc>>> {
        self.read(|conn| {
            let c = resolve_conference(conn, conference)?;
            seen_at(conn, c.id)
        })
    }

    /// Records that the user has seen the changes of `conference` (or the current one) up to
    /// `at`: later "since seen" lists start after it. Usually `at` is now; setting an earlier
    /// time shows those changes again.
    pub fn mark_changes_seen(&self, conference: Option<&str>, at: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let c = resolve_conference(tx, conference)?;
            tx.execute(
                "INSERT INTO change_seen (conference_id, changes_seen_at) VALUES (?1, ?2)
                 ON CONFLICT (conference_id) DO UPDATE SET changes_seen_at = excluded.changes_seen_at",
                params![c.id, stamp(at)],
            )?;
            Ok(())
        })
    }

    /// The current keys of the sessions with a change after `since` (every change without it),
    /// sorted: what a session list needs to mark changed rows cheaply. For "since the user last
    /// looked", pass [`Store::changes_seen_at`].
    pub fn changed_session_keys(
        &self,
        conference: Option<&str>,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<String>> {
        Ok(current_keys(&self.changes(conference, since)?))
    }
}

fn seen_at(conn: &Connection, conference_id: i64) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT changes_seen_at FROM change_seen WHERE conference_id = ?1")?
        .query_row([conference_id], |r| r.get(0))
        .optional()?;
    Ok(text.as_deref().map(parse_stamp))
}

/// The current keys of the sessions `changes` touch, sorted and without repeats.
pub(super) fn current_keys(changes: &[StoredChange]) -> Vec<String> {
    let mut keys: Vec<String> = changes.iter().map(|c| c.current_key.clone()).collect();
    keys.sort();
    keys.dedup();
    keys
}
