//! The first start: an empty data directory, and the app opens on WAIC 2025.

use plenary_e2e::{enabled, App};

#[tokio::test]
async fn first_start_shows_waic_2025() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let mut app = App::start(data.path()).await.expect("app starts");

    app.testid("app-ready")
        .await
        .expect("the app reports ready");
    // The store's summary has no acronym ("WAIC 2025"), so the header shows the full titles.
    let title = app
        .wait_for_text("conference-title", |t| {
            t.contains("2025 World AI Conference") && t.contains("2025世界人工智能大会")
        })
        .await
        .expect("the header names WAIC 2025, in English and Chinese, on first start");
    app.screenshot("first-start").await.expect("screenshot");
    assert!(
        data.path().join("plenary.db").is_file(),
        "the store is created in PLENARY_DATA_DIR, not the user's own data folder"
    );

    app.restart().await.expect("app restarts");
    app.testid("app-ready")
        .await
        .expect("ready again after restart");
    let again = app
        .text("conference-title")
        .await
        .expect("title after restart");
    assert_eq!(
        again, title,
        "the same conference is current after a restart"
    );

    app.quit().await.expect("app quits cleanly");
}
