//! `plenary subscribe`, `refresh` and `changes` on the real binary, against a server on
//! 127.0.0.1 that the test starts itself: the first copy, a new version with a cancelled talk,
//! then the server going down.

use std::sync::{Arc, Mutex};

use crate::server::{reply, serve};
use crate::{data, Env};

const SCALE: &str = "3aae5c0a-9c9b-483a-8c09-b4402d749a82";

#[test]
fn subscribe_refresh_and_list_changes_as_json() {
    let v1 = std::fs::read(data("schedules/36c3.schedule.xml")).expect("36c3");
    let text = String::from_utf8(v1.clone()).expect("UTF-8");
    let start = text.find(&format!("<event guid='{SCALE}'")).expect("event");
    let end = start + text[start..].find("</event>\n").expect("end") + "</event>\n".len();
    let v2 = format!("{}{}", &text[..start], &text[end..]).into_bytes();
    // 0: the first copy; 1: the next version; 2: the server is down.
    let state = Arc::new(Mutex::new(0u8));
    let seen = Arc::clone(&state);
    let base = serve(move |req| {
        let version = *seen.lock().expect("lock");
        let tag = format!("\"v{version}\"");
        match version {
            2 => reply("500 Internal Server Error", b""),
            _ if req.headers.get("if-none-match") == Some(&tag) => reply("304 Not Modified", b""),
            _ => {
                let mut r = reply("200 OK", if version == 0 { &v1 } else { &v2 });
                r.headers.push(("ETag", tag));
                r
            }
        }
    });
    let url = format!("{base}/schedule.xml");
    let env = Env::new();

    let report = env.json(&["subscribe", &url]);
    assert_eq!(
        report["conference"], "36c3",
        "created from the feed: {report}"
    );
    assert_eq!(report["status"], "updated");
    let conferences = env.json(&["conferences"]);
    assert_eq!(
        conferences.as_array().map(Vec::len),
        Some(1),
        "no WAIC seeded under a subscription: {conferences}"
    );
    env.ok(&["bookmark", "add", SCALE, "--note", "keynote"]);

    let unchanged = env.json(&["refresh"]);
    assert_eq!(unchanged["status"], "unchanged", "304: {unchanged}");

    *state.lock().expect("lock") = 1;
    let updated = env.json(&["refresh"]);
    assert_eq!(updated["status"], "updated", "{updated}");
    assert_eq!(updated["bookmarks"]["orphaned"], 1, "{updated}");

    let changes = env.json(&["changes"]);
    let list = changes.as_array().expect("a JSON array");
    assert_eq!(list.len(), 1, "one change: {changes}");
    let change = &list[0];
    assert_eq!(change["session_key"], SCALE);
    assert_eq!(change["field"], "cancelled");
    assert_eq!(change["old"], "The Case for Scale in Cyber Security");
    assert!(change["new"].is_null(), "gone: {change}");
    assert_eq!(change["bookmarked"], true, "{change}");

    let table = env.ok(&["changes"]);
    assert!(
        table.contains("★") && table.contains("cancelled") && table.contains(SCALE),
        "the table shows the change: {table}"
    );
    let since = env.json(&["changes", "--since", "2999-01-01"]);
    assert_eq!(since, serde_json::json!([]), "nothing after a future date");
    let since = env.json(&["changes", "--since", "2019-12-27T00:00:00Z"]);
    assert_eq!(since.as_array().map(Vec::len), Some(1), "{since}");
    env.ok(&["changes", "--mark-seen"]);
    let unseen = env.json(&["changes", "--unseen"]);
    assert_eq!(unseen, serde_json::json!([]), "seen: nothing unseen");

    *state.lock().expect("lock") = 2;
    let out = env.run(&["refresh"]);
    assert!(!out.status.success(), "a 500 fails the command");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "plenary: error: {url}: the server answered HTTP 500"
        )),
        "the error names the URL: {stderr}"
    );
    assert!(
        stderr.contains("keeping the last good copy of 36c3, fetched"),
        "says what stays in use: {stderr}"
    );
    let after = env.json(&["changes"]);
    assert_eq!(after, changes, "the change log is as it was");

    let bad = env.run(&["changes", "--since", "last week"]);
    assert!(!bad.status.success(), "a bad --since fails");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("--since \"last week\""),
        "names the argument"
    );
}
