//! The domain model shared by importers, the store and exporters.
//!
//! Importers turn a file into a [`ConferenceData`]; the store persists it; exporters turn one
//! back into bytes. Keeping one in-memory shape for all three is what makes round-trip tests
//! (import → export → import) cheap to write.

mod zone;

pub use zone::Zone;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a fact came from, and which of its fields were made up.
///
/// The WAIC 2025 dataset mixes reported facts with illustrative filler (times, rooms, booth
/// numbers the press never published). Every entity carries both so the UI can say which is which.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Public URLs that report this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Names of fields that are illustrative rather than reported, e.g. `["start", "room"]`.
    /// The single entry `"*"` marks an item that is illustrative as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub illustrative: Vec<String>,
}

impl Provenance {
    /// True when the whole item, not just some of its fields, is illustrative.
    pub fn is_wholly_illustrative(&self) -> bool {
        self.illustrative.iter().any(|f| f == "*")
    }
}

/// The file formats Plenary reads. Detected from content unless forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// frab / Pentabarf / pretalx / wafer `schedule.xml`.
    FrabXml,
    /// frab / pretalx `schedule.json` (version 1).
    FrabJson,
    /// iCalendar (RFC 5545).
    #[serde(rename = "ics")]
    Ical,
    /// An exhibitor list as CSV.
    ExhibitorsCsv,
    /// An exhibitor list as JSON.
    ExhibitorsJson,
    /// Plenary's own dataset format (the serialised [`ConferenceData`]), used by `assets/`.
    Plenary,
}

impl Format {
    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::FrabXml => "frab-xml",
            Format::FrabJson => "frab-json",
            Format::Ical => "ics",
            Format::ExhibitorsCsv => "exhibitors-csv",
            Format::ExhibitorsJson => "exhibitors-json",
            Format::Plenary => "plenary",
        }
    }

    /// Parses a name as printed by [`Format::name`].
    pub fn from_name(name: &str) -> Option<Format> {
        [
            Format::FrabXml,
            Format::FrabJson,
            Format::Ical,
            Format::ExhibitorsCsv,
            Format::ExhibitorsJson,
            Format::Plenary,
        ]
        .into_iter()
        .find(|f| f.name() == name)
    }

    /// Exhibitor lists add to a conference; every other format describes a whole programme.
    pub fn is_exhibitor_list(self) -> bool {
        matches!(self, Format::ExhibitorsCsv | Format::ExhibitorsJson)
    }
}

/// Everything one import carries: a conference's programme, its exhibitors, or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConferenceData {
    pub conference: Conference,
    #[serde(default)]
    pub days: Vec<Day>,
    #[serde(default)]
    pub venues: Vec<Venue>,
    #[serde(default)]
    pub rooms: Vec<Room>,
    #[serde(default)]
    pub tracks: Vec<Track>,
    #[serde(default)]
    pub persons: Vec<Person>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub exhibitors: Vec<Exhibitor>,
}

/// A conference. Several live side by side in one store, told apart by `slug`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Conference {
    /// Stable identifier within the store, e.g. `fosdem-2026`. Re-importing a file with the same
    /// slug replaces that conference's programme.
    pub slug: String,
    pub title: String,
    /// The title in the other language (Chinese for WAIC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The conference's own time zone; every time is shown in it unless the user asks otherwise.
    pub time_zone: Zone,
    /// First and last calendar day, in the conference's time zone.
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// When a conference "day" rolls over; events before it belong to the previous day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_change: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeslot_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The format the programme was imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_format: Option<Format>,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

/// A conference day as the source files it (which may differ from the calendar date of its
/// late-night events).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Day {
    /// 1-based, as in frab.
    pub index: u32,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<DateTime<Utc>>,
}

/// A building or site, e.g. "Shanghai World Expo Center".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Venue {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

/// A room or hall where sessions happen. `hall` groups rooms inside a venue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Room {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall: Option<String>,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

/// A programme track.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Track {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A speaker or other person attached to sessions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Unique within the conference: the source id when there is one, else derived from the name.
    /// Left empty by importers; [`crate::import`] fills it in.
    #[serde(default)]
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_name: Option<String>,
    /// HTML as the source gave it; sanitise before display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

/// A link attached to a session (recording, slides, chat room, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Link {
    pub url: String,
    #[serde(default)]
    pub title: String,
}

/// One programme item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Stable key, unique within the conference; bookmarks point at it. Derived from the guid,
    /// else the source id, else title and start. Left empty by importers; [`crate::import`]
    /// fills it in.
    #[serde(default)]
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub title: String,
    /// The title in the other language (Chinese for WAIC), searched like the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Normalised lower-case kind: `keynote`, `talk`, `workshop`, `forum`, `lecture`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The instant it starts and ends; shown in [`Conference::time_zone`].
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The conference day it is filed under (for night sessions, the day before their date).
    pub day: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// HTML as the source gave it (after XML/JSON unescaping); sanitise before display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abstract_html: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_html: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Link>,
    /// Keys into [`ConferenceData::persons`], in billing order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub do_not_record: bool,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

impl Session {
    /// Length in whole minutes.
    pub fn duration_minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// A company or organisation with a stand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Exhibitor {
    /// Unique within the conference; the source id when there is one, else from the name.
    /// Left empty by importers; [`crate::import`] fills it in.
    #[serde(default)]
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    pub name: String,
    /// The name in the other language (Chinese for WAIC, e.g. 宇树科技 for Unitree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall: Option<String>,
    /// One entry per booth; free text such as "Westgate Hospitality Suites" is kept as given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub booths: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// HTML or plain text as the source gave it; sanitise before display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Product>,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

/// Something an exhibitor shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, flatten)]
    pub provenance: Provenance,
}

/// Something an importer recovered from, reported to the user with the line it was on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Warning {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Where a long import is. `total` is 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub phase: &'static str,
    pub done: u64,
    pub total: u64,
}
