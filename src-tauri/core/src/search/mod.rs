//! One ranked search over sessions, speakers, exhibitors and products, in Chinese and English.
//! See [`tokens`] for how Chinese is made searchable with SQLite FTS5.

pub mod tokens;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::text::html_to_text;
use tokens::{bigram_text, highlights, match_expression, terms, unigram_text, Term};

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

/// Text for one searchable row: weighted title, body, and the single-character column.
struct Doc {
    title: String,
    body: String,
    grams: String,
}

impl Doc {
    fn new(titles: &[Option<&str>], bodies: &[Option<&str>]) -> Doc {
        let mut doc = Doc {
            title: String::new(),
            body: String::new(),
            grams: String::new(),
        };
        for t in titles.iter().flatten() {
            bigram_text(t, &mut doc.title);
            unigram_text(t, &mut doc.grams);
        }
        for b in bodies.iter().flatten() {
            bigram_text(b, &mut doc.body);
            unigram_text(b, &mut doc.grams);
        }
        doc
    }
}

/// Removes the search rows of `entities` for a conference.
pub(crate) fn clear(tx: &Transaction<'_>, conference_id: i64, entities: &[&str]) -> Result<()> {
    let list = serde_json::to_string(entities)?;
    tx.execute(
        "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE conference_id = ?1
             AND entity IN (SELECT value FROM json_each(?2)))",
        params![conference_id, list],
    )?;
    tx.execute(
        "DELETE FROM search_doc WHERE conference_id = ?1 AND entity IN (SELECT value FROM json_each(?2))",
        params![conference_id, list],
    )?;
    Ok(())
}

struct Row {
    entity: Entity,
    entity_id: i64,
    key: String,
    label: String,
    other_label: Option<String>,
    detail: Option<String>,
    starts_at: Option<i64>,
    day: Option<String>,
    track: Option<String>,
    kind: Option<String>,
    hall: Option<String>,
    categories: Option<String>,
    doc: Doc,
}

impl Row {
    /// A row with what every entity has; filter fields are set by the caller where they apply.
    fn new(
        entity: Entity,
        entity_id: i64,
        key: String,
        label: String,
        other_label: Option<String>,
        doc: Doc,
    ) -> Row {
        Row {
            entity,
            entity_id,
            key,
            label,
            other_label,
            detail: None,
            starts_at: None,
            day: None,
            track: None,
            kind: None,
            hall: None,
            categories: None,
            doc,
        }
    }
}

fn insert(tx: &Transaction<'_>, conference_id: i64, row: &Row) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO search_doc (conference_id, entity, entity_id, key, label, other_label, detail,
            starts_at, day, track, kind, hall, categories)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        conference_id,
        row.entity.as_str(),
        row.entity_id,
        row.key,
        row.label,
        row.other_label,
        row.detail,
        row.starts_at,
        row.day,
        row.track,
        row.kind,
        row.hall,
        row.categories
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO search_fts (rowid, title, body, grams) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, row.doc.title, row.doc.body, row.doc.grams])?;
    Ok(())
}

/// Builds the search rows for a conference's programme and/or exhibitors.
pub(crate) fn index_conference(
    tx: &Transaction<'_>,
    conference_id: i64,
    programme: bool,
    exhibitors: bool,
) -> Result<()> {
    if programme {
        index_sessions(tx, conference_id)?;
        index_persons(tx, conference_id)?;
    }
    if exhibitors {
        index_exhibitors(tx, conference_id)?;
    }
    Ok(())
}

fn index_sessions(tx: &Transaction<'_>, conference_id: i64) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT s.id, s.key, s.title, s.other_title, s.subtitle, s.abstract, s.kind, s.day,
                s.starts_at, t.name, r.name, r.hall,
                (SELECT group_concat(p.name || ' ' || ifnull(p.other_name, ''), ' ') FROM session_person sp
                 JOIN person p ON p.id = sp.person_id WHERE sp.session_id = s.id)
         FROM session s LEFT JOIN track t ON t.id = s.track_id LEFT JOIN room r ON r.id = s.room_id
         WHERE s.conference_id = ?1",
    )?;
    let rows: Vec<Row> = stmt
        .query_map([conference_id], |r| {
            let title: String = r.get(2)?;
            let other: Option<String> = r.get(3)?;
            let subtitle: Option<String> = r.get(4)?;
            let abstract_text = r.get::<_, Option<String>>(5)?.map(|h| html_to_text(&h));
            let track: Option<String> = r.get(9)?;
            let room: Option<String> = r.get(10)?;
            let speakers: Option<String> = r.get(12)?;
            let doc = Doc::new(
                &[Some(&title), other.as_deref()],
                &[
                    subtitle.as_deref(),
                    speakers.as_deref(),
                    track.as_deref(),
                    room.as_deref(),
                    abstract_text.as_deref(),
                ],
            );
            Ok(Row {
                detail: room,
                starts_at: r.get(8)?,
                day: r.get(7)?,
                kind: r.get(6)?,
                hall: r.get(11)?,
                track,
                ..Row::new(Entity::Session, r.get(0)?, r.get(1)?, title, other, doc)
            })
        })?
        .collect::<Result<_, _>>()?;
    rows.iter()
        .try_for_each(|row| insert(tx, conference_id, row))
}

fn index_persons(tx: &Transaction<'_>, conference_id: i64) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, key, name, other_name, affiliation, bio FROM person WHERE conference_id = ?1",
    )?;
    let rows: Vec<Row> = stmt
        .query_map([conference_id], |r| {
            let name: String = r.get(2)?;
            let other: Option<String> = r.get(3)?;
            let affiliation: Option<String> = r.get(4)?;
            let bio = r.get::<_, Option<String>>(5)?.map(|h| html_to_text(&h));
            let doc = Doc::new(
                &[Some(&name), other.as_deref()],
                &[affiliation.as_deref(), bio.as_deref()],
            );
            Ok(Row {
                detail: affiliation,
                ..Row::new(Entity::Person, r.get(0)?, r.get(1)?, name, other, doc)
            })
        })?
        .collect::<Result<_, _>>()?;
    rows.iter()
        .try_for_each(|row| insert(tx, conference_id, row))
}

fn index_exhibitors(tx: &Transaction<'_>, conference_id: i64) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT e.id, e.key, e.name, e.other_name, e.hall, e.booths, e.country, e.categories,
                e.description,
                (SELECT group_concat(p.name || ' ' || ifnull(p.other_name, ''), ' ') FROM product p
                 WHERE p.exhibitor_id = e.id)
         FROM exhibitor e WHERE e.conference_id = ?1",
    )?;
    let mut products = tx.prepare_cached(
        "SELECT id, name, other_name, category, description FROM product WHERE exhibitor_id = ?1",
    )?;
    let mut rows = Vec::new();
    let mut query = stmt.query([conference_id])?;
    while let Some(r) = query.next()? {
        let id: i64 = r.get(0)?;
        let key: String = r.get(1)?;
        let name: String = r.get(2)?;
        let other: Option<String> = r.get(3)?;
        let hall: Option<String> = r.get(4)?;
        let booths: Vec<String> = crate::store::parse_list(&r.get::<_, String>(5)?);
        let country: Option<String> = r.get(6)?;
        let categories_json: String = r.get(7)?;
        let categories = crate::store::parse_list(&categories_json).join(" ");
        let description = r.get::<_, Option<String>>(8)?.map(|h| html_to_text(&h));
        let product_names: Option<String> = r.get(9)?;
        let place = [
            hall.clone(),
            (!booths.is_empty()).then(|| booths.join(", ")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let booth_text = booths.join(" ");
        let doc = Doc::new(
            &[Some(&name), other.as_deref()],
            &[
                Some(&categories),
                hall.as_deref(),
                Some(&booth_text),
                country.as_deref(),
                product_names.as_deref(),
                description.as_deref(),
            ],
        );
        rows.push(Row {
            detail: (!place.is_empty()).then_some(place),
            hall: hall.clone(),
            categories: Some(categories_json.clone()),
            ..Row::new(
                Entity::Exhibitor,
                id,
                key.clone(),
                name.clone(),
                other.clone(),
                doc,
            )
        });
        let product_rows = products.query_map([id], |p| {
            Ok((
                p.get::<_, i64>(0)?,
                p.get::<_, String>(1)?,
                p.get::<_, Option<String>>(2)?,
                p.get::<_, Option<String>>(3)?,
                p.get::<_, Option<String>>(4)?,
            ))
        })?;
        for product in product_rows {
            let (product_id, product_name, product_other, category, text) = product?;
            let text = text.map(|h| html_to_text(&h));
            let doc = Doc::new(
                &[Some(&product_name), product_other.as_deref()],
                &[
                    category.as_deref(),
                    Some(&name),
                    other.as_deref(),
                    Some(&categories),
                    text.as_deref(),
                ],
            );
            rows.push(Row {
                detail: Some(name.clone()),
                hall: hall.clone(),
                categories: Some(categories_json.clone()),
                ..Row::new(
                    Entity::Product,
                    product_id,
                    key.clone(),
                    product_name,
                    product_other,
                    doc,
                )
            });
        }
    }
    rows.iter()
        .try_for_each(|row| insert(tx, conference_id, row))
}

impl Store {
    /// Ranked search. An empty or punctuation-only query returns nothing.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        let terms = terms(&query.text);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|conn| run(conn, query, &terms))
    }
}

fn run(conn: &Connection, query: &SearchQuery, terms: &[Term]) -> Result<Vec<SearchHit>> {
    let conference = crate::store::resolve_conference(conn, query.conference.as_deref())?;
    let entities = if query.entities.is_empty() {
        None
    } else {
        Some(serde_json::to_string(
            &query
                .entities
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>(),
        )?)
    };
    let limit = query.limit.unwrap_or(50).min(1000);
    let mut stmt = conn.prepare_cached(
        "SELECT d.entity, d.key, d.label, d.other_label, d.detail, d.starts_at,
                bm25(search_fts, 10.0, 1.0, 2.0) AS rank
         FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid
         WHERE search_fts MATCH ?1 AND d.conference_id = ?2
           AND (?3 IS NULL OR d.entity IN (SELECT value FROM json_each(?3)))
           AND (?4 IS NULL OR d.day = ?4)
           AND (?5 IS NULL OR d.track = ?5)
           AND (?6 IS NULL OR d.kind = ?6)
           AND (?7 IS NULL OR d.hall = ?7)
           AND (?8 IS NULL OR EXISTS (SELECT 1 FROM json_each(d.categories) WHERE value = ?8))
         ORDER BY rank LIMIT ?9",
    )?;
    let expression = match_expression(terms);
    let rows = stmt.query_map(
        params![
            expression,
            conference.id,
            entities,
            query.day,
            query.track,
            query.kind,
            query.hall,
            query.category,
            limit
        ],
        |r| {
            let entity: String = r.get(0)?;
            let label: String = r.get(2)?;
            Ok(SearchHit {
                entity: Entity::parse(&entity).unwrap_or(Entity::Session),
                key: r.get(1)?,
                highlights: highlights(&label, terms),
                label,
                other_label: r.get(3)?,
                detail: r.get(4)?,
                start: r
                    .get::<_, Option<i64>>(5)?
                    .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                    .map(|t| conference.zone.localize(t).to_rfc3339()),
                rank: r.get(6)?,
            })
        },
    )?;
    rows.collect::<Result<_, _>>().map_err(Error::from)
}
