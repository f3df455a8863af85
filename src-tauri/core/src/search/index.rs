//! Building the search index: one `search_doc` row per searchable thing with what a result
//! shows, its pre-tokenised text in `search_fts`, and its label and other label in
//! `search_label_fts` (for one- and two-letter queries).
//!
//! Rows of one entity are written together (sessions, persons, exhibitors, then products), and
//! SQLite numbers a new row above every row there is, so each entity of a conference holds one
//! run of rowids that no other row falls in. [`super::query`] relies on that to tell a
//! conference's matches from others' without reading `search_doc`, and to rank only the first
//! matches of each kind.

use rusqlite::{params, Transaction};

use super::tokens::{bigram_text, unigram_text};
use super::Entity;
use crate::error::Result;
use crate::text::html_to_text;

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
        "DELETE FROM search_label_fts WHERE rowid IN (SELECT id FROM search_doc
             WHERE conference_id = ?1 AND entity IN (SELECT value FROM json_each(?2)))",
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
    tx.prepare_cached(
        "INSERT INTO search_label_fts (rowid, label) VALUES (?1, ?2 || ' ' || ifnull(?3, ''))",
    )?
    .execute(params![id, row.label, row.other_label])?;
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
    // Products after all exhibitors, not interleaved: each entity keeps one run of rowids.
    let mut product_rows = Vec::new();
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
        let categories = crate::store::parse_list::<String>(&categories_json).join(" ");
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
        let found = products.query_map([id], |p| {
            Ok((
                p.get::<_, i64>(0)?,
                p.get::<_, String>(1)?,
                p.get::<_, Option<String>>(2)?,
                p.get::<_, Option<String>>(3)?,
                p.get::<_, Option<String>>(4)?,
            ))
        })?;
        for product in found {
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
            product_rows.push(Row {
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
        .chain(&product_rows)
        .try_for_each(|row| insert(tx, conference_id, row))
}
