//! Subscribing a conference to a schedule URL and refreshing it.
//!
//! A refresh is one conditional GET. A `304` only notes when it was checked. A new body is
//! parsed, compared with the programme in the store ([`super::diff`]), and imported with its
//! change log in one transaction, so it is all or nothing like a file import. When anything
//! fails (network, status, timeout, size, a malformed body) the programme, bookmarks and change
//! log stay exactly as they were; only the subscription's `checked_at` and `last_error` note the
//! attempt, and the error, which names the URL, is returned. The last good copy stays in use,
//! and [`super::SubscriptionView::fetched_at`] says when it was fetched.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::fetch::{fetch, FetchOptions, Fetched};
use super::log::{self, next_refresh_at, stamp, stamped, StoredChange};
use super::subscription::{stored, validate_url, Stored};
use crate::error::{Error, Result};
use crate::import::{self, ImportOptions, Parsed};
use crate::model::Format;
use crate::store::{
    import_in, load_conference_in, resolve_conference, BookmarkTally, ImportReport,
};
use crate::Store;

/// How to subscribe and refresh.
#[derive(Debug, Clone, Default)]
pub struct RefreshOptions {
    /// Timeouts, redirects and the size cap. Its `etag` and `last_modified` are ignored: a
    /// refresh sends the stored ones, and subscribing sends none.
    pub fetch: FetchOptions,
    /// Subscribing only: read every body as this format instead of detecting it each time.
    pub format: Option<Format>,
}

/// Whether a refresh brought a new copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RefreshStatus {
    /// The server answered `304 Not Modified`: the programme was not touched.
    Unchanged,
    /// A new copy was fetched and imported (its change list may still be empty).
    Updated,
}

/// What a subscribe or a refresh did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RefreshReport {
    /// The conference's slug.
    pub conference: String,
    /// The subscription's URL.
    pub url: String,
    pub status: RefreshStatus,
    /// When the copy now in the store was fetched (for `unchanged`, the earlier one).
    pub fetched_at: DateTime<Utc>,
    /// When this attempt ran.
    pub checked_at: DateTime<Utc>,
    /// What this refresh changed, ordered as [`Store::changes`] orders them. Empty when
    /// unchanged, and when subscribing creates the conference.
    pub changes: Vec<StoredChange>,
    /// What happened to the bookmarks (the import's tally); `None` when unchanged.
    pub bookmarks: Option<BookmarkTally>,
    /// The import of the new copy: counts, format, warnings; `None` when unchanged.
    pub import: Option<ImportReport>,
}

/// One subscription's result in [`Store::refresh_all`].
#[derive(Debug, Clone, Serialize, TS)]
pub struct RefreshOutcome {
    pub conference: String,
    pub url: String,
    /// The report, when the refresh succeeded.
    pub report: Option<RefreshReport>,
    /// The error message (naming the URL), when it failed.
    pub error: Option<String>,
    /// The error's kind (as `CommandError` gives it), when it failed.
    pub error_kind: Option<String>,
}

impl Store {
    /// Subscribes to the schedule at `url` and imports it.
    ///
    /// Without `conference`, the conference is the one the schedule describes: created if it
    /// is not in the store, else its programme is replaced. With `conference`, that conference
    /// must exist, and the schedule is imported into it whatever slug the schedule gives itself.
    /// When the conference already had a programme, what changed is recorded as for a refresh.
    /// Subscribing again replaces the URL. All or nothing: if the URL is refused or the fetch
    /// or the parse fails, nothing is recorded.
    pub fn subscribe(
        &self,
        conference: Option<&str>,
        url: &str,
        options: &RefreshOptions,
    ) -> Result<RefreshReport> {
        let url = url.trim();
        validate_url(url)?;
        let target = match conference {
            Some(slug) => Some(self.read(|conn| Ok(resolve_conference(conn, Some(slug))?.slug))?),
            None => None,
        };
        let fetch_options = FetchOptions {
            etag: None,
            last_modified: None,
            ..options.fetch.clone()
        };
        let Fetched::Body {
            bytes,
            etag,
            last_modified,
            fetched_at,
            ..
        } = fetch(url, &fetch_options)?
        else {
            return Err(Error::Fetch {
                url: url.to_string(),
                message: "the server answered 304 Not Modified to a request without validators"
                    .into(),
            });
        };
        let parsed = parse_body(url, &bytes, options.format, target, options.fetch.max_bytes)?;
        drop(bytes);
        let new_copy = NewCopy {
            url,
            format: options.format,
            etag,
            last_modified,
            fetched_at: stamped(fetched_at),
        };
        self.write(|tx| {
            let existing: Option<i64> = tx
                .prepare_cached("SELECT id FROM conference WHERE slug = ?1")?
                .query_row([&parsed.data.conference.slug], |r| r.get(0))
                .optional()?;
            apply(tx, existing, parsed, new_copy)
        })
    }

    /// Refreshes the subscription of `conference` (or the current one); see the module doc.
    /// Fails with a not-found error if it has none.
    pub fn refresh(
        &self,
        conference: Option<&str>,
        options: &RefreshOptions,
    ) -> Result<RefreshReport> {
        let stored = self.read(|conn| {
            let c = resolve_conference(conn, conference)?;
            stored(conn, c.id, &c.slug)?.ok_or(Error::NotFound {
                what: "subscription for conference",
                key: c.slug,
            })
        })?;
        let checked_at = stamped(Utc::now());
        let result = self.refresh_stored(&stored, options, checked_at);
        if let Err(e) = &result {
            // Only the attempt is noted; if even that cannot be written, the refresh's own
            // error is still the one to report.
            let _ = self.write(|tx| {
                tx.execute(
                    "UPDATE subscription SET checked_at = ?2, last_error = ?3 WHERE conference_id = ?1",
                    params![stored.conference_id, stamp(checked_at), e.to_string()],
                )?;
                Ok(())
            });
        }
        result
    }

    /// Refreshes every subscription, one after another in slug order; one failing does not
    /// stop the others.
    pub fn refresh_all(&self, options: &RefreshOptions) -> Result<Vec<RefreshOutcome>> {
        let mut outcomes = Vec::new();
        for sub in self.subscriptions()? {
            let result = self.refresh(Some(&sub.conference), options);
            let (report, error, error_kind) = match result {
                Ok(report) => (Some(report), None, None),
                Err(e) => (None, Some(e.to_string()), Some(e.kind().to_string())),
            };
            outcomes.push(RefreshOutcome {
                conference: sub.conference,
                url: sub.url,
                report,
                error,
                error_kind,
            });
        }
        Ok(outcomes)
    }

    fn refresh_stored(
        &self,
        stored: &Stored,
        options: &RefreshOptions,
        checked_at: DateTime<Utc>,
    ) -> Result<RefreshReport> {
        let url = stored.view.url.as_str();
        let fetch_options = FetchOptions {
            etag: stored.etag.clone(),
            last_modified: stored.last_modified.clone(),
            ..options.fetch.clone()
        };
        match fetch(url, &fetch_options)? {
            Fetched::Unchanged => {
                self.write(|tx| {
                    tx.execute(
                        "UPDATE subscription SET checked_at = ?2, last_error = NULL WHERE conference_id = ?1",
                        params![stored.conference_id, stamp(checked_at)],
                    )?;
                    Ok(())
                })?;
                Ok(RefreshReport {
                    conference: stored.view.conference.clone(),
                    url: url.to_string(),
                    status: RefreshStatus::Unchanged,
                    fetched_at: stored.view.fetched_at,
                    checked_at,
                    changes: Vec::new(),
                    bookmarks: None,
                    import: None,
                })
            }
            Fetched::Body {
                bytes,
                etag,
                last_modified,
                fetched_at,
                ..
            } => {
                let parsed = parse_body(
                    url,
                    &bytes,
                    stored.view.format,
                    Some(stored.view.conference.clone()),
                    options.fetch.max_bytes,
                )?;
                drop(bytes);
                let new_copy = NewCopy {
                    url,
                    format: stored.view.format,
                    etag,
                    last_modified,
                    fetched_at: stamped(fetched_at),
                };
                self.write(|tx| apply(tx, Some(stored.conference_id), parsed, new_copy))
            }
        }
    }
}

/// A good copy just fetched, and what to remember of it.
struct NewCopy<'a> {
    url: &'a str,
    format: Option<Format>,
    etag: Option<String>,
    last_modified: Option<String>,
    fetched_at: DateTime<Utc>,
}

/// Inside one transaction: compares the programme of conference `existing` (if any) with the
/// new copy, imports the copy, records the changes and the subscription.
fn apply(
    tx: &Transaction<'_>,
    existing: Option<i64>,
    parsed: Parsed,
    copy: NewCopy<'_>,
) -> Result<RefreshReport> {
    let old = existing
        .map(|id| load_conference_in(tx, id))
        .transpose()?
        // A conference with no programme yet (exhibitors only) gains one; listing each of
        // its sessions as new would bury real changes.
        .filter(|old| !old.sessions.is_empty());
    let changes = old
        .as_ref()
        .map(|old| super::diff(old, &parsed.data))
        .unwrap_or_default();
    let titles = old
        .as_ref()
        .map(|old| log::titles(&changes, old, &parsed.data))
        .unwrap_or_default();
    let report = import_in(tx, parsed, &mut |_| {})?;
    let conference_id: i64 = tx
        .prepare_cached("SELECT id FROM conference WHERE slug = ?1")?
        .query_row([&report.conference], |r| r.get(0))?;
    let refreshed_at = next_refresh_at(tx, conference_id, copy.fetched_at)?;
    let changes = log::record(
        tx,
        conference_id,
        &report.conference,
        refreshed_at,
        changes,
        &titles,
    )?;
    tx.execute(
        "INSERT INTO subscription (conference_id, url, format, etag, last_modified, fetched_at,
            checked_at, last_error)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL)
         ON CONFLICT (conference_id) DO UPDATE SET url = excluded.url, format = excluded.format,
            etag = excluded.etag, last_modified = excluded.last_modified,
            fetched_at = excluded.fetched_at, checked_at = excluded.checked_at, last_error = NULL",
        params![
            conference_id,
            copy.url,
            copy.format.map(Format::name),
            copy.etag,
            copy.last_modified,
            stamp(copy.fetched_at)
        ],
    )?;
    Ok(RefreshReport {
        conference: report.conference.clone(),
        url: copy.url.to_string(),
        status: RefreshStatus::Updated,
        fetched_at: copy.fetched_at,
        checked_at: copy.fetched_at,
        changes,
        bookmarks: Some(report.bookmarks),
        import: Some(report),
    })
}

/// Parses a fetched body as a programme, named by its URL in messages. An exhibitor list is
/// refused: a subscription follows a programme.
fn parse_body(
    url: &str,
    bytes: &[u8],
    format: Option<Format>,
    conference: Option<String>,
    max_bytes: u64,
) -> Result<Parsed> {
    let format = match format {
        Some(format) => Some(format),
        None => import::detect(&import::decode(bytes, url)?),
    };
    if format.is_some_and(Format::is_exhibitor_list) {
        return Err(Error::BadRequest(format!(
            "{url}: this is an exhibitor list; a subscription follows a programme \
             (frab XML or JSON, iCalendar, or a Plenary dataset)"
        )));
    }
    let mut options = ImportOptions::new(url);
    options.format = format;
    options.max_bytes = max_bytes;
    options.conference = conference;
    let parsed = import::parse(bytes, &options)?;
    // A server mid-deploy can serve an empty but well-formed schedule; taking it would wipe the
    // programme (bookmarks would survive, orphaned). Keep the last good copy instead.
    if parsed.data.sessions.is_empty() {
        return Err(Error::BadRequest(format!(
            "{url}: the schedule has no sessions; kept the last good copy"
        )));
    }
    Ok(parsed)
}
