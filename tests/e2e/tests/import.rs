//! Importing FOSDEM 2026 through the open dialog and browsing it, and a broken one that is refused with
//! its line and leaves the store as it was.

use plenary_e2e::{enabled, shared_data, App};

const PICK_TITLE: &str = "Choose a file";

async fn conference_slugs(app: &App) -> serde_json::Value {
    app.client
        .execute(
            "return [...document.querySelectorAll('[data-testid=conference-item]')]\
             .map((e) => e.dataset.slug);",
            vec![],
        )
        .await
        .expect("script runs")
}

#[tokio::test]
async fn import_through_the_dialog() {
    if !enabled() {
        return;
    }
    let schedule = shared_data("schedules/fosdem-2026.schedule.xml");
    // The dialog hands back the resolved path.
    let schedule = schedule
        .canonicalize()
        .unwrap_or_else(|e| panic!("test data at {}: {e}", schedule.display()));
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    app.open_view("conferences")
        .await
        .expect("conferences open");
    app.testid("conference-item")
        .await
        .expect("WAIC 2025 is listed");
    let before = conference_slugs(&app).await;

    app.choose_file("import-button", PICK_TITLE, &schedule)
        .await
        .expect("import opens the file dialog, which takes a path");
    let shown = app
        .text("import-path")
        .await
        .expect("the picked file is shown");
    assert_eq!(
        shown,
        schedule.display().to_string(),
        "the path the dialog returned"
    );
    app.click("import-start").await.expect("import starts");
    let summary = app
        .wait_for_text("import-summary", |t| !t.is_empty())
        .await
        .expect("the import finishes with a summary");
    assert!(
        summary.contains("FOSDEM") && summary.contains("1079"),
        "summary names FOSDEM 2026 and its 1079 sessions: {summary:?}"
    );
    app.screenshot("import-fosdem").await.expect("screenshot");
    let after = conference_slugs(&app).await;
    assert_eq!(
        after.as_array().map(Vec::len),
        before.as_array().map(|b| b.len() + 1),
        "one more conference: {before} -> {after}"
    );

    // A truncated file: refused with a syntax error naming the file and line, nothing changed.
    let broken = data.path().join("broken.schedule.xml");
    let text = std::fs::read(shared_data("schedules/36c3.schedule.xml")).expect("read schedule");
    std::fs::write(&broken, &text[..text.len() / 2]).expect("write truncated copy");
    app.choose_file("import-button", PICK_TITLE, &broken)
        .await
        .expect("import opens the file dialog, which takes a path");
    app.click("import-start").await.expect("import starts");
    let kind = app
        .wait_for_text("import-error-kind", |t| !t.is_empty())
        .await
        .expect("the broken file is refused");
    assert_eq!(kind, "syntax", "a truncated XML file is a syntax error");
    let message = app.text("import-error-message").await.expect("message");
    assert!(
        message.contains("broken.schedule.xml"),
        "the message names the file: {message:?}"
    );
    assert_eq!(
        conference_slugs(&app).await,
        after,
        "a failed import changes nothing"
    );

    // Browse what was imported: switch to FOSDEM and list its programme.
    // A fresh import becomes the current conference; switch only if it did not.
    if !app
        .text("conference-title")
        .await
        .expect("title")
        .contains("FOSDEM")
    {
        app.click_where("conference-switch", "data-slug", "fosdem-2026")
            .await
            .expect("switch to FOSDEM");
    }
    app.wait_for_text("conference-title", |t| t.contains("FOSDEM"))
        .await
        .expect("FOSDEM is the current conference");
    app.open_view("programme").await.expect("programme");
    app.wait_for_js("document.querySelectorAll('[data-testid=session-row]').length > 5")
        .await
        .expect("FOSDEM's sessions are listed");
    app.screenshot("programme-fosdem")
        .await
        .expect("screenshot");

    app.quit().await.expect("app quits cleanly");
}
