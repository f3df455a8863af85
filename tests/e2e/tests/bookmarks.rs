//! Bookmarking a session with a priority and a note; the agenda shows it, it survives a
//! restart, and it exports to an iCalendar file through the save dialog.

use plenary_e2e::{enabled, App};

const NOTE: &str = "坐前排 front row";

#[tokio::test]
async fn bookmark_survives_restart_and_exports() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let mut app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    app.open_view("programme").await.expect("programme opens");
    let row = app
        .testid("session-row")
        .await
        .expect("the programme lists sessions");
    let key = row
        .attr("data-key")
        .await
        .expect("attr")
        .expect("session rows carry data-key");
    row.click().await.expect("a session opens");
    let title = app
        .wait_for_text("session-title", |t| !t.is_empty())
        .await
        .expect("the session shows its title");

    app.click("bookmark-priority-must")
        .await
        .expect("priority must");
    app.wait_for_text("bookmark-status", |t| !t.is_empty())
        .await
        .expect("the bookmark is saved");
    app.type_into("bookmark-note", NOTE)
        .await
        .expect("typing a note");
    app.click("bookmark-save").await.expect("saving the note");
    app.wait_for_js(
        "document.querySelector('[data-testid=bookmark-status]')?.textContent.length > 0 && \
         !document.querySelector('[data-testid=bookmark-error]')",
    )
    .await
    .expect("the note is saved without error");

    check_agenda(&app, &key, &title).await;
    app.screenshot("agenda-bookmarked")
        .await
        .expect("screenshot");

    app.restart().await.expect("app restarts");
    app.testid("app-ready").await.expect("ready after restart");
    check_agenda(&app, &key, &title).await;

    let out = data.path().join("exports/my agenda.ics");
    std::fs::create_dir_all(out.parent().expect("parent")).expect("exports dir");
    app.choose_file("agenda-export", "Export .ics", &out)
        .await
        .expect("export opens the save dialog, which takes a path");
    app.wait_for_text("agenda-export-status", |t| !t.is_empty())
        .await
        .expect("the export reports back");
    let ics = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("the agenda is written to {}: {e}", out.display()));
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    assert!(
        unfolded.starts_with("BEGIN:VCALENDAR"),
        "an iCalendar file: {ics:.200}"
    );
    assert_eq!(
        unfolded.matches("BEGIN:VEVENT").count(),
        1,
        "one event, the bookmarked session"
    );
    let first_words: String = title.chars().take(20).collect();
    assert!(
        unfolded.contains(&first_words),
        "the event is {title:?}: {unfolded:.600}"
    );

    app.quit().await.expect("app quits cleanly");
}

async fn check_agenda(app: &App, key: &str, title: &str) {
    app.open_view("agenda").await.expect("agenda opens");
    let item = app
        .wait_for_text("agenda-item", |t| t.contains(title))
        .await
        .unwrap_or_else(|e| panic!("the agenda lists {title:?}: {e}"));
    assert!(
        item.contains(NOTE),
        "the agenda item shows the note: {item:?}"
    );
    let keys = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=agenda-item]')]\
             .map((e) => e.dataset.key);",
            vec![],
        )
        .await
        .expect("script runs");
    assert_eq!(
        keys,
        serde_json::json!([key]),
        "exactly the bookmarked session"
    );
}
