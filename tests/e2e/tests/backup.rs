//! Backing up bookmarks and notes from Settings through the save dialog, losing one, and
//! getting it back with Restore through the open dialog: the real app, the real dialogs.

use plenary_e2e::{enabled, App};
use serde_json::{json, Value};

const NOTE: &str = "Ask about the humanoid demo 人形机器人";

async fn bookmarks(app: &App) -> Vec<Value> {
    app.invoke("bookmarks", json!({ "conference": null }))
        .await
        .expect("script runs")
        .expect("bookmarks")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn backup_and_restore_from_settings() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    let sessions = app
        .invoke("sessions", json!({ "filter": {} }))
        .await
        .expect("script runs")
        .expect("WAIC 2025 sessions");
    let key = sessions[0]["key"]
        .as_str()
        .expect("a session key")
        .to_string();
    let conference = sessions[0]["conference"]
        .as_str()
        .expect("slug")
        .to_string();
    app.invoke(
        "set_bookmark",
        json!({ "change": { "conference": conference, "key": key, "priority": "must", "note": NOTE } }),
    )
    .await
    .expect("script runs")
    .expect("bookmark a session with a note");

    app.open_view("settings").await.expect("settings open");
    let file = data.path().join("backups/plenary backup.json");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("backups dir");
    app.choose_file("backup-save", "Back up bookmarks and notes", &file)
        .await
        .expect("backup opens the save dialog, which takes a path");
    let said = app
        .wait_for_text("backup-result", |t| t.contains("Saved"))
        .await
        .expect("the backup reports back");
    assert!(
        said.contains("Saved 1 bookmark to"),
        "names the count: {said:?}"
    );
    let written: Value = serde_json::from_slice(
        &std::fs::read(&file).unwrap_or_else(|e| panic!("backup at {}: {e}", file.display())),
    )
    .expect("the backup is JSON");
    assert_eq!(
        written["bookmarks"][0]["note"], NOTE,
        "the note is in the file: {written}"
    );

    // Lose it, then restore it from the file.
    app.invoke(
        "remove_bookmark",
        json!({ "conference": conference, "kind": "session", "key": key }),
    )
    .await
    .expect("script runs")
    .expect("remove the bookmark");
    assert!(bookmarks(&app).await.is_empty(), "the bookmark is gone");
    app.choose_file("backup-restore", "Restore bookmarks and notes", &file)
        .await
        .expect("restore opens the open dialog, which takes a path");
    let said = app
        .wait_for_text("backup-result", |t| t.contains("Read"))
        .await
        .expect("the restore reports back");
    assert!(
        said.contains("Read 1 bookmark: 1 added"),
        "says what was merged: {said:?}"
    );
    let back = bookmarks(&app).await;
    assert_eq!(back.len(), 1, "one bookmark again: {back:?}");
    assert_eq!(back[0]["key"], json!(key), "on the same session");
    assert_eq!(back[0]["note"], json!(NOTE), "with its note");
    assert_eq!(back[0]["priority"], json!("must"), "and its priority");
    assert_eq!(back[0]["orphaned"], json!(false), "attached, not orphaned");
    app.screenshot("settings-backup").await.expect("screenshot");

    app.quit().await.expect("app quits cleanly");
}
