//! The shape of `schedule.json` as producers actually write it, deserialised leniently.
//!
//! Real exports disagree on types (ids are numbers in frab, strings in the hub), write `null`
//! for empty strings and lists, and add fields of their own (pretalx `answers`). Every text field
//! therefore goes through [`text`], every list through [`list`], and unknown fields are ignored.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// The whole document: `{"schedule": {...}}`, sometimes with a `generator` beside it.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a frab schedule.json object with a top-level `schedule`")]
pub(super) struct Document {
    #[serde(default)]
    pub schedule: Option<Schedule>,
}

/// `schedule`: version, base URL and the conference.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a `schedule` object holding a `conference`")]
pub(super) struct Schedule {
    #[serde(default, deserialize_with = "text")]
    pub base_url: Option<String>,
    #[serde(default)]
    pub conference: Option<Conference>,
}

/// `schedule.conference`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a `conference` object")]
pub(super) struct Conference {
    #[serde(default, deserialize_with = "text")]
    pub acronym: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub start: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub end: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub timeslot_duration: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub time_zone_name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub day_change: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub tracks: Vec<Track>,
    #[serde(default, deserialize_with = "list")]
    pub rooms: Vec<Room>,
    #[serde(default, deserialize_with = "list")]
    pub days: Vec<Day>,
}

/// An entry of `conference.tracks` (c3voc schema; pretalx leaves it out).
#[derive(Debug, Deserialize)]
pub(super) struct Track {
    #[serde(default, deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub color: Option<String>,
}

/// An entry of `conference.rooms` (pretalx lists them in display order).
#[derive(Debug, Deserialize)]
pub(super) struct Room {
    #[serde(default, deserialize_with = "text")]
    pub name: Option<String>,
}

/// One conference day with its events grouped by room.
#[derive(Debug, Deserialize)]
pub(super) struct Day {
    #[serde(default, deserialize_with = "text")]
    pub index: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub day_start: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub day_end: Option<String>,
    /// `{room name: [events]}` in file order; a JSON map would sort the rooms by name.
    #[serde(default, deserialize_with = "rooms_in_order")]
    pub rooms: Vec<(String, Vec<Event>)>,
}

/// One event (session).
#[derive(Debug, Deserialize)]
pub(super) struct Event {
    #[serde(default, deserialize_with = "text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub guid: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub start: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub duration: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub room: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub subtitle: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub track: Option<String>,
    #[serde(default, rename = "type", deserialize_with = "text")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub language: Option<String>,
    #[serde(default, rename = "abstract", deserialize_with = "text")]
    pub abstract_: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub links: Vec<serde_json::Value>,
    #[serde(default, deserialize_with = "list")]
    pub attachments: Vec<serde_json::Value>,
    #[serde(default, deserialize_with = "list")]
    pub persons: Vec<PersonEntry>,
    #[serde(default, deserialize_with = "flag")]
    pub do_not_record: bool,
}

/// A person as frab (`id`, `public_name`), pretalx (`code`, `name`, `biography`) or the hub
/// (`guid`, `name`) writes it; a bare name string is accepted too.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum PersonEntry {
    Full(Person),
    Name(String),
}

/// The object form of [`PersonEntry`].
#[derive(Debug, Deserialize)]
pub(super) struct Person {
    #[serde(default, deserialize_with = "text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub guid: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub code: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub public_name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub biography: Option<String>,
}

/// A scalar read as text: strings as they are, numbers and booleans printed, `null` as `None`.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct TextVisitor;

    impl<'de> Visitor<'de> for TextVisitor {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string, a number or null")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    deserializer.deserialize_any(TextVisitor)
}

/// A list where `null` means empty.
fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// A flag written as `true`, `"true"`, `1` or `null`.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(text(deserializer)?
        .is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes")))
}

/// `{room: [events]}` as a list of pairs in file order; `null` means no rooms.
fn rooms_in_order<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(String, Vec<Event>)>, D::Error> {
    struct RoomsVisitor;

    impl<'de> Visitor<'de> for RoomsVisitor {
        type Value = Vec<(String, Vec<Event>)>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object mapping room names to lists of events")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut rooms = Vec::new();
            while let Some((name, events)) = map.next_entry::<String, Option<Vec<Event>>>()? {
                rooms.push((name, events.unwrap_or_default()));
            }
            Ok(rooms)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }

    deserializer.deserialize_any(RoomsVisitor)
}
