//! One conditional HTTP(S) GET of a schedule URL, blocking (no async runtime in core), with
//! bounded redirects, timeouts and a size cap that the body read enforces itself.
//!
//! The ETag and Last-Modified of the previous fetch go back as `If-None-Match` and
//! `If-Modified-Since`; a `304 Not Modified` comes back as [`Fetched::Unchanged`], so a refresh
//! of an unchanged schedule costs one small response and no parse.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ureq::ResponseExt;

use crate::error::{Error, Result};
use crate::import::{read_capped, DEFAULT_MAX_BYTES};

/// How to fetch, and what the previous fetch returned.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Time allowed to resolve the host and open the connection (TLS included).
    pub connect_timeout: Duration,
    /// Time allowed for the whole exchange: connection, redirects, headers and body.
    pub timeout: Duration,
    /// Redirects followed before giving up; a loop is refused when it runs past this.
    pub max_redirects: u32,
    /// The largest body accepted, counted while it streams in (after gzip is undone), whatever
    /// `Content-Length` says.
    pub max_bytes: u64,
    /// The ETag of the previous fetch, sent as `If-None-Match`.
    pub etag: Option<String>,
    /// The Last-Modified of the previous fetch, sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_redirects: 5,
            max_bytes: DEFAULT_MAX_BYTES,
            etag: None,
            last_modified: None,
        }
    }
}

/// What a fetch found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The server answered `304 Not Modified` to the validators we sent.
    Unchanged,
    /// A new body, with the validators to send next time.
    Body {
        /// The body as received (gzip undone), not yet parsed: hand it to [`crate::import::parse`].
        bytes: Vec<u8>,
        /// The `ETag` header, verbatim (quotes and `W/` included, as the server expects back).
        etag: Option<String>,
        /// The `Last-Modified` header, verbatim.
        last_modified: Option<String>,
        /// Where the body came from after redirects; a subscription may keep following it.
        final_url: String,
        /// When the body finished arriving, by this machine's clock.
        fetched_at: DateTime<Utc>,
    },
}

/// Fetches `url` (http or https only).
///
/// Errors name the URL: [`Error::Fetch`] for a bad URL, DNS, connection, timeout, redirect or
/// status failure (a status error gives the code), [`Error::TooLarge`] for a body over
/// [`FetchOptions::max_bytes`].
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched> {
    let failed = |message: String| Error::Fetch {
        url: url.to_string(),
        message,
    };
    let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https")) {
        return Err(failed(
            "only http:// and https:// URLs can be fetched".into(),
        ));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        // Statuses are ours to explain (and 304 is not an error).
        .http_status_as_error(false)
        .max_redirects(options.max_redirects)
        .timeout_connect(Some(options.connect_timeout))
        .timeout_global(Some(options.timeout))
        .user_agent(concat!("plenary/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(etag) = &options.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(last_modified) = &options.last_modified {
        request = request.header("If-Modified-Since", last_modified);
    }
    let response = request.call().map_err(|e| failed(describe(&e, options)))?;
    let status = response.status();
    if status == ureq::http::StatusCode::NOT_MODIFIED {
        return Ok(Fetched::Unchanged);
    }
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("");
        return Err(failed(format!(
            "the server answered HTTP {} {reason}",
            status.as_u16()
        )));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let etag = header("etag");
    let last_modified = header("last-modified");
    let final_url = response.get_uri().to_string();
    let too_large = |size| Error::TooLarge {
        file: url.to_string(),
        size,
        limit: options.max_bytes,
    };
    let body = response.into_body();
    // A declared length over the cap is refused at once; a smaller (or absent, or false) one is
    // only a claim, so the read below counts for itself.
    let declared = body.content_length();
    if let Some(length) = declared.filter(|&n| n > options.max_bytes) {
        return Err(too_large(length));
    }
    let bytes = read_capped(body.into_reader(), options.max_bytes, declared.unwrap_or(0))
        .map_err(|e| failed(format!("reading the body: {}", describe_io(&e, options))))?
        .ok_or_else(|| too_large(options.max_bytes.saturating_add(1)))?;
    Ok(Fetched::Body {
        bytes,
        etag,
        last_modified,
        final_url,
        fetched_at: Utc::now(),
    })
}

/// A message for a failed request, in the user's terms rather than ureq's.
fn describe(e: &ureq::Error, options: &FetchOptions) -> String {
    match e {
        ureq::Error::Timeout(which) => timed_out(which, options),
        ureq::Error::HostNotFound => "host not found (DNS lookup failed)".into(),
        ureq::Error::TooManyRedirects => format!(
            "more than {} redirects (a redirect loop?)",
            options.max_redirects
        ),
        ureq::Error::BadUri(uri) => format!("not a usable URL: {uri}"),
        ureq::Error::Io(io) => format!("connection failed: {io}"),
        other => other.to_string(),
    }
}

fn describe_io(e: &std::io::Error, options: &FetchOptions) -> String {
    // ureq reports failures inside the body reader as io errors wrapping its own.
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
    {
        Some(inner) => describe(inner, options),
        None => e.to_string(),
    }
}

fn timed_out(which: &ureq::Timeout, options: &FetchOptions) -> String {
    match which {
        ureq::Timeout::Connect | ureq::Timeout::Resolve => format!(
            "timed out connecting (limit {} s)",
            options.connect_timeout.as_secs_f64()
        ),
        _ => format!(
            "timed out after {} s ({which})",
            options.timeout.as_secs_f64()
        ),
    }
}
