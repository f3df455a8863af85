//! The remaining journeys on WAIC 2025: "robot" finds Unitree and it is bookmarked; two
//! overlapping keynotes are flagged in My agenda; switching the time zone changes the times.

use plenary_e2e::{enabled, App};

/// Hinton's keynote (10:20–10:50) and the parallel industry keynote (10:30–11:00) overlap.
const HINTON: &str = "waic-2025-hinton-keynote";
const INDUSTRY: &str = "waic-2025-industry-keynote";

/// Opens a session's page by its deep link, as a link from elsewhere in the app does.
async fn open_session(app: &App, key: &str) {
    app.wait_for_js(&format!("(location.hash = '#/session/{key}', true)"))
        .await
        .expect("navigate");
    app.wait_for_js(&format!(
        "document.querySelector('[data-testid=session-detail]') && location.hash.endsWith('{key}')"
    ))
    .await
    .unwrap_or_else(|e| panic!("session {key} opens: {e}"));
}

async fn bookmark_open_session(app: &App) {
    app.click("bookmark-priority-must")
        .await
        .expect("priority must");
    app.wait_for_text("bookmark-status", |t| !t.is_empty())
        .await
        .expect("the bookmark is saved");
}

#[tokio::test]
async fn robot_finds_unitree_and_it_is_bookmarked() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready").await.expect("ready");

    for query in ["机器人", "robot"] {
        app.click("search-button").await.expect("search opens");
        let input = app.testid("search-input").await.expect("search box");
        input.clear().await.expect("the box starts empty");
        input.send_keys(query).await.expect("typing");
        // Results re-render on every keystroke: look only once the whole query is in the box,
        // and act on the row in the same step so a re-render cannot slip in between.
        let act = if query == "robot" { "hit.click();" } else { "" };
        app.wait_for_js(&format!(
            "(() => {{ const input = document.querySelector('[data-testid=search-input]'); \
               const hit = document.querySelector('[data-testid=search-result][data-entity=exhibitor][data-key=unitree-robotics]'); \
               if (!input || !input.value.includes('{query}') || !hit) return false; {act} return true; }})()"
        ))
        .await
        .unwrap_or_else(|e| panic!("{query:?} lists Unitree among the exhibitors: {e}"));
        if query != "robot" {
            app.type_into("search-input", "\u{E00C}")
                .await
                .expect("Esc closes");
            app.wait_for_js("!document.querySelector('[data-testid=search-dialog]')")
                .await
                .expect("the dialog closes");
        }
    }
    let name = app
        .wait_for_text("exhibitor-detail", |t| t.contains("Unitree"))
        .await
        .expect("Unitree's page");
    assert!(
        name.contains("宇树"),
        "the Chinese name is shown: {name:.200}"
    );
    bookmark_open_session(&app).await;

    app.open_view("agenda").await.expect("agenda");
    let to_visit = app
        .wait_for_text("agenda-exhibitors", |t| t.contains("Unitree"))
        .await
        .expect("Unitree is among the exhibitors to visit");
    assert!(to_visit.contains("Unitree"), "{to_visit}");
    app.quit().await.expect("quit");
}

#[tokio::test]
async fn overlapping_keynotes_are_flagged_in_my_agenda() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready").await.expect("ready");
    for key in [HINTON, INDUSTRY] {
        open_session(&app, key).await;
        bookmark_open_session(&app).await;
    }
    app.open_view("agenda").await.expect("agenda");
    app.wait_for_js("document.querySelectorAll('[data-testid=overlap-flag]').length >= 2")
        .await
        .expect("both keynotes carry an overlap flag");
    let count = app
        .text("agenda-overlap-count")
        .await
        .expect("overlap count");
    assert!(count.contains('1'), "one overlapping pair: {count}");
    app.screenshot("agenda-overlap").await.expect("screenshot");
    app.quit().await.expect("quit");
}

#[tokio::test]
async fn switching_the_time_zone_changes_the_times() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready").await.expect("ready");
    open_session(&app, HINTON).await;
    let conference_time = app.text("time").await.expect("time shown");
    assert!(
        conference_time.contains("10:20"),
        "conference (Shanghai) time: {conference_time}"
    );

    app.open_view("settings").await.expect("settings");
    app.click("setting-time-local")
        .await
        .expect("this computer's time");
    open_session(&app, HINTON).await;
    let local = app
        .wait_for_text("time", |t| !t.contains("10:20"))
        .await
        .expect("times follow this computer's zone (the test machine is not on UTC+8)");
    let label = app.text("zone-label").await.expect("zone label");
    assert_ne!(local, conference_time, "the time changed");
    assert!(
        !label.contains("Shanghai"),
        "the label names this computer's zone: {label}"
    );
    app.quit().await.expect("quit");
}
