//! `plenary plan`, `plenary route` and `plenary venues`, run as a person would.

use crate::{data, str_of, Env};

fn bookmark(env: &Env, key: &str, kind: &str, priority: &str) {
    env.ok(&[
        "bookmark",
        "add",
        key,
        "--type",
        kind,
        "--priority",
        priority,
    ]);
}

#[test]
fn plan_shows_the_choice_the_reasons_and_the_pair_no_one_can_make() {
    let env = Env::new();
    bookmark(&env, "waic-2025-lingxi-x2-demo", "session", "want");
    bookmark(&env, "waic-2025-hinton-dialogue", "session", "must");
    let plan = env.json(&["plan", "--day", "2025-07-26"]);
    assert_eq!(
        plan["chosen"][0]["session"]["key"],
        "waic-2025-hinton-dialogue"
    );
    assert_eq!(plan["left_out"][0]["reason"]["kind"], "too_far");
    assert_eq!(plan["too_far"][0]["walk_minutes"], 18);
    assert_eq!(plan["too_far"][0]["gap_minutes"], 15);
    let text = env.ok(&["plan", "--day", "2025-07-26"]);
    assert!(text.contains("Left out: can't make it from"), "{text}");
    assert!(text.contains("Backup: waic-2025-lingxi-x2-demo"), "{text}");
    let agenda = env.ok(&["agenda"]);
    assert!(agenda.contains("can't make it to or from"), "{agenda}");

    // Changing the plan by hand, then accepting it.
    let swapped = env.json(&[
        "plan",
        "--day",
        "2025-07-26",
        "--put-in",
        "waic-2025-lingxi-x2-demo",
        "--take-out",
        "waic-2025-hinton-dialogue",
    ]);
    assert_eq!(
        swapped["chosen"][0]["session"]["key"],
        "waic-2025-lingxi-x2-demo"
    );
    assert_eq!(swapped["decided"], true);
    let reset = env.json(&["plan", "--day", "2025-07-26", "--reset"]);
    assert_eq!(
        reset["chosen"][0]["session"]["key"],
        "waic-2025-hinton-dialogue"
    );
    assert_eq!(reset["decided"], false);

    let out = env.run(&["plan", "--day", "2025-08-01"]);
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("waic-2025 has no sessions on 2025-08-01"),
        "{error}"
    );
}

#[test]
fn route_orders_six_booths_with_walks_and_a_time_estimate() {
    let env = Env::new();
    for key in [
        "huawei",
        "unitree-robotics",
        "siemens",
        "softbank",
        "sensetime",
        "tesla",
    ] {
        bookmark(&env, key, "exhibitor", "want");
    }
    let route = env.json(&["route"]);
    let stops = route["stops"].as_array().unwrap();
    assert_eq!(stops.len(), 6);
    assert_eq!(route["exact"], true);
    // Each stop's walk is to the nearest minute; the total is the seconds rounded up once.
    let walked: i64 = stops
        .iter()
        .map(|s| s["walk_minutes"].as_i64().unwrap())
        .sum();
    let total = route["walk_minutes"].as_i64().unwrap();
    assert!(
        (total - walked).abs() <= stops.len() as i64,
        "{total} vs {walked}"
    );
    assert_eq!(route["visit_minutes"], 60);
    assert_eq!(route["total_minutes"].as_i64().unwrap(), total + 60);
    let text = env.ok(&["route", "--minutes", "40", "--from", "Main Hall"]);
    assert!(text.contains("From Main Hall:"), "{text}");
    assert!(text.contains("no time left for it"), "{text}");
}

#[test]
fn venues_reads_a_venue_file_and_refuses_a_broken_one() {
    let env = Env::new();
    env.ok(&[
        "import",
        str_of(&data("schedules/fosdem-2026.schedule.xml")),
    ]);
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/fosdem-2026.venues.json"
    );
    let text = env.ok(&["venues", file]);
    assert!(text.contains("It places 37 of 37 rooms"), "{text}");

    let broken = env.path("broken.json");
    let good = std::fs::read_to_string(file).unwrap();
    std::fs::write(&broken, good.replacen("\"width\": 40", "\"width\": 0", 1)).unwrap();
    let out = env.run(&["venues", &broken]);
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.contains("broken.json:"), "{error}");
    assert!(
        error.contains("width and depth must be positive"),
        "{error}"
    );
    // The good map is still the one in use.
    let report = env.json(&["venues"]);
    assert_eq!(report["rooms_placed"], 37);
}

#[test]
fn share_a_link_and_merge_it_into_another_store() {
    let mine = Env::new();
    bookmark(&mine, "waic-2025-hinton-keynote", "session", "must");
    bookmark(&mine, "huawei", "exhibitor", "want");
    let link = mine.ok(&["share", "agenda"]);
    let link = link.trim();
    assert!(
        link.starts_with("plenary://share?v=1&c=waic-2025&d="),
        "{link}"
    );
    let qr = mine.ok(&["share", "booths", "--qr"]);
    assert!(
        qr.contains('▀') || qr.contains('▄'),
        "a QR code is drawn: {qr}"
    );
    let file = mine.path("booths.json");
    mine.ok(&["share", "booths", "-o", &file]);
    let ics = mine.path("day.ics");
    mine.ok(&["share", "day", "--day", "2025-07-26", "--ics", &ics]);
    assert!(std::fs::read_to_string(&ics)
        .unwrap()
        .contains("BEGIN:VEVENT"));

    let theirs = Env::new();
    let report = theirs.json(&["merge", link]);
    assert_eq!(report["added"], 1);
    let report = theirs.json(&["merge", &file]);
    assert_eq!(report["added"], 1);
    let again = theirs.json(&["merge", link]);
    assert_eq!(
        (again["added"].as_u64(), again["kept"].as_u64()),
        (Some(0), Some(1))
    );
    let marks = theirs.json(&["bookmark", "list"]);
    assert_eq!(marks.as_array().unwrap().len(), 2);

    let out = theirs.run(&["merge", "plenary://share?v=1&c=waic-2025&d=%%%"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Plenary share link"));
}
