//! Issue 7's journey on WAIC 2025: two bookmarked sessions in different venues with too little
//! time to walk between them show "can't make it", the day's plan avoids the pair and says why,
//! and six bookmarked booths are routed and drawn on the floor plan.

use plenary_e2e::{enabled, App};

/// 15:30–16:00 on the Exhibition Stage, then 16:15–16:55 in the Main Hall of the other venue.
const DEMO: &str = "waic-2025-lingxi-x2-demo";
const DIALOGUE: &str = "waic-2025-hinton-dialogue";
const SIX: [&str; 6] = [
    "huawei",
    "unitree-robotics",
    "siemens",
    "softbank",
    "sensetime",
    "tesla",
];

/// Opens a page by its deep link and bookmarks what it shows at `priority`.
async fn bookmark_page(app: &App, hash: &str, detail: &str, priority: &str) {
    app.wait_for_js(&format!("(location.hash = '{hash}', true)"))
        .await
        .expect("navigate");
    app.wait_for_js(&format!(
        "document.querySelector('[data-testid={detail}]') && location.hash === '{hash}'"
    ))
    .await
    .unwrap_or_else(|e| panic!("{hash} opens: {e}"));
    app.click(&format!("bookmark-priority-{priority}"))
        .await
        .expect("priority");
    app.wait_for_text("bookmark-status", |t| !t.is_empty())
        .await
        .expect("the bookmark is saved");
}

#[tokio::test]
async fn a_cross_venue_conflict_is_planned_around_and_six_booths_are_routed() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready").await.expect("ready");

    bookmark_page(&app, &format!("#/session/{DEMO}"), "session-detail", "want").await;
    bookmark_page(
        &app,
        &format!("#/session/{DIALOGUE}"),
        "session-detail",
        "must",
    )
    .await;

    app.open_view("agenda").await.expect("agenda");
    let flag = app
        .wait_for_text(&format!("too-far-flag-{DEMO}"), |t| t.contains("18"))
        .await
        .expect("the demo is flagged: can't make it to the dialogue");
    assert!(flag.contains("15"), "the gap is given too: {flag}");

    app.click("plan-day-2025-07-26")
        .await
        .expect("plan this day");
    app.testid(&format!("plan-item-{DIALOGUE}"))
        .await
        .expect("the plan keeps the must");
    let left = app
        .wait_for_text(&format!("plan-left-{DEMO}"), |t| t.contains("18"))
        .await
        .expect("the demo is left out, with the walk");
    assert!(left.contains("15"), "and the gap: {left}");
    app.testid(&format!("too-far-{DEMO}-{DIALOGUE}"))
        .await
        .expect("the pair is listed under can't make it");
    assert!(
        app.all_testid(&format!("plan-item-{DEMO}"))
            .await
            .expect("query")
            .is_empty(),
        "the plan avoids the pair"
    );
    app.click("plan-accept").await.expect("accept");
    app.testid("plan-reset")
        .await
        .expect("an accepted plan can start over");
    app.screenshot("plan-day").await.expect("screenshot");

    // The one-page PDF of the day, through the real save dialog.
    let pdf = data.path().join("day.pdf");
    app.choose_file("plan-pdf", "Save as PDF…", &pdf)
        .await
        .expect("save as PDF, which takes a path");
    app.wait_for_text("plan-status", |t| t.contains("PDF"))
        .await
        .expect("the plan says it is saved");
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    let text = String::from_utf8_lossy(&bytes);
    assert!(bytes.starts_with(b"%PDF-1.4"), "a PDF");
    assert_eq!(text.matches("/Type /Page ").count(), 1, "one page");
    assert!(
        text.contains("On-stage Dialogue with Geoffrey Hinton"),
        "the chosen session is on it"
    );

    // Going to the backup instead swaps the two in one change.
    app.click(&format!("plan-backup-{DIALOGUE}-{DEMO}"))
        .await
        .expect("go to the backup instead");
    app.testid(&format!("plan-item-{DEMO}"))
        .await
        .expect("the demo is in the plan now");
    app.testid(&format!("plan-left-{DIALOGUE}"))
        .await
        .expect("and the dialogue out");

    for key in SIX {
        bookmark_page(
            &app,
            &format!("#/exhibitor/{key}"),
            "exhibitor-detail",
            "want",
        )
        .await;
    }
    app.open_view("route").await.expect("booth route");
    app.wait_for_text("route-summary", |t| t.contains('6'))
        .await
        .expect("six stops");
    for n in 1..=6 {
        app.testid(&format!("route-stop-{n}"))
            .await
            .unwrap_or_else(|e| panic!("stop {n}: {e}"));
        app.testid(&format!("route-marker-{n}"))
            .await
            .unwrap_or_else(|e| panic!("marker {n} on the plan: {e}"));
    }
    let points = app
        .attr("route-path", "points")
        .await
        .expect("the route is drawn")
        .unwrap_or_default();
    assert!(
        points.split_whitespace().count() >= 6,
        "the path passes every stop: {points}"
    );
    app.testid("route-illustrative")
        .await
        .expect("the layout is marked illustrative");
    app.screenshot("booth-route").await.expect("screenshot");

    // Ticking off the first stop takes it off the route.
    let first = app.text("route-stop-1").await.expect("first stop");
    let key = SIX
        .iter()
        .copied()
        .find(|k| {
            let name = k.split('-').next().unwrap_or(k);
            first.to_lowercase().contains(name)
        })
        .expect("the first stop is one of the six");
    app.click(&format!("route-visited-{key}"))
        .await
        .expect("visited");
    app.wait_for_js("!document.querySelector('[data-testid=route-stop-6]')")
        .await
        .expect("five stops are left");
    app.quit().await.expect("quit");
}

/// Sharing My agenda shows a link and its QR code; merging a friend's link adds their
/// bookmark and leaves this one as it was.
#[tokio::test]
async fn an_agenda_is_shared_as_a_link_and_a_friends_link_is_merged() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready").await.expect("ready");
    bookmark_page(
        &app,
        &format!("#/session/{DIALOGUE}"),
        "session-detail",
        "must",
    )
    .await;

    app.open_view("agenda").await.expect("agenda");
    app.click("share-open-agenda").await.expect("share");
    app.testid("share-dialog").await.expect("the dialog opens");
    let link = app
        .wait_for_js(
            "(() => { const i = document.querySelector('[data-testid=share-link]'); \
               return i && i.value.startsWith('plenary://') ? i.value : false; })()",
        )
        .await
        .expect("the link is shown");
    let link = link.as_str().unwrap_or_default().to_string();
    assert!(
        link.starts_with("plenary://share?v=1&c=waic-2025&d="),
        "{link}"
    );
    app.testid("share-qr").await.expect("with its QR code");
    app.screenshot("share-agenda").await.expect("screenshot");
    app.type_into("share-link", "\u{E00C}")
        .await
        .expect("Esc closes");
    app.wait_for_js("!document.querySelector('[data-testid=share-dialog]')")
        .await
        .expect("the dialog closes");

    // A friend's link: the demo (new here) and the dialogue at "maybe" (already here as must).
    let friend = "plenary://share?v=1&c=waic-2025&d=czJsaW5neGkteDItZGVtbwpzM2hpbnRvbi1kaWFsb2d1ZQ";
    app.type_into("merge-link-input", friend)
        .await
        .expect("paste");
    app.click("merge-link-go").await.expect("merge");
    let report = app
        .wait_for_text("merge-report", |t| t.contains('1'))
        .await
        .expect("the report");
    assert!(report.contains("Added 1"), "{report}");
    app.wait_for_js(&format!(
        "!!document.querySelector('[data-testid=too-far-flag-{DEMO}]')"
    ))
    .await
    .expect("the merged demo is in the agenda, flagged as too far from the dialogue");
    let mark = app
        .invoke("bookmarks", serde_json::json!({ "conference": null }))
        .await
        .expect("call")
        .expect("bookmarks");
    let dialogue = mark
        .as_array()
        .and_then(|a| a.iter().find(|b| b["key"] == DIALOGUE).cloned())
        .expect("the dialogue is still bookmarked");
    assert_eq!(dialogue["priority"], "must", "merging never overwrites");
    app.quit().await.expect("quit");
}
