//! A conference's subscription as stored: its URL, the validators of the last good copy, and
//! how the last attempt went.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::log::parse_stamp;
use crate::error::{Error, Result};
use crate::model::Format;
use crate::store::resolve_conference;
use crate::Store;

/// A conference's subscription, for "last good copy fetched at ...".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SubscriptionView {
    pub conference: String,
    pub url: String,
    /// The format every body is read as; `None` means detected from each body.
    pub format: Option<Format>,
    /// When the copy in the store (the last good one) was fetched.
    pub fetched_at: DateTime<Utc>,
    /// When a refresh was last attempted.
    pub checked_at: DateTime<Utc>,
    /// Why the last attempt failed; `None` when it succeeded or the copy was unchanged.
    pub last_error: Option<String>,
}

/// A stored subscription with what a refresh needs.
pub(super) struct Stored {
    pub(super) conference_id: i64,
    pub(super) view: SubscriptionView,
    pub(super) etag: Option<String>,
    pub(super) last_modified: Option<String>,
}

impl Store {
    /// The subscription of `conference` (or the current one), if it has one.
    pub fn subscription(&self, conference: Option<&str>) -> Result<Option<SubscriptionView>> {
        self.read(|conn| {
            let c = resolve_conference(conn, conference)?;
            Ok(stored(conn, c.id, &c.slug)?.map(|s| s.view))
        })
    }

    /// Every subscription in the store, by conference slug.
    pub fn subscriptions(&self) -> Result<Vec<SubscriptionView>> {
        self.read(|conn| {
            let slugs: Vec<(i64, String)> = conn
                .prepare_cached(
                    "SELECT c.id, c.slug FROM subscription s JOIN conference c ON c.id = s.conference_id
                     ORDER BY c.slug",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let mut out = Vec::new();
            for (id, slug) in slugs {
                out.extend(stored(conn, id, &slug)?.map(|s| s.view));
            }
            Ok(out)
        })
    }
}

/// Refuses what cannot be a schedule URL before any connection is made.
pub(super) fn validate_url(url: &str) -> Result<()> {
    let refuse = |message: &str| {
        Err(Error::Fetch {
            url: url.to_string(),
            message: message.to_string(),
        })
    };
    let Some((scheme, rest)) = url.split_once("://") else {
        return refuse("not a URL: a subscription needs an http:// or https:// address");
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return refuse("only http:// and https:// URLs can be subscribed to");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse("a URL cannot contain spaces or control characters");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    if host.is_empty() || host.starts_with(':') {
        return refuse("the URL names no host");
    }
    Ok(())
}

/// The subscription of conference `conference_id` (slug `slug`), if any.
pub(super) fn stored(conn: &Connection, conference_id: i64, slug: &str) -> Result<Option<Stored>> {
    Ok(conn
        .prepare_cached(
            "SELECT url, format, etag, last_modified, fetched_at, checked_at, last_error
             FROM subscription WHERE conference_id = ?1",
        )?
        .query_row([conference_id], |r| {
            Ok(Stored {
                conference_id,
                view: SubscriptionView {
                    conference: slug.to_string(),
                    url: r.get(0)?,
                    format: r
                        .get::<_, Option<String>>(1)?
                        .as_deref()
                        .and_then(Format::from_name),
                    fetched_at: parse_stamp(&r.get::<_, String>(4)?),
                    checked_at: parse_stamp(&r.get::<_, String>(5)?),
                    last_error: r.get(6)?,
                },
                etag: r.get(2)?,
                last_modified: r.get(3)?,
            })
        })
        .optional()?)
}

impl Store {
    /// Stops following the source URL of `conference` (or the current one). The programme, the
    /// bookmarks and the change log stay; returns the URL that was followed, or `None` if the
    /// conference had no subscription.
    pub fn unsubscribe(&self, conference: Option<&str>) -> Result<Option<String>> {
        self.write(|tx| {
            let c = resolve_conference(tx, conference)?;
            let url: Option<String> = tx
                .prepare_cached("DELETE FROM subscription WHERE conference_id = ?1 RETURNING url")?
                .query_row([c.id], |r| r.get(0))
                .optional()?;
            Ok(url)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::validate_url;

    #[test]
    fn only_http_urls_with_a_host_are_accepted() {
        for good in [
            "http://127.0.0.1:8080/s.xml",
            "https://fosdem.org/2026/schedule/xml",
            "HTTPS://example.org",
        ] {
            assert!(validate_url(good).is_ok(), "{good} is a usable URL");
        }
        for (bad, says) in [
            ("file:///etc/passwd", "only http:// and https://"),
            ("ftp://example.org/s.xml", "only http:// and https://"),
            ("schedule.xml", "not a URL"),
            ("http://", "names no host"),
            ("https:///s.xml", "names no host"),
            ("http://exa mple.org/", "cannot contain spaces"),
        ] {
            let err = validate_url(bad).expect_err(bad);
            assert_eq!(err.kind(), "fetch", "{bad}: {err}");
            let text = err.to_string();
            assert!(
                text.starts_with(&format!("{bad}: ")) && text.contains(says),
                "{bad}: names the URL and says {says:?}: {text}"
            );
        }
    }
}
