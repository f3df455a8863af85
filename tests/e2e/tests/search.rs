//! Searching in Chinese from the keyboard and opening what was found.

use plenary_e2e::{enabled, App};

/// WebDriver's code for the Enter key.
const ENTER: &str = "\u{E007}";

#[tokio::test]
async fn chinese_search_finds_and_opens_a_hit() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    app.click("search-button").await.expect("search opens");
    app.type_into("search-input", "机器人")
        .await
        .expect("typing Chinese works");
    let label = app
        .wait_for_text("search-label", |t| t.contains("机器人"))
        .await
        .expect("a hit for 机器人 is listed with the term in its label");
    let hits = app.all_testid("search-result").await.expect("results");
    assert!(!hits.is_empty(), "search lists results for 机器人");
    app.screenshot("search-jiqiren").await.expect("screenshot");

    app.type_into("search-input", ENTER)
        .await
        .expect("Enter opens the first hit");
    app.wait_for_js(
        "!document.querySelector('[data-testid=search-dialog]') && \
         !!document.querySelector('[data-testid=session-detail],[data-testid=exhibitor-detail],\
         [data-testid=speaker-detail]')",
    )
    .await
    .unwrap_or_else(|e| panic!("the dialog closes and the hit {label:?} opens: {e}"));

    // Two characters are below the trigram index's reach; they must still find something.
    app.click("search-button")
        .await
        .expect("search opens again");
    app.type_into("search-input", "智能").await.expect("typing");
    app.wait_for_text("search-label", |t| t.contains("智能"))
        .await
        .expect("a two-character Chinese query finds hits");

    app.quit().await.expect("app quits cleanly");
}
