//! `plenary backup`, `plenary restore`, and what the binary says when its store is damaged.

use crate::Env;

/// A store with the bundled WAIC 2025 programme and two bookmarks with notes.
fn with_bookmarks(env: &Env) -> Vec<String> {
    let sessions = env.json(&["sessions"]);
    let keys: Vec<String> = sessions
        .as_array()
        .expect("array")
        .iter()
        .take(2)
        .map(|s| s["key"].as_str().expect("key").to_string())
        .collect();
    for key in &keys {
        env.ok(&[
            "bookmark",
            "add",
            key,
            "--priority",
            "must",
            "--note",
            &format!("see {key}"),
        ]);
    }
    keys
}

#[test]
fn backup_and_restore_round_trip_through_the_binary() {
    let env = Env::new();
    let keys = with_bookmarks(&env);
    let file = env.path("marks.json");
    let saved = env.json(&["backup", "-o", &file]);
    assert_eq!(saved["bookmarks"], 2, "two saved: {saved}");
    let text = std::fs::read_to_string(&file).expect("backup written");
    assert!(
        text.contains("\"format\": \"plenary-backup\""),
        "tagged: {text}"
    );

    for key in &keys {
        env.ok(&["bookmark", "remove", key]);
    }
    let human = env.ok(&["restore", &file]);
    assert!(
        human.contains("Restored 2 bookmark(s)") && human.contains("2 attached"),
        "{human}"
    );
    let marks = env.json(&["bookmark", "list"]);
    let notes: Vec<&str> = marks
        .as_array()
        .expect("array")
        .iter()
        .map(|m| m["note"].as_str().expect("note"))
        .collect();
    assert_eq!(
        notes,
        [format!("see {}", keys[0]), format!("see {}", keys[1])],
        "notes back"
    );
}

#[test]
fn malformed_backup_is_refused_and_nothing_changes() {
    let env = Env::new();
    with_bookmarks(&env);
    let before = env.json(&["bookmark", "list"]);
    let file = env.path("bad.json");
    std::fs::write(
        &file,
        "{\"format\": \"plenary-backup\", \"version\": 1,\n \"bookmarks\": [{",
    )
    .expect("write");
    let out = env.run(&["restore", &file]);
    assert!(!out.status.success(), "must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("plenary: error: {file}:2:")),
        "names file and line: {stderr}"
    );
    assert_eq!(
        env.json(&["bookmark", "list"]),
        before,
        "bookmarks unchanged"
    );
}

#[test]
fn damaged_store_is_set_aside_with_a_warning_and_bookmarks_kept() {
    let env = Env::new();
    with_bookmarks(&env);
    let db = env.dir.path().join("plenary.db");
    let mut bytes = std::fs::read(&db).expect("store exists");
    bytes[..100].fill(0x42);
    std::fs::write(&db, &bytes).expect("damage the header");

    let out = env.run(&["bookmark", "list", "--json"]);
    assert!(
        out.status.success(),
        "still works: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("plenary: warning: The database") && stderr.contains(".corrupt-"),
        "says what happened and where the file went: {stderr}"
    );
    assert!(stderr.contains("2 bookmark(s) were recovered"), "{stderr}");
    let marks: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        marks.as_array().map(Vec::len),
        Some(2),
        "both bookmarks recovered: {marks}"
    );
    assert!(
        marks
            .as_array()
            .expect("array")
            .iter()
            .all(|m| m["orphaned"] == false),
        "re-attached once the bundled programme loaded again: {marks}"
    );
    let aside: Vec<String> = std::fs::read_dir(env.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .filter(|n| n.starts_with("plenary.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept: {aside:?}");
    let out = env.run(&["conferences"]);
    assert!(
        out.stderr.is_empty(),
        "no warning the second time: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
