//! Integration tests across formats: the same conference published as XML, JSON and iCalendar
//! imports to the same sessions, and our own exports re-import to what was exported.

use std::collections::BTreeMap;

use crate::common::{parse, parse_text};
use plenary_core::export;
use plenary_core::model::ConferenceData;

/// What must survive any format: title, start, end, room, day, and speaker names.
type Fingerprint = (String, String, String, Option<String>, String, Vec<String>);

fn fingerprints(data: &ConferenceData) -> BTreeMap<String, Fingerprint> {
    let names: BTreeMap<&str, &str> = data
        .persons
        .iter()
        .map(|p| (p.key.as_str(), p.name.as_str()))
        .collect();
    data.sessions
        .iter()
        .map(|s| {
            let speakers = s
                .speakers
                .iter()
                .map(|k| names.get(k.as_str()).copied().unwrap_or("?").to_string())
                .collect();
            let id = s
                .guid
                .clone()
                .or_else(|| s.source_id.clone())
                .unwrap_or_else(|| s.key.clone());
            (
                id,
                (
                    s.title.clone(),
                    s.start.to_rfc3339(),
                    s.end.to_rfc3339(),
                    s.room.clone(),
                    s.day.to_string(),
                    speakers,
                ),
            )
        })
        .collect()
}

#[test]
fn ccc_36c3_xml_and_json_hold_the_same_162_events() {
    let xml = fingerprints(&parse("schedules/36c3.schedule.xml").data);
    let json = fingerprints(&parse("schedules/36c3.schedule.json").data);
    assert_eq!(xml.len(), 162, "XML events");
    assert_eq!(json.len(), 162, "JSON events");
    for (guid, x) in &xml {
        assert_eq!(
            json.get(guid),
            Some(x),
            "event {guid} differs between XML and JSON"
        );
    }
}

#[test]
fn good_2025_xml_and_json_hold_the_same_72_events() {
    let xml = parse("schedules/good-2025.pretalx.schedule.xml").data;
    let json = parse("schedules/good-2025.pretalx.schedule.json").data;
    let (x, j) = (fingerprints(&xml), fingerprints(&json));
    assert_eq!((x.len(), j.len()), (72, 72), "event counts");
    for (guid, value) in &x {
        assert_eq!(
            j.get(guid),
            Some(value),
            "event {guid} differs between XML and JSON"
        );
    }
    assert_eq!(
        xml.conference.time_zone, json.conference.time_zone,
        "same zone"
    );
    let xml_people: Vec<_> = xml
        .persons
        .iter()
        .map(|p| (&p.name, &p.affiliation))
        .collect();
    let json_people: Vec<_> = json
        .persons
        .iter()
        .map(|p| (&p.name, &p.affiliation))
        .collect();
    assert_eq!(
        xml_people, json_people,
        "names and bracketed affiliations read the same way"
    );
}

/// Exports `data` as frab XML and JSON and checks each re-imports to the same sessions.
fn round_trip(name: &str) {
    let original = parse(name).data;
    let expected = fingerprints(&original);
    let xml = export::frab_xml::write(&original);
    let from_xml = parse_text("export.xml", &xml).unwrap_or_else(|e| panic!("{name} as XML: {e}"));
    assert_eq!(
        fingerprints(&from_xml.data)
            .into_values()
            .collect::<Vec<_>>()
            .len(),
        expected.len(),
        "{name}: XML count"
    );
    let json = export::frab_json::write(&original).to_string();
    let from_json =
        parse_text("export.json", &json).unwrap_or_else(|e| panic!("{name} as JSON: {e}"));
    for (label, again) in [("XML", from_xml.data), ("JSON", from_json.data)] {
        let mut got: Vec<_> = fingerprints(&again).into_values().collect();
        let mut want: Vec<_> = expected.values().cloned().collect();
        got.sort();
        want.sort();
        assert_eq!(
            got.len(),
            want.len(),
            "{name}: {label} round trip keeps every session"
        );
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{name}: {label} round trip changed a session");
        }
    }
}

#[test]
fn fosdem_round_trips_through_our_exports() {
    round_trip("schedules/fosdem-2026.schedule.xml");
}

#[test]
fn ccc_38c3_round_trips_through_our_exports() {
    round_trip("schedules/38c3.schedule.xml");
}

#[test]
fn ccc_36c3_json_round_trips_through_our_exports() {
    round_trip("schedules/36c3.schedule.json");
}

#[test]
fn pretalx_good_2025_round_trips_through_our_exports() {
    round_trip("schedules/good-2025.pretalx.schedule.xml");
}
