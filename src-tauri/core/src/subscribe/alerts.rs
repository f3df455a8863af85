//! Change alerts: after a refresh, the bookmarked sessions it moved or cancelled, and those it
//! made overlap another bookmarked session, each announced once by a desktop notification.
//! Which refreshes have been announced is kept per conference in `change_alerted`.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::log::{changes_in, parse_stamp, stamp};
use super::{ChangeField, StoredChange};
use crate::error::Result;
use crate::model::Zone;
use crate::reminders::{Notice, NoticeKind};
use crate::text::capitalise;
use crate::Store;

/// Past this many alerts at once, one notice sums them up instead of one each.
const MAX_SEPARATE_NOTICES: usize = 3;

/// What a refresh did to one bookmarked session that the user must act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangeAlert {
    pub conference: String,
    /// The session's key now.
    pub key: String,
    pub title: String,
    /// The changes that moved it (start, duration, room) or cancelled it, in refresh order.
    pub changes: Vec<StoredChange>,
    /// The titles of the other bookmarked sessions it overlaps now.
    pub overlaps: Vec<String>,
    /// The session's zone (the conference's for one that is gone), for showing times.
    pub time_zone: String,
}

impl ChangeAlert {
    fn cancelled(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.field == ChangeField::Cancelled)
    }

    /// One line on what happened, for a notice.
    pub fn summary(&self) -> String {
        if self.cancelled() {
            return "Cancelled or removed from the programme".to_string();
        }
        let mut parts: Vec<String> = Vec::new();
        for field in [ChangeField::Start, ChangeField::Duration, ChangeField::Room] {
            // The last change of each field says where the session is now.
            if let Some(c) = self.changes.iter().rev().find(|c| c.field == field) {
                let new = c.new.as_deref().unwrap_or("none");
                parts.push(match field {
                    ChangeField::Start => format!("now starts {}", self.local_time(new)),
                    // The change log keeps a duration in minutes.
                    ChangeField::Duration => match new {
                        "1" => "now lasts 1 minute".to_string(),
                        minutes => format!("now lasts {minutes} minutes"),
                    },
                    _ => format!("now in {new}"),
                });
            }
        }
        let mut line = capitalise(&parts.join(", "));
        if !self.overlaps.is_empty() {
            line.push_str(&format!("; overlaps {}", self.overlaps.join(", ")));
        }
        line
    }
}

impl ChangeAlert {
    /// A recorded start (RFC 3339) as `21:00 on Fri 27 Dec` in the session's zone; other text
    /// as it is.
    fn local_time(&self, text: &str) -> String {
        let zone = Zone::parse(&self.time_zone).unwrap_or_default();
        match chrono::DateTime::parse_from_rfc3339(text) {
            Ok(t) => zone
                .localize(t.with_timezone(&chrono::Utc))
                .format("%H:%M on %a %-d %b")
                .to_string(),
            Err(_) => text.to_string(),
        }
    }
}

/// The notices for `alerts`: one each, or one for all when there are many.
pub fn notices(alerts: &[ChangeAlert]) -> Vec<Notice> {
    if alerts.len() <= MAX_SEPARATE_NOTICES {
        return alerts
            .iter()
            .map(|a| Notice {
                kind: NoticeKind::Change,
                conference: a.conference.clone(),
                key: a.key.clone(),
                title: format!("Changed: {}", a.title),
                body: a.summary(),
            })
            .collect();
    }
    let first = &alerts[0];
    let titles: Vec<&str> = alerts
        .iter()
        .take(MAX_SEPARATE_NOTICES)
        .map(|a| a.title.as_str())
        .collect();
    vec![Notice {
        kind: NoticeKind::Change,
        conference: first.conference.clone(),
        key: first.key.clone(),
        title: format!("{} of your sessions changed", alerts.len()),
        body: format!(
            "{} and {} more. See What changed.",
            titles.join(", "),
            alerts.len() - titles.len()
        ),
    }]
}

/// The alerts of one conference from `changes` (already limited to unannounced refreshes).
fn alerts_from(
    conn: &Connection,
    conference_id: i64,
    slug: &str,
    changes: Vec<StoredChange>,
) -> Result<Vec<ChangeAlert>> {
    let mut by_key: BTreeMap<String, Vec<StoredChange>> = BTreeMap::new();
    for c in changes {
        if c.bookmarked && c.field.is_move_or_cancel() {
            by_key.entry(c.current_key.clone()).or_default().push(c);
        }
    }
    let mut overlapping = conn.prepare_cached(
        "SELECT o.title FROM session s
         JOIN session o ON o.conference_id = s.conference_id AND o.key != s.key
              AND o.starts_at < s.ends_at AND s.starts_at < o.ends_at
         JOIN bookmark b ON b.conference_slug = ?2 AND b.target_kind = 'session'
              AND b.target_key = o.key AND b.orphaned_at IS NULL
         WHERE s.conference_id = ?1 AND s.key = ?3
         ORDER BY o.starts_at, o.key",
    )?;
    let mut zone_of = conn.prepare_cached(
        "SELECT coalesce((SELECT time_zone FROM session WHERE conference_id = ?1 AND key = ?2),
                         (SELECT time_zone FROM conference WHERE id = ?1))",
    )?;
    let mut out = Vec::new();
    for (key, changes) in by_key {
        let title = changes.last().map(|c| c.title.clone()).unwrap_or_default();
        let time_zone: String = zone_of.query_row(params![conference_id, key], |r| r.get(0))?;
        let mut alert = ChangeAlert {
            conference: slug.to_string(),
            key,
            title,
            changes,
            overlaps: Vec::new(),
            time_zone,
        };
        if !alert.cancelled() {
            alert.overlaps = overlapping
                .query_map(params![conference_id, slug, alert.key], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
        }
        out.push(alert);
    }
    Ok(out)
}

/// A conference with refreshes not yet announced: id, slug, announced through, latest refresh.
type Unannounced = (i64, String, Option<String>, String);

fn unannounced(conn: &Connection) -> Result<Vec<Unannounced>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, c.slug, a.alerted_through, max(ch.refreshed_at)
             FROM conference c
             JOIN change ch ON ch.conference_id = c.id
             LEFT JOIN change_alerted a ON a.conference_id = c.id
             GROUP BY c.id
             HAVING a.alerted_through IS NULL OR max(ch.refreshed_at) > a.alerted_through
             ORDER BY c.slug",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?)
}

fn take_in(tx: &Transaction<'_>) -> Result<Vec<ChangeAlert>> {
    let pending = unannounced(tx)?;
    let mut out = Vec::new();
    for (id, slug, through, latest) in pending {
        let since = through.as_deref().map(parse_stamp);
        let changes = changes_in(tx, id, &slug, since)?;
        out.extend(alerts_from(tx, id, &slug, changes)?);
        tx.execute(
            "INSERT INTO change_alerted (conference_id, alerted_through) VALUES (?1, ?2)
             ON CONFLICT (conference_id) DO UPDATE SET alerted_through = excluded.alerted_through",
            params![id, stamp(parse_stamp(&latest))],
        )?;
    }
    Ok(out)
}

impl Store {
    /// The bookmarked sessions that refreshes moved, cancelled or made overlap since the last
    /// call, of every conference; each refresh's alerts are returned once.
    pub fn take_change_alerts(&self) -> Result<Vec<ChangeAlert>> {
        // Polled every few seconds by the app: take the writer only when there is news.
        if self.read(unannounced)?.is_empty() {
            return Ok(Vec::new());
        }
        self.write(take_in)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(changes: &[(ChangeField, &str)]) -> ChangeAlert {
        ChangeAlert {
            conference: "c".into(),
            key: "k".into(),
            title: "Talk".into(),
            changes: changes
                .iter()
                .map(|&(field, new)| StoredChange {
                    refreshed_at: chrono::DateTime::UNIX_EPOCH,
                    session_key: "k".into(),
                    current_key: "k".into(),
                    title: "Talk".into(),
                    field,
                    old: None,
                    new: Some(new.into()),
                    bookmarked: true,
                })
                .collect(),
            overlaps: Vec::new(),
            time_zone: "UTC".into(),
        }
    }

    #[test]
    fn a_new_length_is_said_in_minutes() {
        assert_eq!(
            alert(&[(ChangeField::Duration, "45"), (ChangeField::Room, "Hall 2")]).summary(),
            "Now lasts 45 minutes, now in Hall 2"
        );
        assert_eq!(
            alert(&[(ChangeField::Duration, "1")]).summary(),
            "Now lasts 1 minute"
        );
    }
}
