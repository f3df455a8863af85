//! One ranked search over sessions, speakers, exhibitors and products, in Chinese and English.
//! See [`tokens`] for how Chinese is made searchable with SQLite FTS5.

mod index;
mod query;
pub mod tokens;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What can be searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Entity {
    Session,
    Person,
    Exhibitor,
    Product,
}

impl Entity {
    /// The stored and printed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Session => "session",
            Entity::Person => "person",
            Entity::Exhibitor => "exhibitor",
            Entity::Product => "product",
        }
    }

    /// Parses a name, accepting plurals and `speaker(s)` as the CLI does.
    pub fn parse(text: &str) -> Option<Entity> {
        match text.trim_end_matches('s') {
            "session" => Some(Entity::Session),
            "person" | "speaker" | "people" => Some(Entity::Person),
            "exhibitor" => Some(Entity::Exhibitor),
            "product" => Some(Entity::Product),
            _ => None,
        }
    }
}

/// A search request. Empty filters do not filter; `day` and `track` apply to sessions, `hall`
/// and `category` to exhibitors and products.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(optional_fields)]
pub struct SearchQuery {
    pub text: String,
    pub conference: Option<String>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    pub day: Option<String>,
    pub track: Option<String>,
    /// Session kind (keynote, talk, …).
    pub kind: Option<String>,
    pub hall: Option<String>,
    pub category: Option<String>,
    /// At most this many results; 50 when absent.
    pub limit: Option<u32>,
}

/// One result, with what a result list shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SearchHit {
    pub entity: Entity,
    /// The session, person or exhibitor key; for a product, its exhibitor's key.
    pub key: String,
    pub label: String,
    pub other_label: Option<String>,
    /// A second line: time and room, affiliation, hall and booth, or the product's exhibitor.
    pub detail: Option<String>,
    /// Session start as RFC 3339 in the conference's offset.
    pub start: Option<String>,
    /// Character ranges in `label` that matched, for highlighting.
    pub highlights: Vec<[usize; 2]>,
    /// BM25 rank: lower is better.
    pub rank: f64,
}

pub(crate) use index::{clear, index_conference};
