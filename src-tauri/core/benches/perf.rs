//! Criterion benchmarks for the targets of issue 5: import, search and agenda.
//!
//! `cargo bench -p plenary-core` runs the WAIC-scale set (a few minutes on two cores). Set
//! `PLENARY_BENCH_100X=1` to add search at 100× WAIC; that store is built once (about a
//! minute) into the same folder `plenary bench` uses, and reused. `docs/benchmarks.md` has the
//! figures and `plenary bench` the p99s, which Criterion does not report.

// A benchmark binary: a broken fixture should stop it loudly.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use plenary_core::import::{self, ImportOptions, Parsed};
use plenary_core::model::Format;
use plenary_core::search::SearchQuery;
use plenary_core::store::{BookmarkChange, SessionFilter, SCHEMA_VERSION};
use plenary_core::synth::{self, Scale};
use plenary_core::Store;

/// The real FOSDEM 2026 schedule, beside the repository as in the integration tests.
fn fosdem() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/schedules/fosdem-2026.schedule.xml")
}

const QUERIES: &[(&str, &str)] = &[
    ("zh-1char", "智"),
    ("zh-2char", "智能"),
    ("en-prefix", "robo"),
    ("no-match", "xylophone"),
];

fn synthetic(scale: Scale) -> (Store, String) {
    let data = synth::generate(scale, 1);
    let slug = data.conference.slug.clone();
    let store = Store::open_in_memory().expect("store");
    store
        .import(
            Parsed {
                format: Format::Plenary,
                data,
                warnings: Vec::new(),
            },
            &mut |_| {},
        )
        .expect("import");
    (store, slug)
}

fn query(slug: &str, text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        conference: Some(slug.to_string()),
        limit: Some(50),
        ..SearchQuery::default()
    }
}

fn import_fosdem(c: &mut Criterion) {
    let path = fosdem();
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipping import benchmarks: {} not found", path.display());
        return;
    };
    let options = ImportOptions::new("fosdem-2026.schedule.xml");
    let mut group = c.benchmark_group("import fosdem-2026");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("parse", |b| {
        b.iter(|| import::parse(&bytes, &options).expect("parse"))
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let mut run = 0;
    group.bench_function("parse + store on disk (fresh store)", |b| {
        b.iter(|| {
            run += 1;
            let store = Store::open(dir.path().join(format!("{run}.db"))).expect("open");
            let parsed = import::parse(&bytes, &options).expect("parse");
            store.import(parsed, &mut |_| {}).expect("import")
        })
    });
    group.finish();
}

fn search_at(c: &mut Criterion, name: &str, store: &Store, slug: &str) {
    let mut group = c.benchmark_group(format!("search {name}"));
    for (label, text) in QUERIES {
        let q = query(slug, text);
        group.bench_with_input(BenchmarkId::from_parameter(label), &q, |b, q| {
            b.iter(|| store.search(q).expect("search"))
        });
    }
    group.finish();
}

fn search_waic(c: &mut Criterion) {
    let (store, slug) = synthetic(Scale::WAIC);
    search_at(c, "waic", &store, &slug);
}

fn search_100x(c: &mut Criterion) {
    if std::env::var_os("PLENARY_BENCH_100X").is_none() {
        return;
    }
    let scale = Scale::times(100);
    let slug = format!("synth-{}-1", synth::scale_name(scale));
    let dir = std::env::temp_dir().join("plenary-bench");
    let path = dir.join(format!("{slug}-v{SCHEMA_VERSION}.db"));
    let store = Store::open(&path).expect("open");
    let built = store
        .conferences()
        .expect("conferences")
        .iter()
        .any(|c| c.slug == slug);
    if !built {
        eprintln!("building {} once…", path.display());
        let data = synth::generate(scale, 1);
        store
            .import(
                Parsed {
                    format: Format::Plenary,
                    data,
                    warnings: Vec::new(),
                },
                &mut |_| {},
            )
            .expect("import");
    }
    search_at(c, "100x", &store, &slug);
}

fn agenda(c: &mut Criterion) {
    // 10× WAIC has 3,000 sessions, enough to bookmark 500 spread over all three days.
    let (store, slug) = synthetic(Scale::times(10));
    let sessions = store
        .sessions(&SessionFilter {
            conference: Some(slug.clone()),
            ..SessionFilter::default()
        })
        .expect("sessions");
    for s in sessions.iter().step_by(sessions.len() / 500).take(500) {
        store
            .set_bookmark(&BookmarkChange {
                conference: slug.clone(),
                key: s.key.clone(),
                ..BookmarkChange::default()
            })
            .expect("bookmark");
    }
    c.bench_function("agenda 500 bookmarks", |b| {
        b.iter(|| store.agenda(Some(&slug)).expect("agenda"))
    });
}

/// The two planning algorithms on their own, on 500 items: the scheduler on 500 bookmarked
/// sessions of one day across 40 rooms, the router through 500 booths (seeded, reproducible).
fn planning(c: &mut Criterion) {
    use plenary_core::plan::{route, schedule};
    use plenary_core::store::Priority;
    use plenary_core::synth::rng::Rng;
    let mut rng = Rng::new(3);
    let priorities = [Priority::Must, Priority::Want, Priority::Maybe];
    let slots: Vec<(schedule::Slot, usize)> = (0..500)
        .map(|i| {
            let start = rng.between(0, 10 * 60) as i64 * 60;
            let length = rng.between(20, 120) as i64 * 60;
            let slot = schedule::Slot {
                start,
                end: start + length,
                priority: priorities[i % 3],
                pinned: false,
            };
            (slot, rng.below(40))
        })
        .collect();
    let only: Vec<schedule::Slot> = slots.iter().map(|s| s.0.clone()).collect();
    let walk = |i: usize, j: usize| (slots[i].1 as i64 - slots[j].1 as i64).abs() * 60;
    c.bench_function("plan: schedule::choose on 500 sessions", |b| {
        b.iter(|| schedule::choose(&only, walk))
    });
    let points: Vec<(f64, f64)> = (0..501)
        .map(|_| (rng.below(2000) as f64, rng.below(300) as f64))
        .collect();
    let dist =
        |a: usize, b: usize| (points[a].0 - points[b].0).abs() + (points[a].1 - points[b].1).abs();
    c.bench_function("plan: route::order through 500 booths", |b| {
        b.iter(|| route::order(points.len(), dist))
    });
}

criterion_group!(
    benches,
    import_fosdem,
    search_waic,
    search_100x,
    agenda,
    planning
);
criterion_main!(benches);
