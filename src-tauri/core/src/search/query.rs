//! Running a search: FTS5 match, rank, and the display fields from `search_doc`.
//!
//! A query of only one- or two-letter words (what people type first) goes to
//! `search_label_fts`, labels only, whose 1- and 2-letter prefix indexes make such a prefix one
//! doclist; it is always ordered as a *broad* query (below). Every other query goes to
//! `search_fts`, as follows.
//!
//! BM25 is what costs on large stores: before ranking anything it walks the whole doclist of
//! every term to count the documents holding it, then reads column sizes and positions for
//! every match. A one-character Chinese query at 100× WAIC matches hundreds of thousands of
//! rows, and ranking them took over a second. So a search first counts its matches in index
//! order, without ranking, up to [`EXACT_LIMIT`]:
//! - at most that many: ranked by BM25 exactly as always (every real programme we have, for
//!   anything but one- or two-letter queries);
//! - more: a *broad* query. Each kind of result takes its first [`BROAD_PER_KIND`] matches in
//!   index order, and these are ordered by which terms their labels hold (every term in the
//!   label, then in the other label, then in the two between them, then by how many terms the
//!   two lack), shorter labels first. Typing one more character narrows it.
//!
//! Each kind of a conference's rows is one run of rowids (see [`super::index`]). With no filter
//! but the kinds, a search counts its matches, and ranks them by BM25, within those runs in the
//! index alone; `search_doc` is read for the rows shown and, in a broad search, for the
//! candidates' labels.

use memchr::memmem;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, ToSql};

use super::tokens::{match_expression, terms, Highlighter, Term};
use super::{Entity, SearchHit, SearchQuery};
use crate::error::Result;
use crate::store::Store;

/// Matches up to which a search is ranked exactly by BM25.
pub const EXACT_LIMIT: i64 = 400;

/// Matches of each kind that a broad search (more than [`EXACT_LIMIT`]) orders.
pub const BROAD_PER_KIND: i64 = 100;

/// The filters every query here shares: `?2` conference, `?3` entities as a JSON list or
/// NULL, `?4`..`?8` the optional filters.
macro_rules! filters {
    () => {
        " AND d.conference_id = ?2
           AND (?3 IS NULL OR d.entity IN (SELECT value FROM json_each(?3)))
           AND (?4 IS NULL OR d.day = ?4)
           AND (?5 IS NULL OR d.track = ?5)
           AND (?6 IS NULL OR d.kind = ?6)
           AND (?7 IS NULL OR d.hall = ?7)
           AND (?8 IS NULL OR EXISTS (SELECT 1 FROM json_each(d.categories) WHERE value = ?8))"
    };
}

/// Matches within the runs of rowids of [`run_bounds`]: `?2`..`?3` spans them all, for FTS5 to
/// seek to, and `?4`..`?11` are up to four runs.
macro_rules! in_runs {
    () => {
        " AND rowid BETWEEN ?2 AND ?3
           AND (rowid BETWEEN ?4 AND ?5 OR rowid BETWEEN ?6 AND ?7
                OR rowid BETWEEN ?8 AND ?9 OR rowid BETWEEN ?10 AND ?11)"
    };
}

// Every query joins with CROSS JOIN so FTS5 stays the outer loop. Left to itself the planner
// may walk search_doc and run the MATCH once per row, which for a prefix query rebuilds the
// prefix's whole doclist each time.
macro_rules! fields {
    () => {
        "SELECT d.entity, d.key, d.label, d.other_label, d.detail, d.starts_at"
    };
}

impl Store {
    /// Ranked search. An empty or punctuation-only query returns nothing.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        let terms = terms(&query.text);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // One snapshot for the whole search: a broad one reads the rows it keeps after ranking
        // them, and a write in between (a schedule refresh) must not take them away.
        self.read(|conn| {
            let snapshot = conn.unchecked_transaction()?;
            run(&snapshot, query, &terms)
        })
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
    let expression = match_expression(terms);
    let mut marker = Highlighter::new(terms);
    // The start is left as seconds: a broad search formats only the hits it keeps.
    let mut hit = |r: &Row<'_>, rank: f64| -> rusqlite::Result<(SearchHit, Option<i64>)> {
        let entity = Entity::parse(r.get_ref(0)?.as_str()?).unwrap_or(Entity::Session);
        let label: String = r.get(2)?;
        let hit = SearchHit {
            entity,
            key: r.get(1)?,
            highlights: marker.ranges(&label),
            label,
            other_label: r.get(3)?,
            detail: r.get(4)?,
            start: None,
            rank,
        };
        Ok((hit, r.get(5)?))
    };
    let localize = |(mut hit, start): (SearchHit, Option<i64>)| -> SearchHit {
        hit.start = start
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|t| conference.zone.localize(t).to_rfc3339());
        hit
    };
    // ?1..?8, shared by every statement here; `more` are ?9 onwards.
    let shared: [&dyn ToSql; 8] = [
        &expression,
        &conference.id,
        &entities,
        &query.day,
        &query.track,
        &query.kind,
        &query.hall,
        &query.category,
    ];
    // Each kind of this conference was indexed in one run of rowids (see `index`): these are
    // the runs of the kinds asked for, in the order a broad search takes them.
    let mut run_of = conn.prepare_cached(
        // Two subqueries: SQLite answers a lone min() or max() from the index's ends, but
        // scans the whole range for both in one SELECT.
        "SELECT (SELECT min(id) FROM search_doc WHERE conference_id = ?1 AND entity = ?2),
                (SELECT max(id) FROM search_doc WHERE conference_id = ?1 AND entity = ?2)",
    )?;
    let mut every: Vec<(Entity, i64, i64)> = Vec::with_capacity(4);
    for entity in [
        Entity::Session,
        Entity::Exhibitor,
        Entity::Product,
        Entity::Person,
    ] {
        let run: (Option<i64>, Option<i64>) = run_of
            .query_row(params![conference.id, entity.as_str()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        if let (Some(low), Some(high)) = run {
            every.push((entity, low, high));
        }
    }
    // A store last given exhibitors before each kind had its own run holds them mixed with
    // their products: their spans overlap, and only search_doc tells the two apart.
    let mut spans: Vec<(i64, i64)> = every.iter().map(|&(_, low, high)| (low, high)).collect();
    spans.sort_unstable();
    let apart = spans.windows(2).all(|w| w[0].1 < w[1].0);
    let runs: Vec<(Entity, i64, i64)> = every
        .into_iter()
        .filter(|(entity, _, _)| query.entities.is_empty() || query.entities.contains(entity))
        .collect();
    if runs.is_empty() {
        return Ok(Vec::new());
    }
    // With no filter beyond the conference and the kinds, the runs alone say which matches
    // count, and search_doc is read only for the rows shown.
    let unfiltered = apart
        && query.day.is_none()
        && query.track.is_none()
        && query.kind.is_none()
        && query.hall.is_none()
        && query.category.is_none();
    let bounds = run_bounds(&runs);
    let run_params: Vec<&dyn ToSql> = std::iter::once(&expression as &dyn ToSql)
        .chain(bounds.iter().map(|b| b as &dyn ToSql))
        .collect();
    // One or two letters: labels only, through their own prefix indexes (migration 06).
    let short = terms
        .iter()
        .all(|term| matches!(term, Term::Word(w) if w.chars().count() <= 2));
    // The count that tells broad from exact, and the BM25 ranking of an exact search: both take
    // `base`'s parameters and one more, the count's offset or the ranking's limit.
    let (base, count_sql, rank_sql): (&[&dyn ToSql], &str, &str) = if unfiltered {
        (
            &run_params,
            concat!(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1",
                in_runs!(),
                " ORDER BY rowid LIMIT 1 OFFSET ?12"
            ),
            // Ranked in the index alone; only the rows kept are joined.
            concat!(
                fields!(),
                ", m.rank FROM (SELECT rowid AS id, bm25(search_fts, 10.0, 1.0, 2.0) AS rank
                 FROM search_fts WHERE search_fts MATCH ?1",
                in_runs!(),
                " ORDER BY rank, rowid LIMIT ?12) m
                 CROSS JOIN search_doc d ON d.id = m.id ORDER BY m.rank, m.id"
            ),
        )
    } else {
        (
            &shared,
            concat!(
                "SELECT search_fts.rowid FROM search_fts CROSS JOIN search_doc d
                ON d.id = search_fts.rowid WHERE search_fts MATCH ?1",
                filters!(),
                " ORDER BY search_fts.rowid LIMIT 1 OFFSET ?9"
            ),
            concat!(
                fields!(),
                ", bm25(search_fts, 10.0, 1.0, 2.0) AS rank
                 FROM search_fts CROSS JOIN search_doc d ON d.id = search_fts.rowid
                 WHERE search_fts MATCH ?1",
                filters!(),
                " ORDER BY rank, search_fts.rowid LIMIT ?9"
            ),
        )
    };
    let enough = EXACT_LIMIT.max(i64::from(limit));
    let broad = short
        || conn
            .prepare_cached(count_sql)?
            .query_row(params_from_iter(joined(base, &[&enough])), |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .is_some();
    if !broad {
        let mut stmt = conn.prepare_cached(rank_sql)?;
        let rows = stmt.query_map(params_from_iter(joined(base, &[&limit])), |r| {
            let rank = r.get(6)?;
            hit(r, rank)
        })?;
        return Ok(rows
            .map(|row| row.map(localize))
            .collect::<Result<_, _>>()?);
    }
    macro_rules! broad_sql {
        ($fts:literal) => {
            concat!(
                "SELECT d.id, d.label, d.other_label FROM ",
                $fts,
                " CROSS JOIN search_doc d ON d.id = ",
                $fts,
                ".rowid
                 WHERE ",
                $fts,
                " MATCH ?1 AND ",
                $fts,
                ".rowid BETWEEN ?10 AND ?12",
                filters!(),
                " AND d.entity = ?11 ORDER BY ",
                $fts,
                ".rowid LIMIT ?9"
            )
        };
    }
    let mut stmt = conn.prepare_cached(if short {
        broad_sql!("search_label_fts")
    } else {
        broad_sql!("search_fts")
    })?;
    // The candidates of a short query matched in their labels, so a quick test for a label
    // without any term would seldom say no there.
    let mut needles = Needles::new(terms, !short);
    // Each candidate's rank, place in the order taken, and rowid. Labels are ranked as
    // SQLite's row holds them, not copied: a broad search ranks up to BROAD_PER_KIND candidates
    // of each kind (or `limit`, if more) to keep `limit`, and only those are read in full below.
    let per_kind = BROAD_PER_KIND.max(i64::from(limit));
    let mut candidates: Vec<(f64, usize, i64)> = Vec::with_capacity(runs.len() * per_kind as usize);
    for &(entity, low, high) in &runs {
        // Each kind's scan covers its run only: a rare prefix would otherwise read every
        // later kind's matches to reject them.
        let mut rows = stmt.query(params_from_iter(joined(
            &shared,
            &[&per_kind, &low, &entity.as_str(), &high],
        )))?;
        while let Some(r) = rows.next()? {
            let label = r.get_ref(1)?.as_bytes().map_err(rusqlite::Error::from)?;
            let other = r
                .get_ref(2)?
                .as_bytes_or_null()
                .map_err(rusqlite::Error::from)?;
            let rank = broad_rank(label, other, &mut needles);
            candidates.push((rank, candidates.len(), r.get(0)?));
        }
    }
    // Within one rank, sessions, exhibitors, products, then people, in index order: the order
    // they were taken in. Only the `limit` best are sorted.
    let better =
        |a: &(f64, usize, i64), b: &(f64, usize, i64)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
    let keep = limit as usize;
    if candidates.len() > keep {
        candidates.select_nth_unstable_by(keep, better);
        candidates.truncate(keep);
    }
    candidates.sort_unstable_by(better);
    let mut read = conn.prepare_cached(concat!(fields!(), " FROM search_doc d WHERE d.id = ?1"))?;
    candidates
        .into_iter()
        .map(|(rank, _, id)| Ok(localize(read.query_row([id], |r| hit(r, rank))?)))
        .collect()
}

/// `?2`..`?11` of [`in_runs`]: the lowest and highest rowid of all `runs`, then each run's,
/// NULL for the kinds not there.
fn run_bounds(runs: &[(Entity, i64, i64)]) -> [Option<i64>; 10] {
    let mut bounds = [None; 10];
    bounds[0] = runs.iter().map(|r| r.1).min();
    bounds[1] = runs.iter().map(|r| r.2).max();
    for (i, &(_, low, high)) in runs.iter().enumerate() {
        bounds[2 + 2 * i] = Some(low);
        bounds[3 + 2 * i] = Some(high);
    }
    bounds
}

/// The parameters `shared` then `more`, in order.
fn joined<'a>(shared: &[&'a dyn ToSql], more: &[&'a dyn ToSql]) -> Vec<&'a dyn ToSql> {
    shared.iter().chain(more).copied().collect()
}

/// A broad match's place: 0–1 when the label holds every term, 1–2 when the other label
/// does, 2–3 when the two hold every term between them, 3–4 when they lack one term, 4–5 when
/// they lack two, and so on. Within each, shorter labels first. Lower is better, as with BM25.
/// Only the first 64 terms count (a query has at least one; `Store::search` answers none).
/// Labels come as SQLite holds them, and are checked as UTF-8 only where a term may be in them
/// (they were written from Rust strings; one that is not UTF-8 holds no term).
fn broad_rank(label: &[u8], other_label: Option<&[u8]>, needles: &mut Needles) -> f64 {
    // Characters, as `str::chars().count()` counts them: every byte but UTF-8's continuations.
    let length = label.iter().filter(|&&b| b & 0xC0 != 0x80).count() as f64;
    let within = length / (length + 50.0);
    let every = needles.marker.every_term();
    let in_label = needles.held(label);
    let tier = if in_label == every {
        0
    } else {
        let in_other = other_label.map_or(0, |other| needles.held(other));
        if in_other == every {
            1
        } else {
            2 + (every & !(in_label | in_other)).count_ones()
        }
    };
    f64::from(tier) + within
}

/// The terms of a broad search, to tell how many of them a label holds.
struct Needles {
    marker: Highlighter,
    /// Finds each term, ASCII words lowercased, when every term is a Chinese (or Japanese, or
    /// Korean) run or an ASCII word and the caller asked for the quick test.
    quick: Option<Vec<memmem::Finder<'static>>>,
    /// Whether a term is a word, which has case: the quick test then reads only ASCII texts,
    /// lowercased.
    cased: bool,
    /// An ASCII label, lowercased.
    lower: Vec<u8>,
}

impl Needles {
    /// `quick`: look for the terms' bytes in a label before highlighting it.
    fn new(terms: &[Term], quick: bool) -> Needles {
        Needles {
            marker: Highlighter::new(terms),
            quick: if quick {
                terms
                    .iter()
                    .map(|t| match t {
                        Term::Word(w) if w.is_ascii() => Some(w.to_ascii_lowercase()),
                        Term::Cjk(run) => Some(run.clone()),
                        Term::Word(_) => None,
                    })
                    .map(|t| t.map(|t| memmem::Finder::new(t.as_bytes()).into_owned()))
                    .collect()
            } else {
                None
            },
            cased: terms.iter().any(|t| matches!(t, Term::Word(_))),
            lower: Vec::new(),
        }
    }

    /// Which terms `text` holds, as [`Highlighter::held`] gives them.
    fn held(&mut self, text: &[u8]) -> u64 {
        // A text that holds none of the terms has no highlight. Han, kana and Hangul have no
        // case, and lowercasing makes none of them; an ASCII text lowercases byte for byte, as
        // the highlighter lowercases it. Other text may lowercase into ASCII (the Kelvin sign
        // becomes k), so it is not searched for ASCII words. Most candidates of a broad search
        // matched in their body only, and this spares reading their labels as text.
        if let Some(terms) = &self.quick {
            let hay = if !self.cased {
                Some(text)
            } else if text.is_ascii() {
                self.lower.clear();
                self.lower.extend(text.iter().map(u8::to_ascii_lowercase));
                Some(&self.lower[..])
            } else {
                None
            };
            if hay.is_some_and(|hay| terms.iter().all(|term| term.find(hay).is_none())) {
                return 0;
            }
        }
        let Ok(text) = std::str::from_utf8(text) else {
            return 0;
        };
        self.marker.held(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Labels are ranked from SQLite's bytes: the length must count characters, as
    /// `chars().count()` does, and a label or other label holds the query exactly when its text
    /// does, with the quick test for ASCII or without it.
    #[test]
    fn broad_rank_reads_labels_as_text_would() {
        let labels = [
            "智能机器人",
            "Robot arm 机器臂",
            "Café",
            "",
            "人工智能 AI",
            "ROBOTS",
            "Microbots",
            "Drones",
            "Large language models",
            "Large X",
            "𠀀智能 robot",
        ];
        let place = |length: usize| length as f64 / (length as f64 + 50.0);
        for query in ["智能", "robot", "机器 arm", "é", "large mod", "MOD"] {
            for quick in [true, false] {
                let mut needles = Needles::new(&terms(query), quick);
                for label in labels {
                    let mut marker = Highlighter::new(&terms(query));
                    let (every, held, in_x) =
                        (marker.every_term(), marker.held(label), marker.held("x"));
                    let missing = |held: u64| f64::from((every & !held).count_ones());
                    let tier = if held == every {
                        0.0
                    } else {
                        2.0 + missing(held)
                    };
                    assert_eq!(
                        broad_rank(label.as_bytes(), None, &mut needles),
                        tier + place(label.chars().count()),
                        "{label:?} for {query:?}"
                    );
                    let tier = if held == every {
                        1.0
                    } else {
                        2.0 + missing(held | in_x)
                    };
                    assert_eq!(
                        broad_rank(b"x", Some(label.as_bytes()), &mut needles),
                        tier + place(1),
                        "{label:?} as the other label for {query:?}"
                    );
                }
            }
        }
    }

    /// A label ranks first only when it holds every term: a long highlight of one term is not
    /// a second term ("Large X" used to hold "large mod"). Below the labels and the other
    /// labels that hold every term come the pairs that hold them between them, then the rest
    /// by how many terms they lack.
    #[test]
    fn labels_rank_by_the_terms_they_hold() {
        for (query, label, other, tier) in [
            ("large mod", "Large language models", None, 0.0),
            ("large mod", "Models, large ones", None, 0.0),
            ("large mod", "Large X", None, 3.0),
            ("large mod", "Largemodel", None, 3.0),
            ("large mod", "Drones", None, 4.0),
            ("智能 机器", "智能机器人", None, 0.0),
            ("智能 机器", "Smart robots", Some("智能机器人"), 1.0),
            ("智能 机器", "智能手机", None, 3.0),
            (
                "智能 robot",
                "科学智能论坛",
                Some("Robots and AI for Science"),
                2.0,
            ),
            ("智能 robot", "Orbit Robotics", Some("奥比特机器人"), 3.0),
            ("智能 robot", "Ma Wei", Some("马伟"), 4.0),
            ("robot 机器", "Robot 机器臂", None, 0.0),
        ] {
            for quick in [true, false] {
                let mut needles = Needles::new(&terms(query), quick);
                let rank = broad_rank(label.as_bytes(), other.map(str::as_bytes), &mut needles);
                assert_eq!(rank.floor(), tier, "{label:?} / {other:?} for {query:?}");
            }
        }
    }
}
