//! Inline JSON: both list shapes, products, odd values and errors.

use plenary_core::import::{self, ColumnMap};
use plenary_core::model::Format;
use plenary_core::Error;

use super::{json, options};

#[test]
fn json_array_with_products() {
    let parsed = json(
        r#"[
          {"Company": "Unitree", "name_zh": "宇树科技", "booth": "H1-A01; H1-A02",
           "tags": ["Robotics", "Robotics", "AI"], "id": 7, "products": "G1; H1"},
          {"company": "Lonely", "products": ["Widget", {"name": "Gadget", "category": "Tools",
           "description": "Does things", "name_cn": "小工具"}]},
          "not an object",
          {"company": "  ", "booth": 3},
          {"company": "Odd", "booths": [101, null, {"x": 1}], "hall": {"a": 1},
           "contact": "x@example.com"}
        ]"#,
    )
    .expect("parses");
    let names: Vec<&str> = parsed
        .data
        .exhibitors
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Unitree", "Lonely", "Odd"], "entries kept");
    let unitree = &parsed.data.exhibitors[0];
    assert_eq!(
        unitree.other_name.as_deref(),
        Some("宇树科技"),
        "other name"
    );
    assert_eq!(unitree.booths, ["H1-A01", "H1-A02"], "booths split on ;");
    assert_eq!(unitree.categories, ["Robotics", "AI"], "tags deduplicated");
    assert_eq!(unitree.source_id.as_deref(), Some("7"), "numeric id");
    assert_eq!(unitree.key, "id-7", "key");
    let products: Vec<&str> = unitree.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(products, ["G1", "H1"], "products from a string");

    let lonely = &parsed.data.exhibitors[1];
    assert_eq!(lonely.products.len(), 2, "string and object products");
    let gadget = &lonely.products[1];
    assert_eq!(gadget.name, "Gadget", "product name");
    assert_eq!(
        gadget.other_name.as_deref(),
        Some("小工具"),
        "product other name"
    );
    assert_eq!(
        gadget.category.as_deref(),
        Some("Tools"),
        "product category"
    );
    assert_eq!(
        gadget.description.as_deref(),
        Some("Does things"),
        "product text"
    );

    let odd = &parsed.data.exhibitors[2];
    assert_eq!(
        odd.booths,
        ["101"],
        "numeric booth; null and object dropped"
    );
    assert_eq!(odd.hall, None, "object hall ignored");
    let messages: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "keys not read as exhibitor fields: contact",
            "exhibitor entry 3: a string, not an object; skipped",
            "exhibitor entry 4: no exhibitor name; skipped",
            "exhibitor entry 5: `booths` holds an object; that item is ignored",
            "exhibitor entry 5: `hall` is an object, not text; ignored",
        ],
        "warnings"
    );
}

#[test]
fn json_object_with_exhibitors_array_and_column_map() {
    let text = r#"{"event": "Expo", "Exhibitors": [
        {"Aussteller": "Acme", "Stand": ["4.1 A12", "4.1 A14"], "country": "DE",
         "products": [{"title": "Greifer"}, {"category": "no name"}]}
    ]}"#;
    let columns = ColumnMap::parse("name=Aussteller,booths=Stand").expect("valid map");
    let parsed =
        import::parse(text.as_bytes(), &options("expo.json", None, columns)).expect("parses");
    assert_eq!(parsed.format, Format::ExhibitorsJson, "detected");
    assert_eq!(parsed.data.exhibitors.len(), 1, "one exhibitor");
    let acme = &parsed.data.exhibitors[0];
    assert_eq!(acme.name, "Acme", "mapped name");
    assert_eq!(acme.booths, ["4.1 A12", "4.1 A14"], "booth array");
    assert_eq!(acme.country.as_deref(), Some("DE"), "recognised country");
    assert_eq!(acme.products.len(), 1, "nameless product dropped");
    assert_eq!(acme.products[0].name, "Greifer", "product title");
    assert_eq!(
        parsed.warnings.len(),
        1,
        "nameless product warned: {:?}",
        parsed.warnings
    );
}

#[test]
fn json_errors() {
    let err = json("[\n  {\"name\": \"A\"},\n  {\"name\": }\n]").expect_err("syntax");
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert!(err.to_string().starts_with("list.json:3:"), "{err}");
    let err = json("{\"items\": []}").expect_err("no exhibitors key");
    assert!(
        err.to_string()
            .contains("object with an `exhibitors` array"),
        "{err}"
    );
    let err = json("[{\"title\": \"A\"}]").expect_err("no name key");
    assert!(
        err.to_string()
            .contains("no exhibitor name key; keys found: \"title\""),
        "{err}"
    );
}
