//! Integration tests: venue maps, walking times, "plan my day", "can't make it", "fill the
//! gaps" and the booth route, on the built-in WAIC 2025 and on the real FOSDEM 2026 schedule.

use std::collections::HashSet;

use chrono::NaiveDate;
use plenary_core::dataset::{self, WAIC_2025_SLUG};
use plenary_core::plan::booths::{RouteRequest, Skipped};
use plenary_core::plan::day::Reason;
use plenary_core::plan::walk::{Place, Walker};
use plenary_core::store::{BookmarkChange, BookmarkKind, PlanMark, Priority, SessionFilter};
use plenary_core::Store;

use crate::common::{self, mark};

const FOSDEM_VENUES: &str = include_str!("../../docs/examples/fosdem-2026.venues.json");

fn waic_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    store.load_default_if_empty().unwrap();
    store
}

fn fosdem_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    store
        .import(
            common::parse("schedules/fosdem-2026.schedule.xml"),
            &mut |_| {},
        )
        .unwrap();
    store
}

/// 15:30–16:00 on the Exhibition Stage (Expo Exhibition & Convention Center), then 16:15–16:55
/// in the Main Hall (World Expo Center): 15 minutes for a 15-minute walk between the venues plus
/// the walks inside them.
const DEMO: &str = "waic-2025-lingxi-x2-demo";
const DIALOGUE: &str = "waic-2025-hinton-dialogue";

/// WAIC 2025 with the demo a want and the dialogue after it in the other venue a must.
fn waic_with_the_cross_venue_pair() -> Store {
    let store = waic_store();
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        DEMO,
        Priority::Want,
    );
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        DIALOGUE,
        Priority::Must,
    );
    store
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, d).unwrap()
}

#[test]
fn the_waic_map_places_every_room_and_booth_and_is_marked_illustrative() {
    let store = waic_store();
    let report = store.venue_map_report(None).unwrap();
    assert_eq!((report.rooms_placed, report.rooms), (11, 11), "{report:?}");
    assert_eq!((report.booths_placed, report.booths_listed), (46, 46));
    assert_eq!(report.halls, 4, "the four themed halls");
    let map = store.venue_map(None).unwrap().unwrap();
    let data = dataset::waic_2025().unwrap();
    for venue in &map.venues {
        assert!(
            venue.illustrative,
            "{}: no source gives its layout",
            venue.name
        );
        assert!(
            data.venues.iter().any(|v| v.name == venue.name),
            "{} is a venue of the programme",
            venue.name
        );
        for hall in &venue.halls {
            assert!(
                hall.illustrative,
                "{}: booth positions are made up",
                hall.name
            );
            assert!(data
                .exhibitors
                .iter()
                .any(|e| e.hall.as_deref() == Some(&hall.name)));
        }
    }
    assert!(map.walks.iter().all(|w| w.illustrative));
}

#[test]
fn a_cross_venue_pair_cannot_be_made_and_the_plan_keeps_the_must() {
    let store = waic_with_the_cross_venue_pair();

    let agenda = store.agenda(None).unwrap();
    assert!(agenda.walks_known);
    assert_eq!(agenda.overlap_count, 0, "they do not overlap");
    assert_eq!(agenda.too_far.len(), 1, "{:?}", agenda.too_far);
    let pair = &agenda.too_far[0];
    assert_eq!((&*pair.from, &*pair.to), (DEMO, DIALOGUE));
    assert_eq!((pair.walk_minutes, pair.gap_minutes), (18, 15));
    assert!(pair.illustrative, "the walk rests on illustrative data");
    let items = &agenda.days[0].items;
    assert_eq!(items[0].too_far, [DIALOGUE.into()]);
    assert_eq!(items[1].too_far, [DEMO.into()]);

    let plan = store.plan_day(None, day(26)).unwrap();
    let chosen: Vec<&str> = plan.chosen.iter().map(|i| i.session.key.as_str()).collect();
    assert_eq!(chosen, [DIALOGUE]);
    assert_eq!(plan.chosen[0].backups, [DEMO]);
    assert_eq!(
        plan.chosen[0].reason,
        Reason::ChosenOver {
            keys: vec![DEMO.into()]
        }
    );
    assert_eq!(plan.left_out.len(), 1);
    assert_eq!(
        plan.left_out[0].reason,
        Reason::TooFar {
            key: DIALOGUE.into(),
            priority: Priority::Must,
            walk_minutes: 18,
            gap_minutes: 15
        }
    );
    assert!(
        plan.left_out[0]
            .explanation
            .contains("the walk takes 18 minutes"),
        "{}",
        plan.left_out[0].explanation
    );
    assert_eq!(plan.too_far, agenda.too_far);
}

#[test]
fn a_whole_waic_day_plans_into_sessions_one_can_walk_between() {
    let store = waic_store();
    let sessions = store
        .sessions(&SessionFilter {
            day: Some(day(26)),
            ..SessionFilter::default()
        })
        .unwrap();
    let priorities = [Priority::Must, Priority::Want, Priority::Maybe];
    for (n, s) in sessions.iter().enumerate() {
        mark(
            &store,
            WAIC_2025_SLUG,
            BookmarkKind::Session,
            &s.key,
            priorities[n % 3],
        );
    }
    let plan = store.plan_day(None, day(26)).unwrap();
    assert_eq!(plan.chosen.len() + plan.left_out.len(), sessions.len());
    let layout = store.layout(None).unwrap();
    let walker = layout.walker().unwrap();
    for pair in plan.chosen.windows(2) {
        let (a, b) = (&pair[0].session, &pair[1].session);
        let walk = walker
            .seconds(
                Place::Room(a.room.as_deref().unwrap()),
                Place::Room(b.room.as_deref().unwrap()),
            )
            .unwrap();
        assert!(
            a.end.timestamp() + walk <= b.start.timestamp(),
            "{} then {}: no time for the walk",
            a.key,
            b.key
        );
        assert_eq!(pair[1].walk_minutes, Some((walk + 59) / 60));
    }
    let chosen: HashSet<&str> = plan.chosen.iter().map(|i| i.session.key.as_str()).collect();
    for item in &plan.left_out {
        let winner = match &item.reason {
            Reason::Overlaps { key, .. } | Reason::TooFar { key, .. } => key,
            other => panic!("{}: a left-out reason, not {other:?}", item.session.key),
        };
        assert!(
            chosen.contains(winner.as_str()),
            "{} gives way to a chosen one",
            item.session.key
        );
        assert!(item.backups.is_empty());
    }
    // A backup of a chosen session is a left-out one that clashes with it.
    let left: HashSet<&str> = plan
        .left_out
        .iter()
        .map(|i| i.session.key.as_str())
        .collect();
    for item in &plan.chosen {
        assert!(item.backups.iter().all(|b| left.contains(b.as_str())));
    }
    // Every session is bookmarked, so there is nothing to suggest.
    assert!(plan.suggestions.is_empty());
}

#[test]
fn suggestions_fit_the_free_time_and_say_why() {
    let store = waic_store();
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        "waic-2025-hinton-keynote",
        Priority::Must,
    );
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        "waic-2025-hinton-dialogue",
        Priority::Want,
    );
    let plan = store.plan_day(None, day(26)).unwrap();
    assert!(!plan.suggestions.is_empty());
    let keynote = &plan.chosen[0].session;
    let dialogue = &plan.chosen[1].session;
    for s in &plan.suggestions {
        assert!(!s.because.is_empty(), "{} has a reason", s.session.key);
        assert!(!s.explanation.is_empty());
        let fits_before = s.session.end <= keynote.start;
        let between = s.session.start >= keynote.end && s.session.end <= dialogue.start;
        let after = s.session.start >= dialogue.end;
        assert!(
            fits_before || between || after,
            "{} fits a free stretch",
            s.session.key
        );
        assert_ne!(s.session.key, keynote.key);
    }
    // Hinton's keynote is on "Opening & Plenary": the opening ceremony, before it, shares it.
    let ceremony = plan
        .suggestions
        .iter()
        .find(|s| s.session.key == "waic-2025-opening-ceremony")
        .expect("the opening ceremony is suggested");
    assert!(
        ceremony.explanation.starts_with("On Opening & Plenary"),
        "{}",
        ceremony.explanation
    );
}

#[test]
fn without_a_map_walks_are_unknown_and_nothing_is_too_far() {
    let store = fosdem_store();
    let sessions = store.sessions(&SessionFilter::default()).unwrap();
    for s in sessions.iter().take(40) {
        mark(
            &store,
            "fosdem-2026",
            BookmarkKind::Session,
            &s.key,
            Priority::Want,
        );
    }
    let agenda = store.agenda(None).unwrap();
    assert!(!agenda.walks_known);
    assert!(agenda.too_far.is_empty());
    let plan = store.plan_day(None, sessions[0].day).unwrap();
    assert!(!plan.walks_known);
    let error = store
        .booth_route(&RouteRequest::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("has no venue map"), "{error}");
}

#[test]
fn a_venue_file_gives_fosdem_walks_and_survives_a_reimport() {
    let store = fosdem_store();
    let report = store
        .import_venue_map(None, "fosdem-2026.venues.json", FOSDEM_VENUES)
        .unwrap();
    assert_eq!((report.rooms_placed, report.rooms), (37, 37));
    // Janson to building U is a six-minute walk between entrances, plus the walks inside.
    let layout = store.layout(None).unwrap();
    let walker = layout.walker().unwrap();
    let walk = walker
        .seconds(Place::Room("Janson"), Place::Room("UB2.252A (Lameere)"))
        .unwrap();
    assert!((360..480).contains(&walk), "{walk} s");
    // A new copy of the programme keeps the map: it is keyed by the conference, not by rows.
    store
        .import(
            common::parse("schedules/fosdem-2026.schedule.xml"),
            &mut |_| {},
        )
        .unwrap();
    assert_eq!(store.venue_map_report(None).unwrap(), report);
}

#[test]
fn a_bad_venue_file_is_refused_with_its_place_and_changes_nothing() {
    let store = fosdem_store();
    store
        .import_venue_map(None, "good.json", FOSDEM_VENUES)
        .unwrap();
    let before = store.venue_map(None).unwrap();
    let state = common::store_state(&store);
    let bad = FOSDEM_VENUES.replacen("\"minutes\": 2", "\"minutes\": \"two\"", 1);
    let error = store
        .import_venue_map(None, "bad.json", &bad)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("bad.json:"), "{error}");
    assert!(error.contains("invalid type: string \"two\""), "{error}");
    let wrong = FOSDEM_VENUES.replace(
        "\"conference\": \"fosdem-2026\"",
        "\"conference\": \"nope\"",
    );
    let error = store
        .import_venue_map(None, "wrong.json", &wrong)
        .unwrap_err()
        .to_string();
    assert!(error.contains("no conference \"nope\""), "{error}");
    assert_eq!(store.venue_map(None).unwrap(), before);
    assert_eq!(common::store_state(&store), state);
}

/// Every order of the stops, walked with the same walker: the shortest route by definition,
/// in seconds.
fn shortest(walker: &Walker<'_>, start: Place<'_>, booths: &[String]) -> i64 {
    fn go(walker: &Walker<'_>, at: Place<'_>, left: &mut Vec<String>) -> i64 {
        if left.is_empty() {
            return 0;
        }
        let mut best = i64::MAX;
        for k in 0..left.len() {
            let next = left.remove(k);
            let leg = walker.seconds(at, Place::Booth(&next)).unwrap();
            let rest = go(walker, Place::Booth(&next), left);
            best = best.min(leg + rest);
            left.insert(k, next);
        }
        best
    }
    go(walker, start, &mut booths.to_vec())
}

#[test]
fn six_booths_are_routed_as_short_as_any_order() {
    let store = waic_store();
    let six = [
        "huawei",
        "unitree-robotics",
        "siemens",
        "softbank",
        "sensetime",
        "tesla",
    ];
    for key in six {
        mark(
            &store,
            WAIC_2025_SLUG,
            BookmarkKind::Exhibitor,
            key,
            Priority::Want,
        );
    }
    let route = store.booth_route(&RouteRequest::default()).unwrap();
    assert!(route.exact);
    assert_eq!(route.stops.len(), 6);
    assert_eq!(
        route.stops.iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    assert_eq!(
        route.start,
        "Shanghai World Expo Exhibition & Convention Center entrance"
    );
    let layout = store.layout(None).unwrap();
    let walker = layout.walker().unwrap();
    let booths: Vec<String> = route.stops.iter().map(|s| s.booth.clone()).collect();
    let start = Place::Entrance("Shanghai World Expo Exhibition & Convention Center");
    // The route's seconds add up to the shortest there is, rounded up once.
    assert_eq!(
        route.walk_minutes,
        (shortest(&walker, start, &booths) + 59) / 60
    );
    assert_eq!(route.visit_minutes, 60);
    assert_eq!(route.total_minutes, route.walk_minutes + 60);
    assert!(route.illustrative);
    assert_eq!(
        route.stops[0].arrive_after_minutes,
        route.stops[0].walk_minutes
    );
    for pair in route.stops.windows(2) {
        let gap = pair[1].arrive_after_minutes - pair[0].arrive_after_minutes;
        // Ten minutes at the booth, then the walk (each rounded to the nearest minute).
        assert!((gap - 10 - pair[1].walk_minutes).abs() <= 1, "{pair:?}");
    }
}

#[test]
fn a_route_between_two_sessions_fits_the_time_between_them() {
    let store = waic_store();
    for (key, p) in [
        ("huawei", Priority::Must),
        ("unitree-robotics", Priority::Must),
        ("siemens", Priority::Want),
        ("softbank", Priority::Maybe),
        ("sensetime", Priority::Want),
        ("tesla", Priority::Maybe),
        ("google", Priority::Maybe),
    ] {
        mark(&store, WAIC_2025_SLUG, BookmarkKind::Exhibitor, key, p);
    }
    // The keynote ends at 10:50 in the Main Hall; the dialogue starts at 11:10 in the Main Hall:
    // 20 minutes, not enough for any booth across the way. The high-level meeting at 13:30
    // leaves 160 minutes after the keynote.
    let tight = store
        .booth_route(&RouteRequest {
            after: Some("waic-2025-hinton-keynote".into()),
            before: Some("waic-2025-schmidt-shum-dialogue".into()),
            ..RouteRequest::default()
        })
        .unwrap();
    assert_eq!(tight.window_minutes, Some(20));
    assert!(tight.stops.is_empty(), "{:?}", tight.stops);
    assert_eq!(
        tight
            .left_off
            .iter()
            .filter(|l| l.why == Skipped::NoTime)
            .count(),
        7
    );

    let hour = store
        .booth_route(&RouteRequest {
            after: Some("waic-2025-hinton-keynote".into()),
            minutes: Some(75),
            visit_minutes: Some(10),
            ..RouteRequest::default()
        })
        .unwrap();
    assert!(hour.total_minutes <= 75, "{}", hour.total_minutes);
    assert_eq!(hour.start, "Main Hall");
    // Maybes go first: none is kept while a must or want is dropped.
    let dropped: Vec<Priority> = hour
        .left_off
        .iter()
        .filter(|l| l.why == Skipped::NoTime)
        .map(|l| l.priority)
        .collect();
    let kept_worst = hour.stops.iter().map(|s| s.priority).max().unwrap();
    assert!(
        dropped.iter().all(|&p| p >= kept_worst),
        "{dropped:?} vs {kept_worst:?}"
    );
    assert!(hour.stops.iter().any(|s| s.exhibitor == "huawei"));

    // Five minutes to get to the other venue: no booth fits, and neither does the walk.
    let rushed = store
        .booth_route(&RouteRequest {
            after: Some("waic-2025-hinton-keynote".into()),
            before: Some("waic-2025-lingxi-x2-demo".into()),
            minutes: Some(5),
            ..RouteRequest::default()
        })
        .unwrap();
    assert!(rushed.stops.is_empty());
    assert!(!rushed.fits, "{rushed:?}");
    assert!(rushed.walk_minutes > 5);
    assert!(hour.fits && tight.fits);

    let error = store
        .booth_route(&RouteRequest {
            after: Some("waic-2025-schmidt-shum-dialogue".into()),
            before: Some("waic-2025-hinton-keynote".into()),
            ..RouteRequest::default()
        })
        .unwrap_err()
        .to_string();
    assert!(error.contains("there is no time between them"), "{error}");
}

#[test]
fn visited_booths_are_left_off_unless_asked_for() {
    let store = waic_store();
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Exhibitor,
        "huawei",
        Priority::Want,
    );
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Exhibitor,
        "tesla",
        Priority::Want,
    );
    store
        .set_bookmark(&BookmarkChange {
            conference: WAIC_2025_SLUG.into(),
            kind: Some(BookmarkKind::Exhibitor),
            key: "tesla".into(),
            priority: None,
            note: None,
            visited: Some(true),
            reminder: None,
        })
        .unwrap();
    let route = store.booth_route(&RouteRequest::default()).unwrap();
    assert_eq!(route.stops.len(), 1);
    assert_eq!(route.left_off[0].why, Skipped::Visited);
    let all = store
        .booth_route(&RouteRequest {
            include_visited: true,
            ..RouteRequest::default()
        })
        .unwrap();
    assert_eq!(all.stops.len(), 2);
    assert!(all.stops.iter().any(|s| s.visited));
}

#[test]
fn an_accepted_plan_holds_and_can_be_changed_by_hand() {
    let store = waic_store();
    let keynote = "waic-2025-hinton-keynote";
    let industry = "waic-2025-industry-keynote";
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        keynote,
        Priority::Must,
    );
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        industry,
        Priority::Want,
    );
    let chosen = |plan: &plenary_core::plan::day::DayPlan| -> Vec<String> {
        plan.chosen.iter().map(|i| i.session.key.clone()).collect()
    };
    let plan = store.plan_day(None, day(26)).unwrap();
    assert!(!plan.decided);
    assert_eq!(chosen(&plan), [keynote]);

    let accepted = store.accept_plan(None, day(26)).unwrap();
    assert!(accepted.decided);
    assert_eq!(chosen(&accepted), [keynote]);
    assert_eq!(accepted.chosen[0].mark, Some(PlanMark::In));
    // The left-out one stays undecided, and its reason still names the session it gives way to.
    assert_eq!(accepted.left_out[0].mark, None);
    assert!(
        matches!(&accepted.left_out[0].reason, Reason::Overlaps { key, .. } if key == keynote),
        "{:?}",
        accepted.left_out[0].reason
    );
    assert_eq!(
        accepted.chosen[0].backups,
        [industry],
        "and it is still the backup"
    );
    // A later change of priority does not undo the accepted plan.
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        industry,
        Priority::Must,
    );
    mark(
        &store,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        keynote,
        Priority::Maybe,
    );
    assert_eq!(chosen(&store.plan_day(None, day(26)).unwrap()), [keynote]);

    // Swapping by hand: the industry keynote in, Hinton's out.
    store
        .set_plan_mark(None, industry, Some(PlanMark::In))
        .unwrap();
    store
        .set_plan_mark(None, keynote, Some(PlanMark::Out))
        .unwrap();
    let swapped = store.plan_day(None, day(26)).unwrap();
    assert_eq!(chosen(&swapped), [industry]);
    assert!(swapped.chosen[0]
        .explanation
        .starts_with("You put it in the plan"));
    let agenda = store.agenda(None).unwrap();
    let marks: Vec<Option<PlanMark>> = agenda.days[0].items.iter().map(|i| i.plan).collect();
    assert_eq!(marks, [Some(PlanMark::Out), Some(PlanMark::In)]);
    assert_eq!(
        swapped.left_out[0].reason,
        Reason::TakenOut,
        "taken out by hand"
    );

    // A change naming a session not bookmarked that day changes nothing at all.
    let error = store
        .change_plan(
            None,
            day(26),
            &[
                (keynote.to_string(), None),
                ("waic-2025-closing-ceremony".to_string(), Some(PlanMark::In)),
            ],
        )
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("is not a session bookmarked on 2025-07-26"),
        "{error}"
    );
    assert_eq!(chosen(&store.plan_day(None, day(26)).unwrap()), [industry]);

    // Decisions are the user's: a backup carries them to another store.
    let other = waic_store();
    other.restore(&store.backup().unwrap()).unwrap();
    assert_eq!(chosen(&other.plan_day(None, day(26)).unwrap()), [industry]);

    let error = store.set_plan_mark(None, "waic-2025-opening-ceremony", Some(PlanMark::In));
    assert!(error
        .unwrap_err()
        .to_string()
        .contains("no bookmarked session"));

    // Reset: by priority again (now the industry keynote is the must).
    let reset = store.reset_plan(None, day(26)).unwrap();
    assert!(!reset.decided);
    assert_eq!(chosen(&reset), [industry]);
}

#[test]
fn a_shared_agenda_merges_into_another_store_without_overwriting() {
    use plenary_core::plan::share::{Share, ShareScope};
    let mine = waic_store();
    mark(
        &mine,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        "waic-2025-hinton-keynote",
        Priority::Must,
    );
    mark(
        &mine,
        WAIC_2025_SLUG,
        BookmarkKind::Session,
        "waic-2025-opening-ceremony",
        Priority::Maybe,
    );
    mark(
        &mine,
        WAIC_2025_SLUG,
        BookmarkKind::Exhibitor,
        "huawei",
        Priority::Want,
    );
    let share = mine.share(None, ShareScope::Agenda).unwrap();
    assert_eq!(share.items.len(), 2, "sessions only: {share:?}");

    // A friend has the keynote already, at another priority and with a note of their own.
    let theirs = waic_store();
    theirs
        .set_bookmark(&BookmarkChange {
            conference: WAIC_2025_SLUG.into(),
            kind: Some(BookmarkKind::Session),
            key: "waic-2025-hinton-keynote".into(),
            priority: Some(Priority::Maybe),
            note: Some("if there is time".into()),
            visited: None,
            reminder: None,
        })
        .unwrap();
    // Through the compact link, as a QR code would carry it.
    let link = share.link();
    assert!(
        link.starts_with("plenary://share?v=1&c=waic-2025&d="),
        "{link}"
    );
    assert!(link.len() < 120, "compact: {} characters", link.len());
    let report = theirs
        .import_share(&Share::from_link(&link).unwrap())
        .unwrap();
    assert_eq!((report.added, report.kept), (1, 1));
    assert!(report.unknown.is_empty());
    let marks = theirs.bookmarks(None).unwrap();
    let keynote = marks
        .iter()
        .find(|b| b.key == "waic-2025-hinton-keynote")
        .unwrap();
    assert_eq!(
        (keynote.priority, keynote.note.as_str()),
        (Priority::Maybe, "if there is time")
    );
    let ceremony = marks
        .iter()
        .find(|b| b.key == "waic-2025-opening-ceremony")
        .unwrap();
    assert_eq!(ceremony.priority, Priority::Maybe);

    // The same share as a file, and a booth list.
    let file = serde_json::to_string_pretty(&share).unwrap();
    assert!(!file.contains("if there is time"), "notes are never shared");
    let again = theirs
        .import_share(&Share::from_file("share.json", &file).unwrap())
        .unwrap();
    assert_eq!(
        (again.added, again.kept),
        (0, 2),
        "importing twice adds nothing"
    );
    let booths = mine.share(None, ShareScope::Booths).unwrap();
    assert_eq!(booths.items[0].key, "huawei");
    let qr = booths.qr().unwrap();
    assert_eq!(qr.dark.len(), qr.width * qr.width);
    assert!(qr.width >= 21);
}

#[test]
fn a_day_plan_is_shared_as_its_chosen_sessions_and_as_ics() {
    use plenary_core::plan::share::ShareScope;
    let store = waic_with_the_cross_venue_pair();
    let share = store.share(None, ShareScope::Day(day(26))).unwrap();
    let keys: Vec<&str> = share.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["waic-2025-hinton-dialogue"]);
    let ics = store.plan_ics(None, day(26)).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.contains("On-stage Dialogue with Geoffrey Hinton"));
}

#[test]
fn damaged_or_foreign_shares_are_refused_and_change_nothing() {
    use plenary_core::plan::share::Share;
    let store = waic_store();
    let state = common::store_state(&store);
    for (text, says) in [
        ("https://example.com/share", "should start with"),
        ("plenary://share?v=1&c=waic-2025&d=%%%", "damaged"),
        ("plenary://share?v=1&c=waic-2025&d=eDE", "item 1: kind 'x'"),
        ("plenary://share?v=1&c=waic-2025", "no bookmarks"),
        ("plenary://share?v=1&c=../../etc&d=czFh", "no conference"),
        (
            "plenary://share?v=1&c=waic-2025&d=czFh&x=1",
            "unexpected part",
        ),
    ] {
        let error = Share::from_link(text).unwrap_err().to_string();
        assert!(error.contains(says), "{text}: {error}");
    }
    let error = Share::from_file("s.json", "{\"format\": \"plenary-share/1\", \"conference\": \"waic-2025\", \"items\": [{\"kind\": \"session\"}]}")
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("s.json:1:"), "{error}");
    // A share for a conference this store does not have, and keys its programme lacks.
    let other = Share::from_link("plenary://share?v=1&c=fosdem-2026&d=czFh").unwrap();
    let error = store.import_share(&other).unwrap_err().to_string();
    assert!(error.contains("import its programme first"), "{error}");
    // The same key twice counts once, at its first priority.
    let twice = Share::from_link(
        "plenary://share?v=1&c=waic-2025&d=czNoaW50b24ta2V5bm90ZQpzMWhpbnRvbi1rZXlub3Rl",
    )
    .unwrap();
    let other = waic_store();
    let report = other.import_share(&twice).unwrap();
    assert_eq!((report.added, report.kept), (1, 0));
    assert_eq!(other.bookmarks(None).unwrap()[0].priority, Priority::Maybe);
    let unknown =
        Share::from_link("plenary://share?v=1&c=waic-2025&d=czFub3BlLW5vdC1oZXJl").unwrap();
    let report = store.import_share(&unknown).unwrap();
    assert_eq!(report.added, 0);
    assert_eq!(report.unknown, ["waic-2025-nope-not-here"]);
    assert_eq!(common::store_state(&store), state);
}

#[test]
fn a_new_venue_file_takes_effect_at_once() {
    let store = fosdem_store();
    store
        .import_venue_map(None, "v1.json", FOSDEM_VENUES)
        .unwrap();
    let walk = |store: &Store| {
        let layout = store.layout(None).unwrap();
        let walker = layout.walker().unwrap();
        walker
            .seconds(Place::Room("Janson"), Place::Room("UB2.252A (Lameere)"))
            .unwrap()
    };
    let before = walk(&store);
    let slower = FOSDEM_VENUES.replace("\"minutes\": 6,", "\"minutes\": 16,");
    assert_ne!(
        slower, FOSDEM_VENUES,
        "the example has a 6-minute walk to change"
    );
    store.import_venue_map(None, "v2.json", &slower).unwrap();
    assert_eq!(walk(&store), before + 600, "the cached map is replaced");
}

#[test]
fn every_pair_too_far_to_walk_is_found() {
    // Every session of the conference bookmarked: the agenda's pairs are exactly those a check
    // of every pair finds (the agenda stops looking once a gap outlasts any walk).
    let store = waic_store();
    let sessions = store.sessions(&SessionFilter::default()).unwrap();
    for s in &sessions {
        mark(
            &store,
            WAIC_2025_SLUG,
            BookmarkKind::Session,
            &s.key,
            Priority::Want,
        );
    }
    let agenda = store.agenda(None).unwrap();
    let layout = store.layout(None).unwrap();
    let walker = layout.walker().unwrap();
    let mut expected = Vec::new();
    for day in &agenda.days {
        for (i, a) in day.items.iter().enumerate() {
            for b in &day.items[i + 1..] {
                let (a, b) = (&a.session, &b.session);
                let gap = (b.start - a.end).num_seconds();
                let walk = walker
                    .seconds(
                        Place::Room(a.room.as_deref().unwrap()),
                        Place::Room(b.room.as_deref().unwrap()),
                    )
                    .unwrap();
                if gap >= 0 && walk > gap {
                    expected.push((a.key.clone(), b.key.clone()));
                }
            }
        }
    }
    let found: Vec<(String, String)> = agenda
        .too_far
        .iter()
        .map(|p| (p.from.to_string(), p.to.to_string()))
        .collect();
    assert!(!expected.is_empty(), "WAIC has cross-venue pairs");
    assert_eq!(found, expected);
}

#[test]
fn a_day_plan_prints_as_a_one_page_pdf_with_its_sessions() {
    let store = waic_with_the_cross_venue_pair();
    let pdf = store.plan_pdf(None, day(26)).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.4\n"));
    assert!(pdf.ends_with(b"%%EOF\n"));
    let text = String::from_utf8_lossy(&pdf);
    assert_eq!(text.matches("/Type /Page ").count(), 1, "one page");
    assert!(
        text.contains("(On-stage Dialogue with Geoffrey Hinton  ) Tj"),
        "the chosen session"
    );
    // Its Chinese title, 辛顿对话, in UCS-2 for the CJK font.
    assert!(text.contains("<8F9B987F5BF98BDD>"), "the Chinese title");
    assert!(text.contains("Can't make it"), "the pair is on the page");
    assert!(
        !text.contains("Lingxi X2 on Stage: Robot Crosstalk  "),
        "the left-out demo is not a row"
    );
    assert!(text.contains("illustrative venue layout"));
}
