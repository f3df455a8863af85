//! Which source column (CSV header or JSON key) feeds which exhibitor field.
//!
//! Real lists name their columns every which way (`Company`, `Stand No`, `exhibitor_id`), so
//! columns are recognised by a list of common names compared loosely; a [`ColumnMap`] names the
//! ones recognition misses.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::import::Source;

/// An exhibitor field a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Field {
    Name,
    OtherName,
    Hall,
    Booths,
    Country,
    Categories,
    Website,
    Description,
    Id,
    Products,
}

impl Field {
    const ALL: [Field; 10] = [
        Field::Name,
        Field::OtherName,
        Field::Hall,
        Field::Booths,
        Field::Country,
        Field::Categories,
        Field::Website,
        Field::Description,
        Field::Id,
        Field::Products,
    ];

    /// The name used in a [`ColumnMap`] and in messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::OtherName => "other_name",
            Field::Hall => "hall",
            Field::Booths => "booths",
            Field::Country => "country",
            Field::Categories => "categories",
            Field::Website => "website",
            Field::Description => "description",
            Field::Id => "id",
            Field::Products => "products",
        }
    }

    /// Other spellings accepted for the field name in a [`ColumnMap`].
    fn map_aliases(self) -> &'static [&'static str] {
        match self {
            Field::Booths => &["booth"],
            Field::Categories => &["category", "tags"],
            Field::Id => &["source_id"],
            Field::Products => &["product"],
            _ => &[],
        }
    }

    /// Column names recognised without a map, most specific first: when a file has both
    /// `exhibitor_id` and `id`, the first is the exhibitor's.
    pub(super) fn column_names(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "exhibitor_name",
                "company_name",
                "name",
                "exhibitor",
                "company",
            ],
            Field::OtherName => &[
                "other_name",
                "name_zh",
                "name_cn",
                "chinese_name",
                "zh_name",
                "cn_name",
                "local_name",
            ],
            Field::Hall => &["hall", "halls", "pavilion", "zone"],
            Field::Booths => &[
                "booths",
                "booth",
                "booth_number",
                "booth_no",
                "stands",
                "stand",
                "stand_number",
                "stand_no",
            ],
            Field::Country => &["country", "country_code", "country_name"],
            Field::Categories => &["categories", "category", "tags", "tag", "sectors", "sector"],
            Field::Website => &["website", "url", "homepage", "web"],
            Field::Description => &["description", "about", "profile"],
            Field::Id => &["exhibitor_id", "id"],
            Field::Products => &["products", "product"],
        }
    }

    /// The field a [`ColumnMap`] key names, compared like column names.
    fn from_map_key(key: &str) -> Option<Field> {
        let key = normalise(key);
        Field::ALL.into_iter().find(|f| {
            normalise(f.name()) == key || f.map_aliases().iter().any(|a| normalise(a) == key)
        })
    }
}

/// A column name reduced to what matters for recognition: lower case, with spaces, underscores,
/// dashes and dots dropped, so `Booth No.`, `booth_no` and `BOOTH-NO` are one name.
pub(super) fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '_' | '-' | '.')))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Explicit source column names for exhibitor fields, e.g. `name=Company`, `booth=Stand No`.
/// Fields left out are found by their common names.
///
/// Keys are field names: `name`, `other_name`, `hall`, `booths` (or `booth`), `country`,
/// `categories` (or `category`, `tags`), `website`, `description`, `id` (or `source_id`) and
/// `products` (or `product`). Values are column headers (CSV) or object keys (JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(pub BTreeMap<String, String>);

impl ColumnMap {
    /// The field names a map accepts, as printed in help text.
    pub const FIELDS: [&'static str; 10] = [
        "name",
        "other_name",
        "hall",
        "booths",
        "country",
        "categories",
        "website",
        "description",
        "id",
        "products",
    ];

    /// Reads `field=column` pairs separated by commas, e.g. `name=Company,booth=Stand No`, as
    /// given to `--map`. Column names are taken as written, inner spaces included; one that
    /// contains a comma can only be given through [`ColumnMap::insert`].
    pub fn parse(spec: &str) -> Result<ColumnMap> {
        let mut map = ColumnMap::default();
        for pair in spec.split(',').filter(|p| !p.trim().is_empty()) {
            let Some((field, column)) = pair.split_once('=') else {
                return Err(Error::BadRequest(format!(
                    "column map entry {:?} is not field=column (e.g. name=Company)",
                    pair.trim()
                )));
            };
            map.insert(field, column)?;
        }
        Ok(map)
    }

    /// Maps `field` to `column`, refusing unknown field names, blank columns and a field given
    /// twice (which would silently drop one of the user's choices).
    pub fn insert(&mut self, field: &str, column: &str) -> Result<()> {
        let known = Field::from_map_key(field).ok_or_else(|| unknown_field(field))?;
        let column = column.trim();
        if column.is_empty() {
            return Err(Error::BadRequest(format!(
                "column map entry for `{}` names no column",
                field.trim()
            )));
        }
        if self.0.contains_key(known.name()) {
            return Err(Error::BadRequest(format!(
                "column map names `{}` twice",
                known.name()
            )));
        }
        self.0.insert(known.name().to_string(), column.to_string());
        Ok(())
    }

    /// True when no field is mapped explicitly.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The mapped fields, checked, since the inner map is public and may hold anything.
    pub(super) fn fields(&self) -> Result<Vec<(Field, &str)>> {
        self.0
            .iter()
            .map(|(key, column)| {
                Field::from_map_key(key)
                    .map(|f| (f, column.trim()))
                    .ok_or_else(|| unknown_field(key))
            })
            .collect()
    }
}

fn unknown_field(field: &str) -> Error {
    Error::BadRequest(format!(
        "unknown exhibitor field {:?} in column map; fields are: {}",
        field.trim(),
        ColumnMap::FIELDS.join(", ")
    ))
}

/// The outcome of matching a header against the fields.
pub(super) struct Columns {
    /// For each header position, the field it feeds, if any.
    pub fields: Vec<Option<Field>>,
    /// Non-blank headers that feed nothing, in file order.
    pub ignored: Vec<String>,
}

/// Assigns headers to fields: mapped ones first, then recognised names. `what` is "column" or
/// "key", for messages.
pub(super) fn resolve(
    source: &Source<'_>,
    headers: &[String],
    map: &ColumnMap,
    what: &str,
) -> Result<Columns> {
    let mut fields: Vec<Option<Field>> = vec![None; headers.len()];
    let mut taken = Vec::new();
    for (field, column) in map.fields()? {
        let found = find_mapped(headers, column).ok_or_else(|| Error::Invalid {
            at: source.at_line(1),
            field: field.name().to_string(),
            message: format!(
                "the {what} {column:?} given in the column map is not in the file; {what}s found: {}",
                list(headers)
            ),
        })?;
        if let Some(other) = fields[found] {
            return Err(Error::BadRequest(format!(
                "column map gives {what} {column:?} to both `{}` and `{}`",
                other.name(),
                field.name()
            )));
        }
        fields[found] = Some(field);
        taken.push(field);
    }
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    for field in Field::ALL.into_iter().filter(|f| !taken.contains(f)) {
        let found = field.column_names().iter().find_map(|name| {
            let name = normalise(name);
            (0..headers.len()).find(|&i| fields[i].is_none() && normalised[i] == name)
        });
        if let Some(i) = found {
            fields[i] = Some(field);
        }
    }
    if !fields.contains(&Some(Field::Name)) {
        return Err(Error::Invalid {
            at: source.at_line(1),
            field: Field::Name.name().to_string(),
            message: format!(
                "no exhibitor name {what}; {what}s found: {}; a name {what} is one of: {} \
                 (or name yours with a column map, e.g. --map name=Company)",
                list(headers),
                Field::Name.column_names().join(", ")
            ),
        });
    }
    let ignored = headers
        .iter()
        .zip(&fields)
        .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    Ok(Columns { fields, ignored })
}

/// A mapped column is found as written, else ignoring case, else compared loosely.
fn find_mapped(headers: &[String], column: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| h.trim() == column)
        .or_else(|| {
            headers
                .iter()
                .position(|h| h.trim().to_lowercase() == column.to_lowercase())
        })
        .or_else(|| {
            let column = normalise(column);
            headers.iter().position(|h| normalise(h) == column)
        })
}

fn list(headers: &[String]) -> String {
    if headers.iter().all(|h| h.trim().is_empty()) {
        return "none".to_string();
    }
    headers
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| format!("{:?}", h.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The field a header is recognised as, without a map.
pub(super) fn recognise(header: &str) -> Option<Field> {
    let header = normalise(header);
    Field::ALL.into_iter().find(|f| {
        f.column_names()
            .iter()
            .any(|name| normalise(name) == header)
    })
}

/// True when a header names a column read as the exhibitor name.
pub(super) fn is_name_column(header: &str) -> bool {
    let header = normalise(header.trim().trim_matches('"'));
    Field::Name
        .column_names()
        .iter()
        .any(|name| normalise(name) == header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_parses_pairs_and_aliases() {
        let map = ColumnMap::parse("name=Company, Booth = Stand No ,tags=Sectors").expect("valid");
        assert_eq!(map.0.get("name").map(String::as_str), Some("Company"));
        assert_eq!(map.0.get("booths").map(String::as_str), Some("Stand No"));
        assert_eq!(map.0.get("categories").map(String::as_str), Some("Sectors"));
    }

    #[test]
    fn map_refuses_unknown_fields_and_bad_syntax() {
        let err = ColumnMap::parse("nmae=Company").expect_err("unknown field");
        assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
        assert!(
            err.to_string().contains("fields are: name, other_name"),
            "{err}"
        );
        let err = ColumnMap::parse("name:Company").expect_err("no equals sign");
        assert!(err.to_string().contains("not field=column"), "{err}");
        let err = ColumnMap::parse("name=").expect_err("blank column");
        assert!(err.to_string().contains("names no column"), "{err}");
        let err = ColumnMap::parse("booth=A,booths=B").expect_err("twice");
        assert!(err.to_string().contains("`booths` twice"), "{err}");
    }

    #[test]
    fn names_compare_loosely() {
        assert_eq!(normalise(" Booth No. "), "boothno");
        assert_eq!(normalise("Exhibitor-Name"), "exhibitorname");
        assert!(is_name_column("\"Company Name\""));
        assert!(!is_name_column("contact"));
    }
}
