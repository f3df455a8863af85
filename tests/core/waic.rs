//! Integration tests: the built-in WAIC 2025 dataset.
//!
//! Most of these are honesty checks. The dataset mixes facts reported by the press with
//! illustrative filler, and these tests hold it to its own rules: every item is either sourced
//! or marked illustrative, every source URL is one recorded in `shared/data/waic2025/facts.md`,
//! and nothing the sources never published (booths, halls, times) passes as reported.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use plenary_core::dataset::{self, WAIC_2025_FILE, WAIC_2025_JSON, WAIC_2025_SLUG};
use plenary_core::import::{self, ImportOptions};
use plenary_core::model::{ConferenceData, Format, Provenance, Session};
use serde_json::Value;

use crate::common;

fn waic() -> ConferenceData {
    dataset::waic_2025().unwrap_or_else(|e| panic!("the built-in dataset must parse: {e}"))
}

fn facts() -> String {
    let path = common::data_dir().join("waic2025/facts.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, day).unwrap_or_else(|| panic!("no 2025-07-{day}"))
}

/// Every entity of the dataset that carries provenance, as (label, JSON value, provenance).
/// Provenance is flattened into each entity, so it is read back from the entity's own JSON.
fn provenanced(data: &ConferenceData) -> Vec<(String, Value, Provenance)> {
    let json = serde_json::to_value(data).unwrap_or_else(|e| panic!("serialises: {e}"));
    let list = |v: &Value, key: &str| v[key].as_array().cloned().unwrap_or_default();
    let mut items = vec![("conference".to_string(), json["conference"].clone())];
    for kind in ["venues", "rooms", "persons", "sessions", "exhibitors"] {
        for item in list(&json, kind) {
            let label = format!("{kind} {}", item.get("key").unwrap_or(&item["name"]));
            for product in list(&item, "products") {
                items.push((format!("{label} product {}", product["name"]), product));
            }
            items.push((label, item));
        }
    }
    (items.into_iter())
        .map(|(label, value)| {
            let provenance = serde_json::from_value(value.clone())
                .unwrap_or_else(|e| panic!("{label}: provenance: {e}"));
            (label, value, provenance)
        })
        .collect()
}

fn marks(provenance: &Provenance, field: &str) -> bool {
    provenance.is_wholly_illustrative() || provenance.illustrative.iter().any(|f| f == field)
}

fn session<'a>(data: &'a ConferenceData, key: &str) -> &'a Session {
    (data.sessions.iter().find(|s| s.key == key)).unwrap_or_else(|| panic!("no session {key}"))
}

#[test]
fn dataset_parses_with_its_counts() {
    let data = waic();
    let c = &data.conference;
    assert_eq!(c.slug, WAIC_2025_SLUG, "slug");
    assert_eq!(c.acronym.as_deref(), Some("WAIC 2025"), "acronym");
    assert_eq!(
        c.other_title.as_deref(),
        Some("2025世界人工智能大会暨人工智能全球治理高级别会议"),
        "Chinese title"
    );
    assert_eq!(
        c.subtitle.as_deref(),
        Some("Global Solidarity in the AI Era / 智能时代 同球共济"),
        "theme"
    );
    assert_eq!(c.city.as_deref(), Some("Shanghai"), "city");
    assert_eq!(c.time_zone.name(), "Asia/Shanghai", "time zone");
    assert_eq!(data.venues.len(), 3, "venues");
    assert_eq!(data.rooms.len(), 11, "4 exhibition halls + 7 forum rooms");
    assert_eq!(data.tracks.len(), 5, "tracks");
    assert_eq!(data.persons.len(), 12, "persons");
    assert_eq!(data.sessions.len(), 33, "sessions");
    assert_eq!(data.exhibitors.len(), 46, "exhibitors");
    let products: usize = data.exhibitors.iter().map(|e| e.products.len()).sum();
    assert_eq!(products, 13, "products");
    assert_eq!(
        (data.sessions.iter())
            .filter(|s| s.provenance.is_wholly_illustrative())
            .count(),
        22,
        "illustrative sessions (20 forums + 2 overlapping keynotes)"
    );
    assert_eq!(
        (data.exhibitors.iter())
            .filter(|e| e.provenance.is_wholly_illustrative())
            .count(),
        20,
        "illustrative exhibitors"
    );
}

#[test]
fn dataset_is_detected_and_parses_without_warnings() {
    assert_eq!(
        import::detect(WAIC_2025_JSON),
        Some(Format::Plenary),
        "detected as Plenary"
    );
    let parsed = import::parse(
        WAIC_2025_JSON.as_bytes(),
        &ImportOptions::new(WAIC_2025_FILE),
    )
    .unwrap_or_else(|e| panic!("parses undirected: {e}"));
    assert!(
        parsed.warnings.is_empty(),
        "warnings: {:?}",
        parsed.warnings
    );
    assert_eq!(parsed.data, waic(), "detection and the loader agree");
}

#[test]
fn three_days_26_to_28_july_in_shanghai() {
    let data = waic();
    let dates: Vec<_> = data.days.iter().map(|d| (d.index, d.date)).collect();
    assert_eq!(dates, [(1, date(26)), (2, date(27)), (3, date(28))], "days");
    assert_eq!(data.conference.start_date, Some(date(26)), "start date");
    assert_eq!(data.conference.end_date, Some(date(28)), "end date");
}

#[test]
fn sessions_fall_within_26_to_28_july_local_time() {
    let data = waic();
    let zone = data.conference.time_zone;
    for s in &data.sessions {
        let start = zone.localize(s.start);
        let end = zone.localize(s.end);
        assert_eq!(start.date_naive(), s.day, "{}: start is on its day", s.key);
        assert!(
            (date(26)..=date(28)).contains(&s.day),
            "{}: day {}",
            s.key,
            s.day
        );
        assert!(s.end > s.start, "{}: ends after it starts", s.key);
        assert_eq!(end.date_naive(), s.day, "{}: ends on the same day", s.key);
        assert_eq!(
            start.offset().local_minus_utc(),
            8 * 3600,
            "{}: UTC+8",
            s.key
        );
    }
}

#[test]
fn every_item_is_sourced_or_illustrative() {
    let data = waic();
    let items = provenanced(&data);
    // conference + 3 venues + 11 rooms + 12 persons + 33 sessions + 46 exhibitors + 13 products
    assert_eq!(items.len(), 119, "every entity is checked");
    for (label, _, p) in items {
        assert!(
            !p.sources.is_empty() || p.is_wholly_illustrative(),
            "{label}: neither sourced nor marked illustrative as a whole"
        );
        for url in &p.sources {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{label}: source {url:?} is not an http(s) URL"
            );
        }
    }
}

#[test]
fn every_source_url_is_recorded_in_facts() {
    let facts = facts();
    let data = waic();
    let mut used = BTreeSet::new();
    for (label, _, p) in provenanced(&data) {
        for url in &p.sources {
            assert!(
                facts.contains(url.as_str()),
                "{label}: {url} is not in facts.md"
            );
            used.insert(url.clone());
        }
    }
    assert_eq!(used.len(), 24, "distinct source URLs used: {used:#?}");
}

#[test]
fn illustrative_marks_name_fields_that_are_filled() {
    let data = waic();
    for (label, value, p) in provenanced(&data) {
        if p.is_wholly_illustrative() {
            assert_eq!(p.illustrative, ["*"], "{label}: \"*\" stands alone");
            continue;
        }
        for field in &p.illustrative {
            assert!(
                value.get(field).is_some_and(|v| !v.is_null()),
                "{label}: illustrative field {field:?} is not a filled field"
            );
        }
    }
}

#[test]
fn names_not_marked_illustrative_are_in_facts() {
    let facts = facts();
    let data = waic();
    let mut sourced = Vec::new();
    for (label, value, p) in provenanced(&data) {
        if label.starts_with("sessions") || label.contains("product") || marks(&p, "other_name") {
            continue;
        }
        if let Some(other) = value.get("other_name").and_then(Value::as_str) {
            assert!(facts.contains(other), "{label}: {other} is not in facts.md");
            sourced.push(other.to_string());
        }
    }
    assert_eq!(
        sourced,
        ["上海世博中心", "全域链接馆", "沈向洋"],
        "sourced Chinese names"
    );
}

#[test]
fn hinton_keynote_has_its_reported_title_and_source() {
    let data = waic();
    let s = session(&data, "waic-2025-hinton-keynote");
    assert_eq!(
        s.title,
        "Will Digital Intelligence Replace Biological Intelligence?"
    );
    assert_eq!(s.kind.as_deref(), Some("keynote"), "kind");
    assert_eq!(s.day, date(26), "day one");
    assert_eq!(
        s.speakers,
        ["id-geoffrey-hinton"],
        "speaker key after finalize"
    );
    assert!(
        s.provenance
            .sources
            .contains(&"https://eu.36kr.com/en/p/3397425411868809".to_string()),
        "36Kr is the source of the title: {:?}",
        s.provenance.sources
    );
    assert!(!marks(&s.provenance, "title"), "the title is reported");
    assert!(
        marks(&s.provenance, "start") && marks(&s.provenance, "room"),
        "time is not"
    );
    let description = s.description_html.as_deref().unwrap_or_default();
    assert!(
        description.contains("Reported by 36Kr"),
        "attributed: {description}"
    );
}

#[test]
fn speakers_rooms_and_tracks_resolve() {
    let data = waic();
    let persons: BTreeSet<_> = data.persons.iter().map(|p| p.key.as_str()).collect();
    let rooms: BTreeSet<_> = data.rooms.iter().map(|r| r.name.as_str()).collect();
    let tracks: BTreeSet<_> = data.tracks.iter().map(|t| t.name.as_str()).collect();
    for s in &data.sessions {
        for speaker in &s.speakers {
            assert!(
                persons.contains(speaker.as_str()),
                "{}: speaker {speaker}",
                s.key
            );
        }
        let room = s.room.as_deref().unwrap_or_default();
        assert!(rooms.contains(room), "{}: room {room:?} is listed", s.key);
        let track = s.track.as_deref().unwrap_or_default();
        assert!(
            tracks.contains(track),
            "{}: track {track:?} is listed",
            s.key
        );
        assert!(
            s.abstract_html
                .as_deref()
                .is_some_and(|a| a.starts_with("<p>")),
            "{}",
            s.key
        );
        if s.provenance.is_wholly_illustrative() {
            assert!(s.speakers.is_empty(), "{}: no real person in filler", s.key);
        }
    }
    let opening = session(&data, "waic-2025-opening-ceremony");
    assert_eq!(
        opening.speakers.len(),
        4,
        "Li Qiang, Guterres, Bouverot, Kao Kim Hourn"
    );
    for r in &data.rooms {
        assert!(r.venue.is_some(), "room {} has a venue", r.name);
    }
}

#[test]
fn unitree_is_found_as_robotics_in_both_languages() {
    let data = waic();
    let unitree =
        (data.exhibitors.iter().find(|e| e.key == "unitree-robotics")).expect("Unitree is listed");
    assert!(
        unitree
            .other_name
            .as_deref()
            .is_some_and(|n| n.contains("宇树")),
        "Chinese name: {:?}",
        unitree.other_name
    );
    for category in ["Robotics", "机器人", "Humanoid robots", "人形机器人"] {
        assert!(
            unitree.categories.iter().any(|c| c == category),
            "Unitree is {category}"
        );
    }
    assert_eq!(
        unitree.products.len(),
        2,
        "G1 boxing robot and the announced humanoid"
    );
    let robotics = |word: &str| -> BTreeSet<&str> {
        (data.exhibitors.iter())
            .filter(|e| e.categories.iter().any(|c| c == word))
            .map(|e| e.key.as_str())
            .collect()
    };
    assert_eq!(
        robotics("机器人"),
        robotics("Robotics"),
        "both languages find the same firms"
    );
    assert_eq!(
        robotics("Robotics").len(),
        14,
        "robotics exhibitors: 11 reported + 3 filler"
    );
}

#[test]
fn at_least_two_keynotes_overlap_on_26_july() {
    let data = waic();
    let keynotes: Vec<_> = (data.sessions.iter())
        .filter(|s| s.kind.as_deref() == Some("keynote") && s.day == date(26))
        .collect();
    let mut overlapping = Vec::new();
    for (i, a) in keynotes.iter().enumerate() {
        for b in &keynotes[i + 1..] {
            if a.start < b.end && b.start < a.end {
                overlapping.push((a.key.as_str(), b.key.as_str()));
            }
        }
    }
    assert!(
        overlapping.contains(&("waic-2025-hinton-keynote", "waic-2025-industry-keynote")),
        "Hinton's keynote overlaps a parallel keynote: {overlapping:?}"
    );
    assert!(
        overlapping.len() >= 2,
        "overlapping keynote pairs: {overlapping:?}"
    );
}

#[test]
fn booths_and_halls_are_never_passed_off_as_reported() {
    let data = waic();
    let mut sourced_halls = Vec::new();
    for e in &data.exhibitors {
        if !e.booths.is_empty() {
            assert!(
                marks(&e.provenance, "booths"),
                "{}: booths must be illustrative",
                e.key
            );
        }
        if e.hall.is_some() && !marks(&e.provenance, "hall") {
            sourced_halls.push(e.key.as_str());
        }
    }
    // facts.md has no hall for anyone except SoftBank, reported in the 全域链接馆.
    assert_eq!(
        sourced_halls,
        ["softbank"],
        "only SoftBank's hall is reported"
    );
    let halls: BTreeSet<_> = data
        .rooms
        .iter()
        .filter_map(|r| r.hall.as_deref())
        .collect();
    for e in &data.exhibitors {
        let hall = e.hall.as_deref().unwrap_or_default();
        assert!(
            halls.contains(hall),
            "{}: hall {hall:?} is one of the four",
            e.key
        );
    }
    assert_eq!(halls.len(), 4, "four themed halls");
}

#[test]
fn an_empty_store_loads_waic_once() {
    let store = plenary_core::Store::open_in_memory().expect("store");
    let report = store
        .load_default_if_empty()
        .expect("load")
        .expect("loaded into the empty store");
    assert_eq!(report.conference, "waic-2025");
    assert!(report.sessions > 0 && report.exhibitors > 0, "{report:?}");
    assert!(
        store
            .load_default_if_empty()
            .expect("second call")
            .is_none(),
        "loaded only once"
    );
    let hits = store
        .search(&plenary_core::search::SearchQuery {
            text: "机器人".into(),
            ..Default::default()
        })
        .expect("search");
    assert!(
        hits.iter().any(|h| h.label.contains("Unitree")),
        "WAIC searchable in Chinese"
    );
}
