//! The UI's settings (kept in the webview's storage) survive a restart.

use plenary_e2e::{enabled, App};

#[tokio::test]
async fn language_survives_restart() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let mut app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");
    let english = app.text("nav-programme").await.expect("nav label");

    app.open_view("settings").await.expect("settings open");
    app.click("setting-language-zh")
        .await
        .expect("choose Chinese");
    let chinese = app
        .wait_for_text("nav-programme", |t| t != english && !t.is_empty())
        .await
        .expect("the sidebar switches language");
    assert!(
        chinese
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "the label is Chinese: {chinese:?}"
    );
    app.screenshot("settings-zh").await.expect("screenshot");

    app.restart().await.expect("app restarts");
    app.testid("app-ready").await.expect("ready after restart");
    let again = app.text("nav-programme").await.expect("nav label");
    assert_eq!(
        again, chinese,
        "the language choice is kept across restarts"
    );

    app.quit().await.expect("app quits cleanly");
}
