//! Integration tests: search in Chinese and English, with filters.

use crate::common::{sample, store_with};
use plenary_core::search::{Entity, SearchHit, SearchQuery};
use plenary_core::Store;

fn search(store: &Store, text: &str) -> Vec<SearchHit> {
    store
        .search(&SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        })
        .unwrap_or_else(|e| panic!("search {text:?}: {e}"))
}

fn labels(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.label.as_str()).collect()
}

#[test]
fn two_character_word_inside_a_longer_run() {
    let store = store_with(&sample());
    let hits = search(&store, "智能");
    assert_eq!(
        labels(&hits),
        ["Opening keynote"],
        "智能 inside 世界人工智能大会"
    );
}

#[test]
fn one_character_and_long_chinese_queries() {
    let store = store_with(&sample());
    let hits = search(&store, "机");
    let found = labels(&hits);
    assert!(
        found.contains(&"Robot dialogue"),
        "机 in 机器人对话: {found:?}"
    );
    assert!(
        found.contains(&"Unitree Robotics"),
        "机 in category 机器人: {found:?}"
    );
    assert_eq!(
        labels(&search(&store, "世界人工智能大会")),
        ["Opening keynote"],
        "a whole run"
    );
    assert!(
        search(&store, "人工大会").is_empty(),
        "non-adjacent characters do not match as a phrase"
    );
}

#[test]
fn robot_in_chinese_and_english_finds_the_robotics_exhibitor() {
    let store = store_with(&sample());
    for query in ["机器人", "robot", "Robo", "宇树"] {
        let hits = search(&store, query);
        assert!(
            hits.iter()
                .any(|h| h.entity == Entity::Exhibitor && h.label == "Unitree Robotics"),
            "{query:?} finds Unitree: {:?}",
            labels(&hits)
        );
    }
}

#[test]
fn mixed_chinese_and_english_query() {
    let store = store_with(&sample());
    let hits = search(&store, "G1 机器人");
    assert_eq!(
        labels(&hits),
        ["G1 humanoid", "Unitree Robotics"],
        "both terms required; the product first"
    );
    assert_eq!(hits[0].entity, Entity::Product);
    assert_eq!(
        hits[0].key, "unitree-robotics",
        "a product points at its exhibitor"
    );
    assert_eq!(hits[0].detail.as_deref(), Some("Unitree Robotics"));
}

#[test]
fn speakers_are_searchable_by_either_name() {
    let store = store_with(&sample());
    let hits = search(&store, "沈向洋");
    assert!(
        hits.iter()
            .any(|h| h.entity == Entity::Person && h.label == "Harry Shum"),
        "{:?}",
        labels(&hits)
    );
    assert!(
        hits.iter()
            .any(|h| h.entity == Entity::Session && h.label == "Robot dialogue"),
        "sessions match on speaker names too: {:?}",
        labels(&hits)
    );
}

#[test]
fn ranking_prefers_title_matches() {
    let store = store_with(&sample());
    let hits = store
        .search(&SearchQuery {
            text: "robot".into(),
            entities: vec![Entity::Session],
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!(
        hits[0].label, "Robot dialogue",
        "title match first, track-only matches after"
    );
    assert!(
        hits.len() >= 2,
        "track 'Robotics' also matches: {:?}",
        labels(&hits)
    );
}

#[test]
fn filters_narrow_results() {
    let store = store_with(&sample());
    let query = |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = SearchQuery {
            text: "robot".into(),
            ..SearchQuery::default()
        };
        f(&mut q);
        store.search(&q).expect("search")
    };
    let by_kind = query(&|q| q.kind = Some("keynote".into()));
    assert_eq!(
        labels(&by_kind),
        ["Robot dialogue", "Opening keynote"],
        "only keynotes, title match first"
    );
    let by_day = query(&|q| q.day = Some("2025-07-27".into()));
    assert!(
        by_day.is_empty(),
        "no robot sessions on day two: {:?}",
        labels(&by_day)
    );
    let by_hall = query(&|q| q.hall = Some("H3".into()));
    assert!(
        by_hall.iter().all(|h| h.key == "unitree-robotics"),
        "hall filter: {:?}",
        labels(&by_hall)
    );
    let by_category = store
        .search(&SearchQuery {
            text: "cloudmatrix".into(),
            category: Some("算力".into()),
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!(
        labels(&by_category),
        ["CloudMatrix 384", "Huawei"],
        "product and its exhibitor"
    );
    let wrong_category = store
        .search(&SearchQuery {
            text: "cloudmatrix".into(),
            category: Some("Robotics".into()),
            ..SearchQuery::default()
        })
        .expect("search");
    assert!(
        wrong_category.is_empty(),
        "category filter excludes Huawei: {:?}",
        labels(&wrong_category)
    );
}

#[test]
fn hostile_and_empty_queries_are_harmless() {
    let store = store_with(&sample());
    for query in [
        "",
        "   ",
        "\"",
        "NEAR(",
        "a OR b",
        "*",
        "title:robot",
        "'; DROP TABLE session; --",
    ] {
        let result = store.search(&SearchQuery {
            text: query.into(),
            ..SearchQuery::default()
        });
        assert!(result.is_ok(), "{query:?} must not error: {result:?}");
    }
    assert!(
        search(&store, "zzzz-no-such-thing").is_empty(),
        "no-match query"
    );
    assert_eq!(
        search(&store, "robot")
            .first()
            .map(|h| h.highlights.clone()),
        Some(vec![[0, 5]])
    );
}

/// A query with more matches than BM25 ranks exactly is ordered by where it matched: every
/// hit whose label holds the term comes before the others, and the highlights point at it.
#[test]
fn broad_query_puts_label_matches_first() {
    let store = synthetic_waic();
    let hits = search(&store, "r");
    assert_eq!(hits.len(), 50, "a one-letter query fills the page");
    assert!(
        hits.windows(2).all(|w| w[0].rank <= w[1].rank),
        "broad hits come in rank order"
    );
    let in_label = hits.iter().take_while(|h| h.rank < 1.0).count();
    assert!(in_label > 0, "some labels start a word with r");
    for h in &hits[..in_label] {
        assert!(
            !h.highlights.is_empty(),
            "label match {:?} is highlighted",
            h.label
        );
    }
    assert!(
        hits.iter()
            .all(|h| h.entity != Entity::Session || h.start.is_some()),
        "sessions keep their start time"
    );
    let kind = |h: &SearchHit| {
        [
            Entity::Session,
            Entity::Exhibitor,
            Entity::Product,
            Entity::Person,
        ]
        .iter()
        .position(|e| *e == h.entity)
    };
    assert!(
        hits.windows(2)
            .all(|w| w[0].rank < w[1].rank || kind(&w[0]) <= kind(&w[1])),
        "within one rank: sessions, exhibitors, products, then people"
    );
    let products = store
        .search(&SearchQuery {
            text: "r".into(),
            entities: vec![Entity::Product],
            ..SearchQuery::default()
        })
        .expect("search products only");
    assert_eq!(
        products.len(),
        50,
        "a broad search of one kind fills the page"
    );
    assert!(
        products.iter().all(|h| h.entity == Entity::Product),
        "only the kind asked for"
    );
}

/// The synthetic WAIC-scale conference (seed 1), in memory.
fn synthetic_waic() -> Store {
    use plenary_core::synth::{self, Scale};

    store_with(&synth::generate(Scale::WAIC, 1))
}

/// A broad Chinese query: the hits whose label holds it come first, highlighted; the others,
/// matched in another label or the body only, do not hold it in their label.
#[test]
fn broad_chinese_query_puts_label_matches_first() {
    let store = synthetic_waic();
    let hits = search(&store, "机器人");
    assert_eq!(hits.len(), 50, "a broad query fills the page");
    let in_label = hits.iter().take_while(|h| h.rank < 1.0).count();
    assert!(in_label > 0, "some labels hold 机器人");
    for h in &hits[..in_label] {
        assert!(h.label.contains("机器人"), "{:?} holds the query", h.label);
        assert!(!h.highlights.is_empty(), "{:?} is highlighted", h.label);
    }
    for h in &hits[in_label..] {
        assert!(
            !h.label.contains("机器人"),
            "{:?} ranks with the label matches",
            h.label
        );
    }
}

/// One or two letters search labels only, through their own prefix index (migration 06); from
/// three letters on, bodies count too. A re-import leaves no trace of the old labels.
#[test]
fn one_and_two_letters_match_words_in_labels_only() {
    let mut data = sample();
    let store = store_with(&data);
    let di = search(&store, "di");
    assert!(
        labels(&di).contains(&"Robot dialogue"),
        "a label word starting with di: {:?}",
        labels(&di)
    );
    assert!(
        !labels(&di).contains(&"Opening keynote"),
        "\"Digital\" is only in the keynote's abstract: {:?}",
        labels(&di)
    );
    assert!(
        labels(&search(&store, "dig")).contains(&"Opening keynote"),
        "three letters find it in the abstract"
    );
    let r = search(&store, "R");
    for label in ["Robot dialogue", "Unitree Robotics"] {
        assert!(
            labels(&r).contains(&label),
            "{label} for R: {:?}",
            labels(&r)
        );
    }
    assert!(
        search(&store, "q").is_empty(),
        "no label word starts with q"
    );

    let dialogue = data
        .sessions
        .iter_mut()
        .find(|s| s.title == "Robot dialogue")
        .expect("the sample has the dialogue");
    dialogue.title = "Robot talk".into();
    store
        .import(crate::common::parsed(&data), &mut |_| {})
        .expect("re-import");
    // A stale entry would point at whatever row now has the old row's id.
    for hit in search(&store, "di") {
        let words = format!(
            "{} {}",
            hit.label,
            hit.other_label.clone().unwrap_or_default()
        );
        assert!(
            words
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.to_lowercase().starts_with("di")),
            "{:?} has no word starting with di: the label index kept an old entry",
            hit.label
        );
    }
    assert!(labels(&search(&store, "ta")).contains(&"Robot talk"));
}

/// The sample with 450 talks whose abstracts hold "robotics" and 300 makers whose names do; each
/// title and name starts with `prefix`.
fn talks_and_makers(prefix: &str) -> plenary_core::model::ConferenceData {
    use plenary_core::model::{Exhibitor, Session};

    let mut data = sample();
    let template = data.sessions[0].clone();
    data.sessions = (0..450)
        .map(|i| Session {
            key: String::new(),
            source_id: Some(format!("talk-{i}")),
            guid: None,
            title: format!("{prefix}Talk {i}"),
            abstract_html: Some("About robotics and the people who build robots.".into()),
            ..template.clone()
        })
        .collect();
    data.exhibitors = (0..300)
        .map(|i| Exhibitor {
            source_id: Some(format!("maker-{i}")),
            name: format!("{prefix}Robotics maker {i}"),
            ..Exhibitor::default()
        })
        .collect();
    data
}

/// A broad search with a page larger than a hundred takes that many matches of each kind: here
/// 450 sessions and 300 exhibitors hold the word, more than the 600 asked for, so the search is
/// broad. Every exhibitor must come once, and before the sessions, whose titles do not hold it.
#[test]
fn a_broad_search_with_a_large_page_takes_that_many_of_each_kind() {
    let store = store_with(&talks_and_makers(""));
    let hits = store
        .search(&SearchQuery {
            text: "robotics".into(),
            limit: Some(600),
            ..SearchQuery::default()
        })
        .expect("search robotics");
    assert_eq!(hits.len(), 600, "the page is full");
    let keys: std::collections::HashSet<(Entity, &str)> =
        hits.iter().map(|h| (h.entity, h.key.as_str())).collect();
    assert_eq!(keys.len(), 600, "no hit comes twice");
    assert!(
        hits[..300].iter().all(|h| h.entity == Entity::Exhibitor),
        "all 300 exhibitors, whose names hold the word, come first"
    );
    assert!(
        hits[300..].iter().all(|h| h.entity == Entity::Session),
        "then sessions"
    );
}

/// A conference's search reads only its own rows, even when another conference was indexed
/// between its programme and its exhibitors: here A's exhibitors come before B's rows and A's
/// programme after them. Searches ranked by BM25 and broad ones are checked.
#[test]
fn a_search_reads_only_its_conference_when_another_lies_between() {
    use crate::common::parsed;
    use plenary_core::model::Product;

    let conference = |slug: &str, prefix: &str| {
        let mut data = talks_and_makers(&format!("{prefix} "));
        data.conference.slug = slug.into();
        data.conference.title = format!("{prefix} conference");
        for (i, maker) in data.exhibitors.iter_mut().enumerate() {
            maker.products = vec![Product {
                name: format!("{prefix} robotics kit {i}"),
                ..Product::default()
            }];
        }
        data.persons[0].name = format!("{prefix} robotics fan");
        data
    };
    let store = store_with(&conference("a", "Alpha"));
    let import = |data| {
        store.import(parsed(&data), &mut |_| {}).expect("imports");
    };
    import(conference("b", "Beta"));
    // A's programme again, without its exhibitors: it is indexed after B's rows.
    let mut programme = conference("a", "Alpha");
    programme.exhibitors.clear();
    import(programme);

    let find = |text: &str, entities: Vec<Entity>, limit: u32| {
        store
            .search(&SearchQuery {
                text: text.into(),
                conference: Some("a".into()),
                entities,
                limit: Some(limit),
                ..SearchQuery::default()
            })
            .unwrap_or_else(|e| panic!("search {text:?}: {e}"))
    };
    let only_alpha = |hits: &[SearchHit], what: &str| {
        for h in hits {
            assert!(h.label.starts_with("Alpha"), "{what}: {:?} is B's", h.label);
        }
    };
    // A product's text names its maker and a maker's its products, so "maker" finds both
    // kinds, in the second and third of the four runs. Up to 600 matches are ranked by BM25
    // for a page of 600: A has 600, A and B 1,200.
    let makers = find("maker", Vec::new(), 600);
    assert_eq!(makers.len(), 600, "A's makers and kits, and none of B's");
    assert!(makers.iter().all(|h| h.rank < 0.0), "ranked by BM25");
    only_alpha(&makers, "maker");
    // People come last. A page of 500 ranks A's 451 matches by BM25.
    let fans = find("fan", Vec::new(), 500);
    assert!(
        labels(&fans).contains(&"Alpha robotics fan"),
        "A's speaker, and the talks that name them"
    );
    assert!(fans.iter().all(|h| h.rank < 0.0), "ranked by BM25");
    only_alpha(&fans, "fan");
    // A page of 700 is ranked by BM25 up to 700 matches; A has 1,051.
    let robotics = find("robotics", Vec::new(), 700);
    assert_eq!(
        robotics.len(),
        700,
        "A's talks, makers, kits and fan fill the page"
    );
    assert!(robotics.iter().all(|h| h.rank >= 0.0), "broad order");
    only_alpha(&robotics, "robotics");
    let talks = find("robotics", vec![Entity::Session], 1000);
    assert_eq!(talks.len(), 450, "A's talks only");
    only_alpha(&talks, "robotics in sessions");
    let speakers = find("robotics", vec![Entity::Person], 1000);
    assert_eq!(
        labels(&speakers),
        ["Alpha robotics fan"],
        "A's speaker only"
    );
}

/// A Chinese or Japanese run is searched as bigrams in titles and bodies. The katakana middle
/// dot is no letter to SQLite's tokenizer, so "ト・" is the one-character token ト: it must not
/// reach the column of single characters, where every ト of "トマト" is.
#[test]
fn a_run_with_punctuation_does_not_match_single_characters() {
    let mut data = sample();
    data.sessions[2].title = "トマト".into();
    let store = store_with(&data);
    assert!(
        labels(&search(&store, "トマト")).contains(&"トマト"),
        "the title itself is found"
    );
    assert!(
        !labels(&search(&store, "ト・")).contains(&"トマト"),
        "ト・ is not in トマト"
    );
}

/// Stores indexed before each kind had its own run of rowids hold every exhibitor's products
/// right after it. A search for one of the two kinds must still return that kind only.
#[test]
fn a_store_with_products_mixed_among_exhibitors_searches_each_kind_apart() {
    use plenary_core::model::{Exhibitor, Product};

    let mut data = sample();
    data.exhibitors = (0..3)
        .map(|i| Exhibitor {
            source_id: Some(format!("maker-{i}")),
            name: format!("Robotics maker {i}"),
            products: vec![Product {
                name: format!("Robotics kit {i}"),
                ..Product::default()
            }],
            ..Exhibitor::default()
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plenary.db");
    let store = Store::open(&path).expect("open");
    store
        .import(crate::common::parsed(&data), &mut |_| {})
        .expect("imports");
    // Lay the rows out as the old index did: each exhibitor, then its products.
    let conn = rusqlite::Connection::open(&path).expect("open the file");
    conn.execute_batch(
        "BEGIN;
         CREATE TEMP TABLE old AS SELECT * FROM search_doc
             WHERE entity IN ('exhibitor', 'product') ORDER BY entity_id, entity;
         DELETE FROM search_fts WHERE rowid IN (SELECT id FROM old);
         DELETE FROM search_label_fts WHERE rowid IN (SELECT id FROM old);
         DELETE FROM search_doc WHERE id IN (SELECT id FROM old);
         CREATE TEMP TABLE mixed AS
             SELECT (SELECT max(id) FROM search_doc) + row_number() OVER
                    (ORDER BY CASE entity WHEN 'exhibitor' THEN entity_id
                          ELSE (SELECT e.id FROM exhibitor e JOIN product p
                                ON p.exhibitor_id = e.id WHERE p.id = old.entity_id) END,
                     entity) AS new_id, *
             FROM old;
         INSERT INTO search_doc (id, conference_id, entity, entity_id, key, label, other_label,
                 detail, starts_at, day, track, kind, hall, categories)
             SELECT new_id, conference_id, entity, entity_id, key, label, other_label, detail,
                 starts_at, day, track, kind, hall, categories FROM mixed;
         INSERT INTO search_fts (rowid, title, body, grams) SELECT new_id, label, '', '' FROM mixed;
         INSERT INTO search_label_fts (rowid, label) SELECT new_id, label FROM mixed;
         COMMIT;",
    )
    .expect("mix the rows");
    let kinds: Vec<String> = conn
        .prepare(
            "SELECT entity FROM search_doc WHERE entity IN ('exhibitor', 'product') ORDER BY id",
        )
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("read the layout");
    assert_eq!(
        kinds,
        [
            "exhibitor",
            "product",
            "exhibitor",
            "product",
            "exhibitor",
            "product"
        ],
        "the old layout"
    );
    drop(conn);
    for kind in [Entity::Exhibitor, Entity::Product] {
        let hits = store
            .search(&SearchQuery {
                text: "robotics".into(),
                entities: vec![kind],
                ..SearchQuery::default()
            })
            .expect("search");
        assert_eq!(hits.len(), 3, "three of each: {:?}", labels(&hits));
        assert!(
            hits.iter().all(|h| h.entity == kind),
            "{kind:?} only: {:?}",
            labels(&hits)
        );
    }
}
