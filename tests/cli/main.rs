//! The `plenary` binary, run as a person would: real files in, text and JSON out, errors on
//! stderr with a non-zero exit.

// A test binary: panicking on a broken fixture is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod crash;
mod plan;
mod reliability;
mod reminders;
#[path = "../core/server.rs"]
mod server;
mod subscribe;

fn data(relative: &str) -> PathBuf {
    let dir = match std::env::var_os("PLENARY_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    dir.join(relative)
}

/// A private data directory for one test.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_plenary"))
            .args(args)
            .env("PLENARY_DATA_DIR", self.dir.path())
            .env_remove("PLENARY_SHARED_DATA")
            .output()
            .expect("plenary runs")
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "plenary {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("plenary {args:?}: not JSON ({e}): {text}"))
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

fn str_of(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn first_use_loads_waic_2025() {
    let env = Env::new();
    let conferences = env.json(&["conferences"]);
    let list = conferences.as_array().expect("array");
    assert_eq!(
        list.len(),
        1,
        "exactly the default conference: {conferences}"
    );
    assert_eq!(list[0]["slug"], "waic-2025");
    assert_eq!(list[0]["time_zone"], "Asia/Shanghai");
}

#[test]
fn import_fosdem_and_list_sessions_as_json() {
    let env = Env::new();
    let file = data("schedules/fosdem-2026.schedule.xml");
    let report = env.json(&["import", str_of(&file)]);
    assert_eq!(report["sessions"], 1079, "FOSDEM event count: {report}");
    assert_eq!(report["conference"], "fosdem-2026");
    let sessions = env.json(&[
        "sessions",
        "--conference",
        "fosdem-2026",
        "--day",
        "2026-01-31",
    ]);
    let list = sessions.as_array().expect("array");
    assert!(!list.is_empty(), "sessions on the first day");
    let s = &list[0];
    for field in [
        "key",
        "id",
        "guid",
        "title",
        "start",
        "end",
        "room",
        "track",
        "speakers",
        "conference",
    ] {
        assert!(s.get(field).is_some(), "session JSON has `{field}`: {s}");
    }
    let start = s["start"].as_str().expect("start is text");
    assert!(
        start.ends_with("+01:00"),
        "RFC 3339 with Brussels offset: {start}"
    );
    assert!(s["speakers"].is_array(), "speakers are names");
}

#[test]
fn search_finds_robotics_in_chinese_and_english() {
    let env = Env::new();
    for query in ["机器人", "robot"] {
        let hits = env.json(&["search", query, "--kind", "exhibitors"]);
        let labels: Vec<&str> = hits
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|h| h["label"].as_str())
            .collect();
        assert!(
            labels.iter().any(|l| l.contains("Unitree")),
            "{query} finds Unitree: {labels:?}"
        );
    }
}

#[test]
fn bookmarks_agenda_and_ics_export() {
    let env = Env::new();
    let keynotes = env.json(&["sessions", "--kind", "keynote"]);
    let keys: Vec<String> = keynotes
        .as_array()
        .expect("array")
        .iter()
        .map(|s| s["key"].as_str().expect("key").to_string())
        .collect();
    assert!(keys.len() >= 2, "WAIC has keynotes: {keys:?}");
    for key in &keys {
        env.ok(&["bookmark", "add", key, "--priority", "must"]);
    }
    let marks = env.json(&["bookmark", "list"]);
    assert_eq!(
        marks.as_array().expect("array").len(),
        keys.len(),
        "every keynote bookmarked"
    );
    let agenda = env.json(&["agenda"]);
    assert!(
        agenda["overlap_count"].as_u64().expect("count") >= 1,
        "two WAIC keynotes overlap: {agenda}"
    );

    let ics = env.path("agenda.ics");
    env.ok(&["export", "ics", "-o", &ics]);
    let text = std::fs::read_to_string(&ics).expect("ics written");
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        keys.len(),
        "one event per bookmark"
    );
    assert!(text.contains("\r\n"), "CRLF line endings");

    env.ok(&["bookmark", "remove", &keys[0]]);
    assert_eq!(
        env.json(&["bookmark", "list"])
            .as_array()
            .expect("array")
            .len(),
        keys.len() - 1
    );
}

#[test]
fn malformed_file_is_refused_with_location_and_nothing_changes() {
    let env = Env::new();
    let before = env.json(&["conferences"]);
    let bad = env.path("broken.xml");
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<schedule>\n  <conference>\n    <title>Broken</title>\n",
    )
    .expect("write");
    let out = env.run(&["import", &bad]);
    assert!(!out.status.success(), "must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("plenary: error: {bad}:")),
        "names the file: {stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(env.json(&["conferences"]), before, "store unchanged");
}

#[test]
fn size_cap_can_be_overridden() {
    let env = Env::new();
    let file = data("schedules/36c3.schedule.xml");
    let out = env.run(&["import", str_of(&file), "--max-size", "10K"]);
    assert!(!out.status.success(), "over the cap");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("over the 10240-byte import limit"),
        "{stderr}"
    );
    env.ok(&["import", str_of(&file), "--max-size", "10M"]);
}

#[test]
fn exhibitor_list_needs_and_creates_a_conference() {
    let env = Env::new();
    let file = data("exhibitors/ces-2026.exhibitors-iot.csv");
    let out = env.run(&["import", str_of(&file)]);
    assert!(!out.status.success(), "no conference named");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--conference"),
        "says what is missing"
    );
    let report = env.json(&["import", str_of(&file), "--conference", "ces-2026"]);
    assert_eq!(report["exhibitors"], 660);
    assert_eq!(
        report["title"], "ces-2026",
        "a new conference is named after its slug"
    );
    let halls = env.json(&["exhibitors", "--conference", "ces-2026", "--hall", "NN"]);
    assert_eq!(
        halls.as_array().expect("array").len(),
        76,
        "hall filter (75 rows + one \"NN; NN\")"
    );
}

#[test]
fn unknown_commands_and_missing_files_fail_cleanly() {
    let env = Env::new();
    let out = env.run(&["import", "/no/such/file.xml"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/no/such/file.xml"),
        "names the file"
    );
    let out = env.run(&["session", "no-such-key"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session \"no-such-key\""));
}

/// `plenary import` reads the file while the store opens; a store that cannot open is still
/// the error reported, as when it was opened first, and a good store then reports the file.
#[test]
fn import_reports_a_store_that_cannot_open_before_the_file() {
    let env = Env::new();
    let not_a_folder = env.path("plain-file");
    std::fs::write(&not_a_folder, "").expect("write");
    let store = format!("{not_a_folder}/plenary.db");
    let out = env.run(&["--db", &store, "import", "/no/such/file.xml"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&not_a_folder),
        "names the store's folder: {stderr}"
    );
    assert!(
        !stderr.contains("/no/such/file.xml"),
        "not the file: {stderr}"
    );
    let out = env.run(&["--db", &env.path("good.db"), "import", "/no/such/file.xml"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/no/such/file.xml"),
        "names the file: {stderr}"
    );
}
