//! Exhibitor lists as JSON: `[{...}, ...]` or `{"exhibitors": [{...}, ...]}`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::columns::{self, normalise, Field};
use super::{apply_list, apply_text, ColumnMap};
use crate::error::{Error, Result};
use crate::import::{json_error, Source};
use crate::model::{ConferenceData, Exhibitor, Product, Warning};
use crate::text::{clean, non_blank};

/// Parses an exhibitor JSON list. Keys are recognised like CSV columns, and the column map
/// applies to them. Values may be strings, numbers or arrays; products may also be objects with
/// `name`, `other_name`, `category` and `description`.
///
/// serde_json's tree keeps no positions, so warnings name the entry (1-based) instead of a line.
pub fn parse_json(
    source: &Source<'_>,
    map: &ColumnMap,
    warnings: &mut Vec<Warning>,
) -> Result<ConferenceData> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(source.text);
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(source, &e))?;
    let entries = entries(source, value)?;

    let mut keys: Vec<String> = Vec::new();
    for entry in &entries {
        if let Value::Object(object) = entry {
            for key in object.keys() {
                if !keys.contains(key) {
                    keys.push(key.clone());
                }
            }
        }
    }
    let mut columns = columns::resolve(source, &keys, map, "key")?;
    // Unlike a CSV header, keys are per object, so one list may name a field differently from
    // entry to entry ("Company", "company", "booth", "booths"). Other spellings of a chosen key
    // feed its field, and so do other recognised names, except for fields the map names.
    let mapped: Vec<Field> = map.fields()?.into_iter().map(|(f, _)| f).collect();
    let normalised: Vec<String> = keys.iter().map(|k| normalise(k)).collect();
    for i in 0..keys.len() {
        if columns.fields[i].is_none() {
            columns.fields[i] = (0..keys.len())
                .find(|&j| columns.fields[j].is_some() && normalised[j] == normalised[i])
                .and_then(|j| columns.fields[j])
                .or_else(|| columns::recognise(&keys[i]).filter(|f| !mapped.contains(f)));
        }
    }
    columns.ignored.retain(|key| {
        !keys
            .iter()
            .zip(&columns.fields)
            .any(|(k, f)| k == key && f.is_some())
    });
    if !columns.ignored.is_empty() {
        warnings.push(Warning {
            line: None,
            message: format!(
                "keys not read as exhibitor fields: {}",
                columns.ignored.join(", ")
            ),
        });
    }
    let fields: HashMap<&str, Field> = keys
        .iter()
        .zip(&columns.fields)
        .filter_map(|(key, field)| field.map(|f| (key.as_str(), f)))
        .collect();

    let mut data = ConferenceData::default();
    for (index, entry) in entries.iter().enumerate() {
        let number = index + 1;
        let Value::Object(object) = entry else {
            warnings.push(entry_warning(
                number,
                format!("{}, not an object; skipped", kind(entry)),
            ));
            continue;
        };
        let mut exhibitor = Exhibitor::default();
        for (key, value) in object {
            if let Some(&field) = fields.get(key.as_str()) {
                apply_value(&mut exhibitor, field, key, value, number, warnings);
            }
        }
        if exhibitor.name.is_empty() {
            warnings.push(entry_warning(number, "no exhibitor name; skipped".into()));
            continue;
        }
        data.exhibitors.push(exhibitor);
    }
    Ok(data)
}

/// The list of exhibitor entries: the top-level array, or the `exhibitors` array of an object.
fn entries(source: &Source<'_>, value: Value) -> Result<Vec<Value>> {
    let invalid = |message: String| Error::Invalid {
        at: source.at_line(1),
        field: "exhibitors".to_string(),
        message,
    };
    match value {
        Value::Array(entries) => Ok(entries),
        Value::Object(object) => {
            let list = object
                .into_iter()
                .find(|(key, _)| normalise(key) == "exhibitors")
                .map(|(_, list)| list);
            match list {
                Some(Value::Array(entries)) => Ok(entries),
                Some(other) => Err(invalid(format!(
                    "expected an array of exhibitor objects, found {}",
                    kind(&other)
                ))),
                None => Err(invalid(
                    "expected an array of exhibitor objects or an object with an `exhibitors` \
                     array; this object has no `exhibitors` key"
                        .to_string(),
                )),
            }
        }
        other => Err(invalid(format!(
            "expected an array of exhibitor objects, found {}",
            kind(&other)
        ))),
    }
}

fn apply_value(
    exhibitor: &mut Exhibitor,
    field: Field,
    key: &str,
    value: &Value,
    number: usize,
    warnings: &mut Vec<Warning>,
) {
    match value {
        Value::Null => {}
        Value::String(text) => apply_text(exhibitor, field, text),
        Value::Number(n) => apply_text(exhibitor, field, &n.to_string()),
        Value::Bool(b) => apply_text(exhibitor, field, &b.to_string()),
        Value::Array(items) if field == Field::Products => {
            exhibitor.products = items
                .iter()
                .filter_map(|item| product(item, key, number, warnings))
                .collect();
        }
        Value::Array(items) => {
            let mut texts = Vec::with_capacity(items.len());
            for item in items {
                match scalar(item) {
                    Some(text) => texts.push(text),
                    None if item.is_null() => {}
                    None => warnings.push(entry_warning(
                        number,
                        format!("`{key}` holds {}; that item is ignored", kind(item)),
                    )),
                }
            }
            apply_list(exhibitor, field, texts);
        }
        Value::Object(_) if field == Field::Products => {
            exhibitor.products = product(value, key, number, warnings).into_iter().collect();
        }
        Value::Object(_) => warnings.push(entry_warning(
            number,
            format!("`{key}` is an object, not text; ignored"),
        )),
    }
}

/// One product: a name, or an object with its details.
fn product(
    value: &Value,
    key: &str,
    number: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Product> {
    let product = match value {
        Value::Object(object) => Product {
            name: product_text(object, &["name", "product", "product_name", "title"])
                .as_deref()
                .and_then(clean)
                .unwrap_or_default(),
            other_name: product_text(object, Field::OtherName.column_names())
                .as_deref()
                .and_then(clean),
            category: product_text(object, &["category", "categories", "type"])
                .as_deref()
                .and_then(clean),
            description: product_text(object, &["description", "about"])
                .as_deref()
                .and_then(non_blank),
            ..Product::default()
        },
        other => Product {
            name: scalar(other).as_deref().and_then(clean).unwrap_or_default(),
            ..Product::default()
        },
    };
    if product.name.is_empty() {
        if !value.is_null() {
            warnings.push(entry_warning(
                number,
                format!("a product in `{key}` has no name; ignored"),
            ));
        }
        return None;
    }
    Some(product)
}

/// The first of `names` present in a product object, as text; arrays are joined with `; `.
fn product_text(object: &Map<String, Value>, names: &[&str]) -> Option<String> {
    let wanted: Vec<String> = names.iter().map(|n| normalise(n)).collect();
    wanted.iter().find_map(|name| {
        let (_, value) = object.iter().find(|(key, _)| normalise(key) == *name)?;
        match value {
            Value::Array(items) => {
                let texts: Vec<String> = items.iter().filter_map(scalar).collect();
                (!texts.is_empty()).then(|| texts.join("; "))
            }
            other => scalar(other),
        }
    })
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn entry_warning(number: usize, message: String) -> Warning {
    Warning {
        line: None,
        message: format!("exhibitor entry {number}: {message}"),
    }
}
