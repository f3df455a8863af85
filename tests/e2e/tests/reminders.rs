//! Reminders in the real app, with a real notification daemon (dunst) on the test's X screen:
//! subscribe to a schedule whose one talk starts in a few minutes, choose "5 minutes before" on
//! its page, and see the desktop notification and the banner in the window. Then the organisers
//! move the talk earlier: a refresh brings a "Changed" notification, and the reminder follows
//! the talk to its new time.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use plenary_e2e::{enabled, serve_feed, App};
use serde_json::json;

const TITLE: &str = "Reminder journey talk";

/// A one-talk calendar in Shanghai time (the test machine runs in UTC), starting at `start`.
fn calendar(start: DateTime<Utc>) -> Vec<u8> {
    let stamp = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//plenary e2e//EN\r\n\
         X-WR-CALNAME:Reminder Journey\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n\
         BEGIN:VEVENT\r\nUID:reminder-journey-talk\r\nDTSTAMP:20260101T000000Z\r\n\
         DTSTART:{}\r\nDTEND:{}\r\nSUMMARY:{TITLE}\r\nLOCATION:Room R\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n",
        stamp(start),
        stamp(start + chrono::Duration::minutes(30)),
    )
    .into_bytes()
}

#[tokio::test]
async fn a_reminder_notifies_before_a_bookmarked_talk_and_follows_it_when_it_moves() {
    if !enabled() {
        return;
    }
    // Five minutes and 25 seconds ahead: the 5-minute reminder falls due in about 25 s.
    let start = Utc::now().trunc_subsecs(0) + chrono::Duration::seconds(5 * 60 + 25);
    let feed = Arc::new(Mutex::new(("v1".to_string(), calendar(start))));
    let url = serve_feed(feed.clone(), "/reminder.ics").expect("a local server");

    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start_with_notifications(data.path())
        .await
        .expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    // Subscribe from What changed, which switches to the subscribed conference.
    app.open_view("changes").await.expect("What changed opens");
    app.type_into("subscribe-url", &url)
        .await
        .expect("type the URL");
    app.click("subscribe-submit").await.expect("subscribe");
    app.wait_for_text("changes-result", |t| t.contains("Subscribed"))
        .await
        .expect("subscribing reports back");
    let conferences = app
        .invoke("conferences", json!({}))
        .await
        .expect("script runs")
        .expect("conferences");
    let conference = conferences
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["current"] == true)
        .and_then(|c| c["slug"].as_str())
        .expect("a current conference")
        .to_string();
    let sessions = app
        .invoke(
            "sessions",
            json!({ "filter": { "conference": conference } }),
        )
        .await
        .expect("script runs")
        .expect("sessions");
    let key = sessions[0]["key"].as_str().expect("key").to_string();
    // A maybe: no reminder by default, so only the user's choice makes one.
    app.invoke(
        "set_bookmark",
        json!({ "change": { "conference": conference, "key": key, "priority": "maybe" } }),
    )
    .await
    .expect("script runs")
    .expect("bookmark");

    // The user opens the talk and chooses a reminder 5 minutes before.
    app.client
        .execute(
            "location.hash = '#/session/' + encodeURIComponent(arguments[0]);",
            vec![json!(key)],
        )
        .await
        .expect("open the session page");
    let select = app
        .testid("bookmark-reminder")
        .await
        .expect("the reminder choice");
    select.select_by_value("5").await.expect("choose 5 minutes");
    app.wait_for_text("bookmark-status", |t| !t.is_empty())
        .await
        .expect("the choice is saved");
    let marks = app
        .invoke("bookmarks", json!({ "conference": conference }))
        .await
        .expect("script runs")
        .expect("bookmarks");
    assert_eq!(
        marks[0]["reminder"],
        json!({ "kind": "before", "minutes": 5 }),
        "{marks}"
    );

    let (_, body) = app
        .wait_for_notification(|s, _| s == TITLE, Duration::from_secs(90))
        .await
        .expect("the desktop notification comes before the talk");
    assert!(
        body.contains("minutes at") && body.contains("(UTC+08), Room R"),
        "when and where, in the conference's zone: {body:?}"
    );
    app.wait_for_text("notices", |t| t.contains(TITLE))
        .await
        .expect("the window shows it too");
    app.screen_grab("reminder-notification")
        .await
        .expect("screen grab");
    assert_eq!(
        app.notifications().len(),
        1,
        "one reminder, shown once: {:?}",
        app.notifications()
    );

    // The organisers move the talk two minutes earlier; the user refreshes.
    let moved = start - chrono::Duration::minutes(2);
    *feed.lock().expect("lock") = ("v2".to_string(), calendar(moved));
    app.open_view("changes").await.expect("What changed opens");
    app.click("refresh-now").await.expect("refresh now");
    app.wait_for_text("changes-result", |t| t.contains("Updated"))
        .await
        .expect("the refresh reports back");
    let (_, change) = app
        .wait_for_notification(
            |s, _| s == format!("Changed: {TITLE}"),
            Duration::from_secs(30),
        )
        .await
        .expect("a notification says the bookmarked talk moved");
    assert!(change.starts_with("Now starts"), "{change:?}");
    // Its reminder was due already at the new time, so it comes again at once.
    app.wait_for_notification(
        |s, b| s == TITLE && b.starts_with("Moved: now"),
        Duration::from_secs(30),
    )
    .await
    .expect("the reminder follows the moved talk");
    app.wait_for_text("notices", |t| {
        t.contains("Moved: now") && t.contains("Now starts")
    })
    .await
    .expect("the window shows the change and the new reminder, newest first");
    app.screenshot("reminder-notices")
        .await
        .expect("screenshot");
    app.screen_grab("reminder-after-move")
        .await
        .expect("screen grab");
    app.quit().await.expect("quit");
}
