//! Fetching a schedule URL (`subscribe::fetch`) from a tiny HTTP server on 127.0.0.1 that the
//! test starts itself: conditional GET, redirects, timeouts, the size cap, status errors. No
//! other host is ever contacted.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use plenary_core::import::{self, ImportOptions};
use plenary_core::subscribe::{diff, fetch, ChangeField, FetchOptions, Fetched};

use crate::common;
use crate::server::{redirect, reply, serve};

fn schedule() -> Vec<u8> {
    common::read("schedules/36c3.schedule.xml")
}

fn body_of(fetched: Fetched) -> (Vec<u8>, Option<String>, Option<String>, String) {
    match fetched {
        Fetched::Body {
            bytes,
            etag,
            last_modified,
            final_url,
            ..
        } => (bytes, etag, last_modified, final_url),
        Fetched::Unchanged => panic!("expected a body, got Unchanged"),
    }
}

#[test]
fn etag_then_304_then_a_new_version_with_its_changes() {
    let version = Arc::new(Mutex::new(1u32));
    let v1 = schedule();
    let text = String::from_utf8(v1.clone()).expect("UTF-8");
    // Version 2 renames one talk, as an organiser's update would.
    let event = text.find("<event ").expect("an event");
    let title = event + text[event..].find("<title>").expect("its title") + "<title>".len();
    let v2 = format!("{}Updated: {}", &text[..title], &text[title..]).into_bytes();
    let seen = Arc::clone(&version);
    let base = serve(move |req| {
        let v = *seen.lock().expect("lock");
        let tag = format!("\"v{v}\"");
        if req.headers.get("if-none-match") == Some(&tag) {
            return reply("304 Not Modified", b"");
        }
        let mut r = reply("200 OK", if v == 1 { &v1 } else { &v2 });
        r.headers.push(("ETag", tag));
        r
    });
    let url = format!("{base}/36c3.schedule.xml");
    let (bytes, etag, _, final_url) =
        body_of(fetch(&url, &FetchOptions::default()).expect("fetch"));
    assert_eq!(bytes, schedule(), "the body arrives whole");
    assert_eq!(etag.as_deref(), Some("\"v1\""), "the ETag is kept verbatim");
    assert_eq!(final_url, url, "no redirect, same URL");
    let again = FetchOptions {
        etag: etag.clone(),
        ..FetchOptions::default()
    };
    let second = fetch(&url, &again).expect("second fetch");
    assert_eq!(
        second,
        Fetched::Unchanged,
        "a matching If-None-Match is a 304"
    );

    *version.lock().expect("lock") = 2;
    let (new_bytes, new_etag, _, _) = body_of(fetch(&url, &again).expect("third fetch"));
    assert_eq!(
        new_etag.as_deref(),
        Some("\"v2\""),
        "the new version's ETag"
    );
    let options = ImportOptions::new("36c3.schedule.xml");
    let old = import::parse(&bytes, &options).expect("v1 parses").data;
    let new = import::parse(&new_bytes, &options).expect("v2 parses").data;
    let changes = diff(&old, &new);
    assert!(
        changes.len() == 1 && changes[0].field == ChangeField::Title,
        "the one renamed talk is the only change: {changes:?}"
    );
}

#[test]
fn last_modified_goes_back_as_if_modified_since() {
    const STAMP: &str = "Wed, 25 Dec 2019 10:00:00 GMT";
    let base = serve(|req| {
        if req.headers.get("if-modified-since").map(String::as_str) == Some(STAMP) {
            return reply("304 Not Modified", b"");
        }
        let mut r = reply("200 OK", &schedule());
        r.headers.push(("Last-Modified", STAMP.to_string()));
        r
    });
    let url = format!("{base}/s.xml");
    let (_, etag, last_modified, _) =
        body_of(fetch(&url, &FetchOptions::default()).expect("fetch"));
    assert_eq!(etag, None, "no ETag was sent");
    assert_eq!(
        last_modified.as_deref(),
        Some(STAMP),
        "Last-Modified kept verbatim"
    );
    let again = FetchOptions {
        last_modified,
        ..FetchOptions::default()
    };
    assert_eq!(
        fetch(&url, &again).expect("second fetch"),
        Fetched::Unchanged,
        "a matching If-Modified-Since is a 304"
    );
}

#[test]
fn a_redirect_chain_is_followed_and_a_loop_is_refused() {
    let base = serve(|req| match req.path.as_str() {
        "/old" => redirect("301 Moved Permanently", "/moved"),
        "/moved" => redirect("302 Found", "/2019/schedule.xml"),
        "/2019/schedule.xml" => reply("200 OK", b"<schedule/>"),
        "/loop" => redirect("302 Found", "/loop"),
        _ => reply("404 Not Found", b""),
    });
    let (bytes, _, _, final_url) =
        body_of(fetch(&format!("{base}/old"), &FetchOptions::default()).expect("fetch"));
    assert_eq!(bytes, b"<schedule/>", "the body at the end of the chain");
    assert_eq!(
        final_url,
        format!("{base}/2019/schedule.xml"),
        "final URL after two redirects"
    );

    let url = format!("{base}/loop");
    let err = fetch(&url, &FetchOptions::default()).expect_err("a loop is refused");
    assert_eq!(err.kind(), "fetch", "{err}");
    assert_eq!(
        err.to_string(),
        format!("{url}: more than 5 redirects (a redirect loop?)"),
        "names the URL and the loop"
    );
}

#[test]
fn an_error_status_is_named() {
    let base = serve(|req| match req.path.as_str() {
        "/gone" => reply("404 Not Found", b"no"),
        _ => reply("500 Internal Server Error", b"oops"),
    });
    let url = format!("{base}/s.xml");
    let err = fetch(&url, &FetchOptions::default()).expect_err("500 fails");
    assert_eq!(err.kind(), "fetch", "{err}");
    assert_eq!(
        err.to_string(),
        format!("{url}: the server answered HTTP 500 Internal Server Error"),
        "names the URL and the status"
    );
    let gone = fetch(&format!("{base}/gone"), &FetchOptions::default()).expect_err("404 fails");
    assert!(gone.to_string().ends_with("HTTP 404 Not Found"), "{gone}");
}

#[test]
fn a_server_that_stalls_times_out() {
    let base = serve(|_| {
        let mut r = reply("200 OK", b"<schedule/>");
        r.delay = Duration::from_secs(3);
        r
    });
    let url = format!("{base}/slow.xml");
    let options = FetchOptions {
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let err = fetch(&url, &options).expect_err("times out");
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), "fetch", "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("{url}: timed out after 0.3 s")),
        "names the URL and the limit: {err}"
    );
    assert!(
        elapsed < Duration::from_secs(2),
        "gave up near the limit: {elapsed:?}"
    );
}

#[test]
fn a_body_over_the_cap_is_refused_whatever_the_length_says() {
    let base = serve(|req| {
        let mut r = reply("200 OK", &vec![b'<'; 5000]);
        // Without a Content-Length only the counting read can stop it.
        r.length = req.path == "/declared";
        r
    });
    let options = FetchOptions {
        max_bytes: 1000,
        ..FetchOptions::default()
    };
    for path in ["/declared", "/undeclared"] {
        let url = format!("{base}{path}");
        let err = fetch(&url, &options).expect_err("over the cap");
        assert_eq!(err.kind(), "too-large", "{path}: {err}");
        assert!(
            err.to_string().starts_with(&format!("{url}: ")),
            "{path}: names the URL: {err}"
        );
        assert!(
            err.to_string().contains("1000-byte import limit"),
            "{path}: names the cap: {err}"
        );
    }
}

#[test]
fn a_malformed_body_is_fetched_and_then_fails_to_parse_at_its_line() {
    let whole = schedule();
    let cut = whole[..whole.len() / 2].to_vec();
    let base = serve(move |_| reply("200 OK", &cut));
    let (bytes, _, _, _) =
        body_of(fetch(&format!("{base}/s.xml"), &FetchOptions::default()).expect("fetch"));
    let err = import::parse(&bytes, &ImportOptions::new("36c3.schedule.xml"))
        .expect_err("a truncated schedule does not parse");
    assert_eq!(err.kind(), "syntax", "{err}");
    let text = err.to_string();
    let line = text
        .strip_prefix("36c3.schedule.xml:")
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse::<u32>().ok());
    assert!(line.is_some_and(|n| n > 1), "located at a line: {text}");
}

#[test]
fn only_http_and_https_urls_are_fetched() {
    for url in [
        "file:///etc/passwd",
        "ftp://127.0.0.1/s.xml",
        "schedule.xml",
    ] {
        let err = fetch(url, &FetchOptions::default()).expect_err("refused");
        assert_eq!(err.kind(), "fetch", "{url}: {err}");
        assert_eq!(
            err.to_string(),
            format!("{url}: only http:// and https:// URLs can be fetched"),
            "{url}"
        );
    }
}

#[test]
fn a_refused_connection_names_the_url() {
    // A port that was just free: nothing listens there any more.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let url = format!("http://127.0.0.1:{port}/s.xml");
    let err = fetch(&url, &FetchOptions::default()).expect_err("nothing listens");
    assert_eq!(err.kind(), "fetch", "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("{url}: connection failed")),
        "names the URL and the failure: {err}"
    );
}
