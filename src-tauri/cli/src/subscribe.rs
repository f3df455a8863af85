//! `plenary subscribe`, `plenary refresh` and `plenary changes`: following a schedule URL and
//! listing what its updates changed.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use plenary_core::model::Format;
use plenary_core::subscribe::{
    RefreshOptions, RefreshOutcome, RefreshReport, RefreshStatus, StoredChange,
};
use plenary_core::{Error, Result, Store};

use crate::commands::print;

/// The fetch settings the commands share.
pub struct Limits {
    pub format: Option<String>,
    pub timeout: Option<u64>,
    pub max_bytes: Option<u64>,
}

impl Limits {
    fn options(&self) -> Result<RefreshOptions> {
        let mut options = RefreshOptions::default();
        if let Some(name) = &self.format {
            options.format = Some(Format::from_name(name).ok_or_else(|| {
                Error::BadRequest(format!(
                    "--format {name:?}: expected frab-xml, frab-json or ics"
                ))
            })?);
        }
        if let Some(seconds) = self.timeout {
            options.fetch.timeout = Duration::from_secs(seconds.max(1));
        }
        if let Some(bytes) = self.max_bytes {
            options.fetch.max_bytes = bytes;
        }
        Ok(options)
    }
}

pub fn unsubscribe(store: &Store, conference: Option<&str>, json: bool) -> Result<()> {
    let url = store.unsubscribe(conference)?;
    print(
        json,
        &serde_json::json!({ "unsubscribed": url }),
        |_| match &url {
            Some(url) => println!("No longer following {url}; the programme and bookmarks stay."),
            None => println!("This conference follows no schedule URL."),
        },
    )
}

pub fn subscribe(
    store: &Store,
    conference: Option<&str>,
    url: &str,
    limits: &Limits,
    json: bool,
) -> Result<()> {
    let report = store.subscribe(conference, url, &limits.options()?)?;
    print(json, &report, |r| {
        let sessions = r.import.as_ref().map_or(0, |i| i.sessions);
        println!(
            "Subscribed {} to {} ({sessions} sessions, fetched {}).",
            r.conference,
            r.url,
            when(r.fetched_at)
        );
        report_changes(r);
    })
}

pub fn refresh(
    store: &Store,
    conference: Option<&str>,
    all: bool,
    limits: &Limits,
    json: bool,
) -> Result<()> {
    let options = limits.options()?;
    if all {
        let outcomes = store.refresh_all(&options)?;
        let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
        print(json, &outcomes, |list| list.iter().for_each(outcome))?;
        return match failed {
            0 => Ok(()),
            n => Err(Error::BadRequest(format!(
                "{n} of {} subscriptions could not be refreshed",
                outcomes.len()
            ))),
        };
    }
    match store.refresh(conference, &options) {
        Ok(report) => print(json, &report, refreshed),
        Err(e) => {
            // Offline is normal for a conference companion: say what is still there.
            if let Ok(Some(sub)) = store.subscription(conference) {
                eprintln!(
                    "plenary: keeping the last good copy of {}, fetched {}",
                    sub.conference,
                    when(sub.fetched_at)
                );
            }
            Err(e)
        }
    }
}

pub fn changes(
    store: &Store,
    conference: Option<&str>,
    since: Option<&str>,
    unseen: bool,
    mark_seen: bool,
    json: bool,
) -> Result<()> {
    let list = match (since, unseen) {
        (Some(text), _) => store.changes(conference, Some(parse_since(text)?))?,
        (None, true) => store.changes_since_seen(conference)?,
        (None, false) => store.changes(conference, None)?,
    };
    if mark_seen {
        store.mark_changes_seen(conference, Utc::now())?;
    }
    print(json, &list, |l| {
        if l.is_empty() {
            println!("No changes.");
        } else {
            table(l);
        }
    })
}

/// An RFC 3339 instant, a date and time taken as UTC, or a date (from 00:00 UTC).
pub fn parse_since(text: &str) -> Result<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    for pattern in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, pattern) {
            return Ok(t.and_utc());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(d.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    Err(Error::BadRequest(format!(
        "--since {text:?}: expected an RFC 3339 time (2026-01-31T09:00:00Z) or a date (2026-01-31)"
    )))
}

fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn refreshed(r: &RefreshReport) {
    match r.status {
        RefreshStatus::Unchanged => println!(
            "{}: unchanged (the server said 304); the copy fetched {} is current.",
            r.conference,
            when(r.fetched_at)
        ),
        RefreshStatus::Updated => {
            println!(
                "{}: updated from {} (fetched {}).",
                r.conference,
                r.url,
                when(r.fetched_at)
            );
            report_changes(r);
        }
    }
}

fn report_changes(r: &RefreshReport) {
    if let Some(t) = r.bookmarks {
        if t.attached + t.reattached + t.orphaned > 0 {
            println!(
                "Bookmarks: {} attached, {} re-attached, {} orphaned (kept).",
                t.attached, t.reattached, t.orphaned
            );
        }
    }
    if !r.changes.is_empty() {
        println!("{} change(s):", r.changes.len());
        table(&r.changes);
    }
}

fn outcome(o: &RefreshOutcome) {
    match (&o.report, &o.error) {
        (Some(report), _) => refreshed(report),
        (None, Some(error)) => println!("{}: failed: {error}", o.conference),
        (None, None) => {}
    }
}

/// One row per change: a star for a bookmarked session, then refresh time, key, field, old,
/// new and the session's title, in columns as wide as their longest value.
fn table(list: &[StoredChange]) {
    const DASH: &str = "-";
    let rows: Vec<[String; 7]> = list
        .iter()
        .map(|c| {
            [
                if c.bookmarked { "★" } else { " " }.to_string(),
                c.refreshed_at.format("%Y-%m-%d %H:%M").to_string(),
                c.current_key.clone(),
                c.field.as_str().to_string(),
                c.old.clone().unwrap_or_else(|| DASH.into()),
                c.new.clone().unwrap_or_else(|| DASH.into()),
                c.title.clone(),
            ]
        })
        .collect();
    let header = [
        "",
        "REFRESHED (UTC)",
        "SESSION",
        "FIELD",
        "OLD",
        "NEW",
        "TITLE",
    ]
    .map(String::from);
    let mut widths = [0usize; 7];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = w - cell.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        println!("{}", line.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::parse_since;

    #[test]
    fn since_takes_rfc_3339_and_plain_dates() {
        let at = |text: &str| parse_since(text).map(|t| t.to_rfc3339()).ok();
        assert_eq!(
            at("2026-01-31T09:00:00+01:00").as_deref(),
            Some("2026-01-31T08:00:00+00:00")
        );
        assert_eq!(
            at("2026-01-31").as_deref(),
            Some("2026-01-31T00:00:00+00:00")
        );
        assert_eq!(
            at("2026-01-31 09:30:00").as_deref(),
            Some("2026-01-31T09:30:00+00:00")
        );
        assert!(parse_since("yesterday").is_err());
    }
}
