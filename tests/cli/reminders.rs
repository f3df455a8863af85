//! `plenary reminders` and `bookmark add --remind` on the real binary: a reminder falls due at
//! the same instant whatever the computer's time zone (`TZ`), for a Brussels session on the
//! night summer time ends.

use std::process::Command;

use crate::Env;

/// One session at 02:30 CET on 26 October 2025 (01:30 UTC), after the clocks went back.
const NIGHT: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//plenary test//EN\r\n\
X-WR-CALNAME:Night 2025\r\nX-WR-TIMEZONE:Europe/Brussels\r\n\
BEGIN:VEVENT\r\nUID:night-talk\r\nDTSTAMP:20251001T000000Z\r\n\
DTSTART:20251026T013000Z\r\nDTEND:20251026T023000Z\r\nSUMMARY:After the change\r\n\
LOCATION:Room K\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

fn reminders_in(env: &Env, tz: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["reminders", "--at", "2025-10-25T12:00:00Z", "--json"])
        .env("PLENARY_DATA_DIR", env.dir.path())
        .env("TZ", tz)
        .output()
        .expect("plenary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_reminder_is_due_at_one_instant_in_every_computer_time_zone() {
    let env = Env::new();
    let file = env.path("night.ics");
    std::fs::write(&file, NIGHT).expect("write");
    let report = env.json(&["import", &file]);
    let slug = report["conference"].as_str().expect("slug").to_string();
    let sessions = env.json(&["--conference", &slug, "sessions"]);
    let key = sessions[0]["key"].as_str().expect("key").to_string();
    let mark = env.json(&[
        "--conference",
        &slug,
        "bookmark",
        "add",
        &key,
        "--remind",
        "45m",
    ]);
    assert_eq!(
        mark["reminder"],
        serde_json::json!({"kind": "before", "minutes": 45})
    );

    let utc = reminders_in(&env, "UTC");
    let reminder = &utc["reminders"][0];
    assert_eq!(reminder["remind_at"], "2025-10-26T00:45:00Z", "{utc}");
    assert_eq!(reminder["starts_at"], "2025-10-26T01:30:00Z");
    for tz in [
        "America/New_York",
        "Asia/Tokyo",
        "Europe/Brussels",
        "Pacific/Chatham",
    ] {
        assert_eq!(reminders_in(&env, tz), utc, "TZ={tz}");
    }

    // Off, then the priority's default (want: 10 minutes), then new defaults.
    env.ok(&[
        "--conference",
        &slug,
        "bookmark",
        "add",
        &key,
        "--remind",
        "off",
    ]);
    assert_eq!(
        reminders_in(&env, "UTC")["reminders"],
        serde_json::json!([])
    );
    env.ok(&[
        "--conference",
        &slug,
        "bookmark",
        "add",
        &key,
        "--remind",
        "default",
    ]);
    assert_eq!(
        reminders_in(&env, "UTC")["reminders"][0]["remind_at"],
        "2025-10-26T01:20:00Z"
    );
    env.ok(&["reminders", "--set-defaults", "want=1h"]);
    let listing = reminders_in(&env, "UTC");
    assert_eq!(listing["defaults"]["want"], 60);
    assert_eq!(listing["reminders"][0]["remind_at"], "2025-10-26T00:30:00Z");

    // Bad input is refused with a clear message, and nothing changes.
    let out = env.run(&[
        "--conference",
        &slug,
        "bookmark",
        "add",
        &key,
        "--remind",
        "soon",
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("reminder `soon`"), "{stderr}");
    let human = env.ok(&["reminders", "--at", "2025-10-25T12:00:00Z"]);
    assert!(
        human.contains("2025-10-26 02:30 +02:00  60 min before 02:30"),
        "the listing shows the conference's wall clock on each side of the change: {human}"
    );
}
