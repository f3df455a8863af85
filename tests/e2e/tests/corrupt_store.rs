//! A damaged store at start: the app sets it aside under a timestamped name (never deleting or
//! overwriting it), starts on a fresh store with what could be recovered, and tells the user,
//! on screen and on stderr, where the old file is. (That bookmarks are read back from a damaged
//! file is core's `recovery` suite; here it is the user's view of it.)

use std::process::Stdio;
use std::time::Duration;

use plenary_e2e::{app_binary, enabled, in_private_session, profile_env, Group, Xvfb};
use tokio::io::{AsyncBufReadExt, BufReader};

const DIALOG_TITLE: &str = "Plenary repaired its data";

#[tokio::test]
async fn corrupt_store_is_set_aside_and_the_user_told() {
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
    let aside: Vec<_> = std::fs::read_dir(data.path())
        .expect("list data dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("plenary.db.corrupt-") && !n.ends_with("-wal"))
        })
        .collect();
    assert_eq!(aside.len(), 1, "one set-aside copy: {aside:?}");
    assert!(
        first.contains("damaged") && first.contains(&aside[0].display().to_string()),
        "stderr says the store was damaged and where it now is: {first:?}"
    );
    assert_eq!(
        std::fs::read(&aside[0]).expect("set-aside file"),
        garbage,
        "the damaged store is kept byte for byte"
    );

    // The user is told on screen; after they close the message the app runs on.
    let window = x
        .wait_for_window(DIALOG_TITLE)
        .await
        .expect("the dialog appears");
    x.grab("corrupt-store-dialog").await.expect("screen grab");
    x.xdotool(&["windowfocus", "--sync", &window, "key", "Return"])
        .await
        .expect("the dialog takes the key press");
    let exited = tokio::time::timeout(Duration::from_secs(3), app.0.wait()).await;
    assert!(
        exited.is_err(),
        "the app keeps running on the fresh store: {exited:?}"
    );
    let fresh = std::fs::read(&db).expect("a fresh store");
    assert!(
        fresh.starts_with(b"SQLite format 3\0"),
        "plenary.db is a new, valid store"
    );
}
