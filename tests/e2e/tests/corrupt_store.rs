//! A damaged store at start: the app says so, on screen and on stderr, naming the file, and
//! quits when the user closes the message. It must neither crash silently nor overwrite it.

use std::process::Stdio;
use std::time::Duration;

use plenary_e2e::{app_binary, enabled, in_private_session, profile_env, Group, Xvfb};
use tokio::io::{AsyncBufReadExt, BufReader};

const DIALOG_TITLE: &str = "Plenary cannot open its data";

#[tokio::test]
async fn corrupt_store_is_reported_and_kept() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let db = data.path().join("plenary.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&db, &garbage).expect("write a damaged store");

    // Started directly, not through WebDriver: the message is a native dialog, not the page.
    let x = Xvfb::start().await.expect("X server");
    let mut app = Group(
        in_private_session(&app_binary())
            .env("DISPLAY", x.display())
            .envs(profile_env(data.path()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("app starts"),
    );

    let stderr = app.0.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    // GTK may warn first; ours is the line that starts with the program's name.
    let ours = async {
        while let Ok(Some(line)) = lines.next_line().await {
            if line.starts_with("plenary:") {
                return line;
            }
        }
        String::new()
    };
    let first = tokio::time::timeout(Duration::from_secs(15), ours)
        .await
        .expect("the app reports within 15 s");
    assert!(
        first.contains("not a database") && first.contains(&db.display().to_string()),
        "stderr names the damaged file and what is wrong: {first:?}"
    );

    // Wait for the dialog, record it, and press its default button.
    let window = x
        .wait_for_window(DIALOG_TITLE)
        .await
        .expect("the dialog appears");
    x.grab("corrupt-store-dialog").await.expect("screen grab");
    x.xdotool(&["windowfocus", "--sync", &window, "key", "Return"])
        .await
        .expect("the dialog takes the key press");

    let status = tokio::time::timeout(Duration::from_secs(15), app.0.wait())
        .await
        .expect("the app quits once the message is closed")
        .expect("exit status");
    assert_eq!(status.code(), Some(1), "the app exits with an error status");
    assert_eq!(
        std::fs::read(&db).expect("store still there"),
        garbage,
        "the damaged store is left untouched for the user to recover"
    );
}
