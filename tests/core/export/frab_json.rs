//! frab JSON export: valid against the c3voc Draft 6 schema (checked with the `jsonschema`
//! crate, formats included), with the same identifiers as the XML export.

use plenary_core::export::frab_json;
use serde_json::{json, Value};

use super::{derived_session_guid, hostile, sample, NIGHT_GUID};
use crate::common::data_dir;

/// The XSD's UUID pattern, `[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}`.
fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Every schema violation in `doc`, as `path: message`.
fn schema_errors(doc: &Value) -> Vec<String> {
    let path = data_dir().join("spec/schedule.json.schema.json");
    let text = std::fs::read(&path).expect("read the JSON schema");
    let schema: Value = serde_json::from_slice(&text).expect("schema is JSON");
    let validator = jsonschema::draft6::options()
        .should_validate_formats(true)
        // Draft 6 has no `uuid` format, so validators skip it; the schema plainly means it.
        .with_format("uuid", is_uuid)
        .build(&schema)
        .expect("schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The event at `day`/`room`/`index`, mutable, for mangling.
fn event_mut<'a>(doc: &'a mut Value, day: usize, room: &str, index: usize) -> &'a mut Value {
    &mut doc["schedule"]["conference"]["days"][day]["rooms"][room][index]
}

#[test]
fn frab_json_validates_against_the_schema() {
    let doc = frab_json::write(&sample());
    let errors = schema_errors(&doc);
    assert!(
        errors.is_empty(),
        "{} schema errors:\n{}\n{doc:#}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn frab_json_validation_catches_mangled_fields() {
    let night = "/schedule/conference/days/0/rooms/Main Hall/0";
    type Mangle = fn(&mut Value);
    let cases: [(&str, Mangle, String); 5] = [
        (
            "guid",
            |d| event_mut(d, 0, "Main Hall", 0)["guid"] = json!("not-a-uuid"),
            format!("{night}/guid"),
        ),
        (
            "slug",
            |d| event_mut(d, 0, "Main Hall", 0)["slug"] = json!("SFKNTZ-night"),
            format!("{night}/slug"),
        ),
        (
            "url",
            |d| event_mut(d, 0, "Main Hall", 0)["url"] = json!("/relative/path"),
            format!("{night}/url"),
        ),
        (
            "required persons",
            |d| {
                let event = event_mut(d, 0, "Main Hall", 0);
                event.as_object_mut().expect("object").remove("persons");
            },
            night.to_string(),
        ),
        (
            "acronym",
            |d| d["schedule"]["conference"]["acronym"] = json!("PTC-2025"),
            "/schedule/conference/acronym".to_string(),
        ),
    ];
    for (what, mangle, path) in cases {
        let mut doc = frab_json::write(&sample());
        mangle(&mut doc);
        let errors = schema_errors(&doc);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}: "))),
            "mangled {what} must fail at {path}; got {errors:?}"
        );
    }
}

#[test]
fn frab_json_has_the_xml_identifiers_and_shapes() {
    let doc = frab_json::write(&sample());
    assert_eq!(doc["$schema"], "https://c3voc.de/schedule/schema.json");
    let conf = &doc["schedule"]["conference"];
    assert_eq!(conf["acronym"], "ptc_2025");
    assert_eq!(conf["daysCount"], 2);
    assert_eq!(
        (&conf["start"], &conf["end"]),
        (&json!("2025-07-26"), &json!("2025-07-27"))
    );
    assert_eq!(conf["time_zone_name"], "Asia/Shanghai");
    assert_eq!(doc["schedule"]["base_url"], "https://example.org/ptc/");
    let rooms: Vec<&str> = conf["rooms"]
        .as_array()
        .expect("rooms")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(rooms, vec!["Main Hall", "Room B 会议室"], "room order");
    assert_eq!(
        conf["tracks"][1],
        json!({ "name": "Robotics" }),
        "a slug or colour the schema would reject is left out"
    );

    let days = conf["days"].as_array().expect("days");
    assert_eq!(days.len(), 2);
    assert_eq!(days[0]["day_start"], "2025-07-26T09:00:00+08:00");
    assert_eq!(days[1]["day_end"], "2025-07-27T16:30:00+08:00");
    let night = &days[0]["rooms"]["Main Hall"][0];
    assert_eq!(night["id"], 4711);
    assert_eq!(night["guid"], NIGHT_GUID.to_ascii_lowercase());
    assert_eq!(night["date"], "2025-07-26T22:30:00+08:00");
    assert_eq!(
        night["end"], "2025-07-27T01:30:00+08:00",
        "ends after midnight"
    );
    assert_eq!(
        (&night["start"], &night["duration"]),
        (&json!("22:30"), &json!("03:00"))
    );
    assert_eq!(
        night["links"],
        json!([{ "url": "https://example.org/slides.pdf", "title": "Slides" }]),
        "the relative link, which the schema's uri format rejects, is left out"
    );
    assert_eq!(
        night["persons"][0],
        json!({
            "guid": night["persons"][0]["guid"],
            "name": "Ada Lovelace",
            "public_name": "Ada Lovelace",
            "biography": null,
        }),
        "pretalx-shaped person, no integer id"
    );

    let room_b = days[1]["rooms"]["Room B 会议室"]
        .as_array()
        .expect("room B");
    let ids: Vec<&Value> = room_b.iter().map(|e| &e["id"]).collect();
    assert_eq!(ids, vec![&json!(4712), &json!(4713)], "same ids as the XML");
    assert_eq!(room_b[0]["guid"], derived_session_guid("id-abc"));
    assert_eq!(
        room_b[0]["title"], "Q&A: <Rust> & Safety",
        "JSON needs no escaping"
    );
    assert_eq!(
        room_b[1]["slug"],
        "ptc_2025-4713-the-future-of-ai-and-robots"
    );
    let ada = &night["persons"][0]["guid"];
    assert!(ada.is_string(), "persons carry a guid");
    assert_eq!(
        (
            &room_b[0]["persons"][0]["guid"],
            &room_b[1]["persons"][1]["guid"]
        ),
        (ada, ada),
        "a person shared by three sessions has one guid"
    );
    let closing = &days[1]["rooms"]["Main Hall"][0];
    assert_eq!(
        closing["url"],
        format!("urn:uuid:{}", derived_session_guid("id-12")),
        "a session without a URL gets its guid as a URN"
    );
    assert_eq!(
        (
            &closing["track"],
            &closing["abstract"],
            &closing["do_not_record"]
        ),
        (&Value::Null, &Value::Null, &json!(true))
    );
}

#[test]
fn frab_json_stays_valid_with_hostile_input() {
    let doc = frab_json::write(&hostile());
    let errors = schema_errors(&doc);
    assert!(
        errors.is_empty(),
        "{} schema errors:\n{}\n{doc:#}",
        errors.len(),
        errors.join("\n")
    );
    let text = doc.to_string();
    assert!(
        !text.contains("javascript:"),
        "no javascript: URL passed on"
    );
    assert!(!text.contains("data:text"), "no data: link passed on");
    assert!(
        doc["schedule"]["conference"]
            .get("time_zone_name")
            .is_none(),
        "a fixed offset has no IANA name"
    );
}
