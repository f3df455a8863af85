//! Reminders before bookmarked sessions, and the notices the desktop app shows.
//!
//! A session bookmark reminds the user a number of minutes before the session starts: its own
//! number ([`Reminder::Before`]), none ([`Reminder::Off`]), or the default for its priority
//! ([`ReminderDefaults`], kept in the `reminder_defaults` setting). Everything is computed on
//! UTC instants, the way the store keeps session times, so a reminder fires at the same instant
//! whatever the conference's time zone, the computer's time zone, or a DST change between the
//! two. Only the text shown to the user is in the session's own zone.
//!
//! Each bookmark remembers the start its reminder was shown for (`reminded_start`). A session
//! that moves has a new start, so its reminder is due again before the new one.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::Zone;
use crate::store::{Priority, Store};
use crate::subscribe::diff::is_marked_cancelled;
use crate::text::capitalise;

/// The longest a reminder may come before its session: a week, in minutes.
pub const MAX_REMINDER_MINUTES: u32 = 7 * 24 * 60;

/// The setting that holds [`ReminderDefaults`] as JSON.
const DEFAULTS_SETTING: &str = "reminder_defaults";

/// When one bookmark reminds the user of its session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Reminder {
    /// The default for the bookmark's priority.
    #[default]
    Default,
    /// No reminder for this session.
    Off,
    /// This many minutes before the start; 0 is at the start.
    Before { minutes: u32 },
}

impl Reminder {
    /// The stored column: NULL for the default, -1 for off, else the minutes.
    pub(crate) fn to_column(self) -> Option<i64> {
        match self {
            Reminder::Default => None,
            Reminder::Off => Some(-1),
            Reminder::Before { minutes } => Some(i64::from(minutes)),
        }
    }

    /// Reads the stored column; a value the CHECK constraint would refuse reads as the default.
    pub(crate) fn from_column(value: Option<i64>) -> Reminder {
        match value {
            None => Reminder::Default,
            Some(-1) => Reminder::Off,
            Some(m) => u32::try_from(m)
                .ok()
                .filter(|m| *m <= MAX_REMINDER_MINUTES)
                .map_or(Reminder::Default, |minutes| Reminder::Before { minutes }),
        }
    }

    /// Parses what a user types: `default`, `off`, or minutes (`10`, `10m`, `1h`).
    pub fn parse(text: &str) -> Result<Reminder> {
        let text = text.trim().to_ascii_lowercase();
        let reminder = match text.as_str() {
            "default" => Reminder::Default,
            "off" | "none" => Reminder::Off,
            _ => Reminder::Before {
                minutes: parse_minutes(&text)?,
            },
        };
        reminder.check()?;
        Ok(reminder)
    }

    /// Refuses minutes past [`MAX_REMINDER_MINUTES`].
    pub(crate) fn check(self) -> Result<()> {
        match self {
            Reminder::Before { minutes } if minutes > MAX_REMINDER_MINUTES => {
                Err(Error::BadRequest(format!(
                    "a reminder {minutes} minutes before is too early: at most \
                     {MAX_REMINDER_MINUTES} (a week)"
                )))
            }
            _ => Ok(()),
        }
    }
}

/// Minutes from `10`, `10m`, `10min` or `2h`.
fn parse_minutes(text: &str) -> Result<u32> {
    let bad = || {
        Error::BadRequest(format!(
            "reminder `{text}`: give minutes (10, 10m, 1h), `off` or `default`"
        ))
    };
    let (number, factor) = if let Some(n) = text.strip_suffix('h') {
        (n, 60)
    } else if let Some(n) = text.strip_suffix("min").or_else(|| text.strip_suffix('m')) {
        (n, 1)
    } else {
        (text, 1)
    };
    let n: u32 = number.trim().parse().map_err(|_| bad())?;
    n.checked_mul(factor).ok_or_else(bad)
}

/// The reminder each priority gets when its bookmark does not choose one: minutes before the
/// start, or `None` for no reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderDefaults {
    pub must: Option<u32>,
    pub want: Option<u32>,
    pub maybe: Option<u32>,
}

impl Default for ReminderDefaults {
    /// 15 minutes before a must, 10 before a want, nothing for a maybe.
    fn default() -> ReminderDefaults {
        ReminderDefaults {
            must: Some(15),
            want: Some(10),
            maybe: None,
        }
    }
}

impl ReminderDefaults {
    /// The default minutes for `priority`.
    pub fn for_priority(&self, priority: Priority) -> Option<u32> {
        match priority {
            Priority::Must => self.must,
            Priority::Want => self.want,
            Priority::Maybe => self.maybe,
        }
    }

    /// The minutes before a session that `reminder` on a bookmark of `priority` comes, if any.
    pub fn resolve(&self, reminder: Reminder, priority: Priority) -> Option<u32> {
        match reminder {
            Reminder::Default => self.for_priority(priority),
            Reminder::Off => None,
            Reminder::Before { minutes } => Some(minutes),
        }
    }

    fn check(&self) -> Result<()> {
        for minutes in [self.must, self.want, self.maybe].into_iter().flatten() {
            Reminder::Before { minutes }.check()?;
        }
        Ok(())
    }
}

/// A reminder not yet shown, for a session that has not started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PendingReminder {
    pub conference: String,
    /// The session's key.
    pub key: String,
    pub title: String,
    pub room: Option<String>,
    pub priority: Priority,
    /// The session's start, in UTC.
    pub starts_at: DateTime<Utc>,
    /// The session's IANA zone (or offset), for showing the start as the programme does.
    pub time_zone: String,
    /// How many minutes before the start.
    pub minutes: u32,
    /// When the reminder is due: `starts_at` less `minutes`.
    pub remind_at: DateTime<Utc>,
    /// True when a reminder was already shown for an earlier start: the session moved.
    pub moved: bool,
}

/// Something to tell the user with a desktop notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Notice {
    pub kind: NoticeKind,
    pub conference: String,
    /// The session the notice is about, to open it from the app.
    pub key: String,
    pub title: String,
    pub body: String,
}

/// Why a [`Notice`] is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NoticeKind {
    /// A bookmarked session starts soon.
    Reminder,
    /// A refresh moved or cancelled a bookmarked session, or made it overlap another.
    Change,
}

impl PendingReminder {
    /// The notice for this reminder when shown at `now`.
    pub fn notice(&self, now: DateTime<Utc>) -> Notice {
        let zone = Zone::parse(&self.time_zone).unwrap_or_default();
        let start = zone.localize(self.starts_at);
        let offset = start.format("%:z").to_string();
        let offset = offset.trim_end_matches(":00");
        // To the nearest minute: a 5-minute reminder shown a second late still says 5.
        let when = match ((self.starts_at - now).num_seconds() + 30).div_euclid(60) {
            m if m <= 0 => "starting now".to_string(),
            1 => "in 1 minute".to_string(),
            m => format!("in {m} minutes"),
        };
        // A notice's body starts with a capital, as the change notices' do.
        let lead = if self.moved {
            format!("Moved: now {when}")
        } else {
            capitalise(&when)
        };
        let mut body = format!(
            "{lead} {} (UTC{offset})",
            start.format("at %H:%M on %a %-d %b"),
        );
        if let Some(room) = &self.room {
            body.push_str(&format!(", {room}"));
        }
        Notice {
            kind: NoticeKind::Reminder,
            conference: self.conference.clone(),
            key: self.key.clone(),
            title: self.title.clone(),
            body,
        }
    }
}

pub(crate) fn defaults_in(conn: &Connection) -> Result<ReminderDefaults> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
        .query_row([DEFAULTS_SETTING], |r| r.get(0))
        .optional()?;
    // A damaged setting falls back to the defaults rather than stopping every reminder.
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Every reminder still to show, for sessions starting after `now`: bookmark id and reminder.
fn pending_in(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<(i64, PendingReminder)>> {
    let defaults = defaults_in(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.conference_slug, b.target_key, b.priority, b.reminder, b.reminded_start,
                s.title, s.kind, s.starts_at, s.time_zone, r.name
         FROM bookmark b
         JOIN conference c ON c.slug = b.conference_slug
         JOIN session s ON s.conference_id = c.id AND s.key = b.target_key
         LEFT JOIN room r ON r.id = s.room_id
         WHERE b.target_kind = 'session' AND b.orphaned_at IS NULL AND s.starts_at > ?1
           AND (b.reminder IS NULL OR b.reminder >= 0)
           AND (b.reminded_start IS NULL OR b.reminded_start != s.starts_at)",
    )?;
    let rows = stmt.query_map([now.timestamp()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<i64>>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, i64>(8)?,
            r.get::<_, String>(9)?,
            r.get::<_, Option<String>>(10)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, conference, key, priority, reminder, reminded, title, kind, start, zone, room) =
            row?;
        let priority = Priority::parse(&priority).unwrap_or_default();
        let Some(minutes) = defaults.resolve(Reminder::from_column(reminder), priority) else {
            continue;
        };
        if is_marked_cancelled(kind.as_deref(), &title) {
            continue;
        }
        let Some(starts_at) = DateTime::from_timestamp(start, 0) else {
            continue;
        };
        out.push((
            id,
            PendingReminder {
                conference,
                key,
                title,
                room,
                priority,
                starts_at,
                time_zone: zone,
                minutes,
                remind_at: starts_at - Duration::minutes(i64::from(minutes)),
                moved: reminded.is_some(),
            },
        ));
    }
    out.sort_by(|a, b| (a.1.remind_at, &a.1.key).cmp(&(b.1.remind_at, &b.1.key)));
    Ok(out)
}

/// The due reminders, marked shown for their session's current start.
fn take_due_in(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<Vec<PendingReminder>> {
    let due: Vec<(i64, PendingReminder)> = pending_in(tx, now)?
        .into_iter()
        .filter(|(_, r)| r.remind_at <= now)
        .collect();
    // Not `updated_at`: that is when the user last changed the bookmark, which backups compare.
    let mut mark = tx.prepare_cached("UPDATE bookmark SET reminded_start = ?2 WHERE id = ?1")?;
    for (id, r) in &due {
        mark.execute(params![id, r.starts_at.timestamp()])?;
    }
    Ok(due.into_iter().map(|(_, r)| r).collect())
}

impl Store {
    /// The default reminder of each priority.
    pub fn reminder_defaults(&self) -> Result<ReminderDefaults> {
        self.read(defaults_in)
    }

    /// Sets the default reminder of each priority; returns what is stored.
    pub fn set_reminder_defaults(&self, defaults: &ReminderDefaults) -> Result<ReminderDefaults> {
        defaults.check()?;
        let json = serde_json::to_string(defaults).map_err(|e| Error::BadRequest(e.to_string()))?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![DEFAULTS_SETTING, json],
            )?;
            defaults_in(tx)
        })
    }

    /// The reminders still to show, of every conference, for sessions starting after `now`,
    /// soonest due first. Some may be due already (the app was closed when they fell due).
    pub fn pending_reminders(&self, now: DateTime<Utc>) -> Result<Vec<PendingReminder>> {
        Ok(self
            .read(|conn| pending_in(conn, now))?
            .into_iter()
            .map(|(_, r)| r)
            .collect())
    }

    /// When the next reminder after `now` falls due, if any is pending.
    pub fn next_reminder_at(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .read(|conn| pending_in(conn, now))?
            .into_iter()
            .map(|(_, r)| r.remind_at)
            .find(|at| *at > now))
    }

    /// The reminders due at `now`, each marked shown so it is returned once: once per start,
    /// so a session that moves later reminds again.
    pub fn take_due_reminders(&self, now: DateTime<Utc>) -> Result<Vec<PendingReminder>> {
        // Polled every few seconds by the app: take the writer only when something is due.
        let due = self.read(|conn| {
            Ok(pending_in(conn, now)?
                .iter()
                .any(|(_, r)| r.remind_at <= now))
        })?;
        if !due {
            return Ok(Vec::new());
        }
        self.write(|tx| take_due_in(tx, now))
    }

    /// Everything to notify the user of at `now`, each returned once: due reminders, then
    /// changes to bookmarked sessions found by refreshes since the last call
    /// ([`Store::take_change_alerts`]).
    pub fn take_notices(&self, now: DateTime<Utc>) -> Result<Vec<Notice>> {
        let mut notices: Vec<Notice> = self
            .take_due_reminders(now)?
            .iter()
            .map(|r| r.notice(now))
            .collect();
        notices.extend(crate::subscribe::alerts::notices(
            &self.take_change_alerts()?,
        ));
        Ok(notices)
    }
}
