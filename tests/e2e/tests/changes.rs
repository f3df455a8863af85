//! A schedule subscription in the real app: subscribe to a schedule served by a local HTTP
//! server, bookmark a session, publish a version where it moved, refresh, and see the change in
//! "What changed", the marker on the session in My agenda, and the bookmark and its note intact.

use std::sync::{Arc, Mutex};

use plenary_e2e::{enabled, serve_feed, shared_data, App};
use serde_json::{json, Value};

const GUID: &str = "6a32cb72-a69d-423c-91b5-60d88eb8e6c7";
const NOTE: &str = "front row for the opening";

/// The 36C3 schedule with the opening ceremony moved from 11:00 to 12:30 and made 45 minutes
/// long. (A frab event's room is the `<room name>` element it sits in, so it stays in Ada.)
fn moved(v1: &str) -> Vec<u8> {
    let start = v1
        .find(&format!("<event guid='{GUID}'"))
        .expect("the event");
    let end = start + v1[start..].find("</event>").expect("its end");
    let event = v1[start..end]
        .replace(
            "<date>2019-12-27T11:00:00+01:00</date>",
            "<date>2019-12-27T12:30:00+01:00</date>",
        )
        .replace("<start>11:00</start>", "<start>12:30</start>")
        .replace("<duration>00:30</duration>", "<duration>00:45</duration>");
    format!("{}{event}{}", &v1[..start], &v1[end..]).into_bytes()
}

#[tokio::test]
async fn a_bookmarked_session_that_moves_is_marked_and_listed() {
    if !enabled() {
        return;
    }
    let v1 = std::fs::read_to_string(shared_data("schedules/36c3.schedule.xml")).expect("36C3");
    let feed = Arc::new(Mutex::new(("v1".to_string(), v1.clone().into_bytes())));
    let url = serve_feed(feed.clone(), "/36c3/schedule.xml").expect("a local server");

    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    // Subscribe from What changed: no subscription yet, so it offers the form.
    app.open_view("changes").await.expect("What changed opens");
    app.type_into("subscribe-url", &url)
        .await
        .expect("type the URL");
    app.click("subscribe-submit").await.expect("subscribe");
    app.wait_for_text("changes-result", |t| t.contains("Subscribed"))
        .await
        .expect("subscribing reports back");
    let url_shown = app
        .text("subscription-url")
        .await
        .expect("the URL is shown");
    assert_eq!(url_shown, url);

    // Bookmark the opening ceremony with a note.
    let sessions = app
        .invoke("sessions", json!({ "filter": { "with_text": false } }))
        .await
        .expect("script runs")
        .expect("36C3 sessions");
    let opening = sessions
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["guid"] == GUID)
        .expect("the opening ceremony");
    let key = opening["key"].as_str().expect("key").to_string();
    let conference = opening["conference"].as_str().expect("slug").to_string();
    app.invoke(
        "set_bookmark",
        json!({ "change": { "conference": conference, "key": key, "priority": "must", "note": NOTE } }),
    )
    .await
    .expect("script runs")
    .expect("bookmark the opening");

    // The organisers move it; the user refreshes.
    *feed.lock().expect("lock") = ("v2".to_string(), moved(&v1));
    app.click("refresh-now").await.expect("refresh now");
    app.wait_for_text("changes-result", |t| t.contains("Updated"))
        .await
        .expect("the refresh reports back");
    let rows = app.all_testid("change").await.expect("change rows");
    let mut fields = Vec::new();
    for row in &rows {
        if row.attr("data-key").await.expect("data-key").as_deref() == Some(key.as_str()) {
            fields.push(
                row.attr("data-field")
                    .await
                    .expect("field")
                    .unwrap_or_default(),
            );
            let text = app.inner_text(row).await.expect("row text");
            assert!(
                text.contains("Opening Ceremony"),
                "names the session: {text:?}"
            );
        }
    }
    fields.sort();
    assert_eq!(fields, ["duration", "start"], "the move, field by field");
    let first = app.inner_text(&rows[0]).await.expect("first row");
    assert!(
        first.contains("Bookmarked") && first.contains("Opening Ceremony"),
        "a bookmarked session that moved comes first: {first:?}"
    );
    app.screenshot("changes-after-refresh")
        .await
        .expect("screenshot");

    // The marker in My agenda, and the bookmark with its note, on the moved session.
    app.open_view("agenda").await.expect("agenda opens");
    app.wait_for_js(&format!(
        "document.querySelector('[data-testid=session-row][data-key=\"{key}\"] \
         [data-testid=session-changed-badge]')"
    ))
    .await
    .expect("the moved session carries the changed marker in My agenda");
    app.screenshot("agenda-changed-marker")
        .await
        .expect("screenshot");
    let marks: Value = app
        .invoke("bookmarks", json!({ "conference": conference }))
        .await
        .expect("script runs")
        .expect("bookmarks");
    let mark = marks
        .as_array()
        .expect("a list")
        .iter()
        .find(|b| b["key"] == key.as_str())
        .expect("the bookmark is still there");
    assert_eq!(mark["note"], NOTE, "its note is intact: {mark}");
    assert_eq!(mark["orphaned"], false, "it follows its session: {mark}");
    let session = app
        .invoke("session", json!({ "conference": conference, "key": key }))
        .await
        .expect("script runs")
        .expect("the session");
    assert_eq!(session["duration_minutes"], 45, "the new length: {session}");
    app.quit().await.expect("quit");
}
