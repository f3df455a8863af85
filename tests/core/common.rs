//! Helpers shared by the suite's modules.
#![allow(dead_code)]

use std::path::PathBuf;

use plenary_core::import::{self, ImportOptions, Parsed};

/// The shared test data: `PLENARY_SHARED_DATA`, else `shared/data` beside the repository.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PLENARY_SHARED_DATA") {
        return PathBuf::from(dir);
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    repo.join("../shared/data")
}

/// The bytes of a file under the shared data folder, e.g. `schedules/36c3.schedule.xml`.
pub fn read(relative: &str) -> Vec<u8> {
    let path = data_dir().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read test data {}: {e}", path.display()))
}

/// Parses a shared data file with default options, panicking with the error if it fails.
pub fn parse(relative: &str) -> Parsed {
    let options = ImportOptions::new(relative);
    import::parse(&read(relative), &options).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Parses in-memory text as if it were a file called `name`.
pub fn parse_text(name: &str, text: &str) -> plenary_core::Result<Parsed> {
    import::parse(text.as_bytes(), &ImportOptions::new(name))
}

use chrono::{DateTime, NaiveDate, Utc};
use plenary_core::model::{
    Conference, ConferenceData, Exhibitor, Format, Person, Product, Room, Session, Zone,
};
use plenary_core::store::{BookmarkChange, BookmarkKind, Priority};
use plenary_core::Store;

/// An instant written in UTC, e.g. `utc("2025-07-26T01:00:00Z")`.
pub fn utc(text: &str) -> DateTime<Utc> {
    text.parse()
        .unwrap_or_else(|e| panic!("bad instant {text}: {e}"))
}

fn session(
    id: &str,
    title: &str,
    start: &str,
    end: &str,
    room: &str,
    speakers: &[&str],
) -> Session {
    let start = utc(start);
    Session {
        source_id: Some(id.to_string()),
        title: title.to_string(),
        kind: Some("talk".into()),
        start,
        end: utc(end),
        day: NaiveDate::from_ymd_opt(2025, 7, 26).expect("date"),
        room: Some(room.to_string()),
        track: Some("Robotics".into()),
        speakers: speakers.iter().map(|s| s.to_string()).collect(),
        ..Session::default()
    }
}

/// A small bilingual conference: four sessions on 26 July 2025 in Shanghai (two overlapping),
/// two speakers, two exhibitors with products.
pub fn sample() -> ConferenceData {
    let mut keynote = session(
        "1",
        "Opening keynote",
        "2025-07-26T01:00:00Z",
        "2025-07-26T02:00:00Z",
        "Main Hall",
        &["hinton"],
    );
    keynote.kind = Some("keynote".into());
    keynote.other_title = Some("开幕主旨演讲：世界人工智能大会".into());
    keynote.abstract_html = Some("<p>Digital &amp; biological intelligence</p>".into());
    let mut parallel = session(
        "2",
        "Robot dialogue",
        "2025-07-26T01:30:00Z",
        "2025-07-26T02:30:00Z",
        "Forum Room",
        &["hinton", "shum"],
    );
    parallel.kind = Some("keynote".into());
    parallel.other_title = Some("机器人对话".into());
    let late = session(
        "3",
        "Embodied AI forum",
        "2025-07-26T05:00:00Z",
        "2025-07-26T06:00:00Z",
        "Forum Room",
        &["shum"],
    );
    let mut other_day = session(
        "4",
        "Governance meeting",
        "2025-07-27T01:00:00Z",
        "2025-07-27T02:00:00Z",
        "Main Hall",
        &[],
    );
    other_day.day = NaiveDate::from_ymd_opt(2025, 7, 27).expect("date");
    other_day.track = Some("Governance".into());
    ConferenceData {
        conference: Conference {
            slug: "sample-2025".into(),
            title: "Sample Conference".into(),
            other_title: Some("示例大会".into()),
            time_zone: Zone::parse("Asia/Shanghai").expect("zone"),
            ..Conference::default()
        },
        rooms: vec![
            Room {
                name: "Main Hall".into(),
                hall: Some("H1".into()),
                ..Room::default()
            },
            Room {
                name: "Forum Room".into(),
                hall: Some("H2".into()),
                ..Room::default()
            },
        ],
        persons: vec![
            Person {
                key: "hinton".into(),
                name: "Geoffrey Hinton".into(),
                ..Person::default()
            },
            Person {
                key: "shum".into(),
                name: "Harry Shum".into(),
                other_name: Some("沈向洋".into()),
                ..Person::default()
            },
        ],
        sessions: vec![keynote, parallel, late, other_day],
        exhibitors: vec![
            Exhibitor {
                name: "Unitree Robotics".into(),
                other_name: Some("宇树科技".into()),
                hall: Some("H3".into()),
                booths: vec!["H3-A01".into()],
                categories: vec!["Robotics".into(), "机器人".into()],
                description: Some("<p>Legged robots &amp; humanoids</p>".into()),
                products: vec![Product {
                    name: "G1 humanoid".into(),
                    other_name: Some("G1人形机器人".into()),
                    description: Some("A humanoid robot.".into()),
                    ..Product::default()
                }],
                ..Exhibitor::default()
            },
            Exhibitor {
                name: "Huawei".into(),
                other_name: Some("华为".into()),
                hall: Some("H1".into()),
                categories: vec!["Computing".into(), "算力".into()],
                products: vec![Product {
                    name: "CloudMatrix 384".into(),
                    ..Product::default()
                }],
                ..Exhibitor::default()
            },
        ],
        ..ConferenceData::default()
    }
}

/// `data` serialised as a Plenary dataset and parsed back, so keys are derived as in a real
/// import.
pub fn parsed(data: &ConferenceData) -> Parsed {
    let bytes = serde_json::to_vec(data).expect("serialise");
    let mut options = ImportOptions::new("sample.json");
    options.format = Some(Format::Plenary);
    import::parse(&bytes, &options).expect("sample parses")
}

/// An in-memory store holding `data`.
pub fn store_with(data: &ConferenceData) -> Store {
    let store = Store::open_in_memory().expect("store opens");
    store
        .import(parsed(data), &mut |_| {})
        .expect("sample imports");
    store
}

/// Everything a failed import must leave alone: conferences, sessions, exhibitors and bookmarks,
/// as JSON text so a difference prints readably.
pub fn store_state(store: &Store) -> String {
    use plenary_core::store::{ExhibitorFilter, SessionFilter};
    let conferences = store.conferences().expect("conferences");
    let mut out = serde_json::to_string_pretty(&conferences).expect("json");
    for c in &conferences {
        let sessions = store
            .sessions(&SessionFilter {
                conference: Some(c.slug.clone()),
                ..SessionFilter::default()
            })
            .expect("sessions");
        let exhibitors = store
            .exhibitors(&ExhibitorFilter {
                conference: Some(c.slug.clone()),
                ..ExhibitorFilter::default()
            })
            .expect("exhibitors");
        out.push_str(&serde_json::to_string_pretty(&sessions).expect("json"));
        out.push_str(&serde_json::to_string_pretty(&exhibitors).expect("json"));
    }
    out.push_str(
        &serde_json::to_string_pretty(&store.bookmarks(None).expect("bookmarks")).expect("json"),
    );
    out
}

/// The sample store with three bookmarks carrying notes and priorities, so that "unchanged"
/// covers what the user made.
pub fn sample_with_bookmarks() -> Store {
    use plenary_core::store::{BookmarkChange, BookmarkKind, Priority};
    let store = store_with(&sample());
    for (key, priority) in [
        ("id-1", Priority::Must),
        ("id-2", Priority::Maybe),
        ("id-4", Priority::Want),
    ] {
        store
            .set_bookmark(&BookmarkChange {
                conference: "sample-2025".into(),
                kind: Some(BookmarkKind::Session),
                key: key.into(),
                priority: Some(priority),
                note: Some(format!("note on {key}")),
                visited: Some(key == "id-4"),
                reminder: None,
            })
            .unwrap_or_else(|e| panic!("bookmark {key}: {e}"));
    }
    store
}

/// A small seeded generator (xorshift64*), so "random" cases are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The store's journal mode, as the reader finds it in the file (a write here would itself turn
/// a new store to WAL).
pub fn journal_mode(store: &Store) -> String {
    store
        .read(|c| {
            c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })?;
            Ok(c.pragma_query_value(None, "journal_mode", |r| r.get(0))?)
        })
        .expect("journal mode")
}

/// Bookmarks `key` (of `kind`) in `conference` with `priority` and the note "note on KEY".
pub fn mark(store: &Store, conference: &str, kind: BookmarkKind, key: &str, priority: Priority) {
    store
        .set_bookmark(&BookmarkChange {
            conference: conference.into(),
            kind: Some(kind),
            key: key.into(),
            priority: Some(priority),
            note: Some(format!("note on {key}")),
            ..BookmarkChange::default()
        })
        .unwrap_or_else(|e| panic!("bookmark {key}: {e}"));
}
