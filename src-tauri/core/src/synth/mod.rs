//! Synthetic conferences for benchmarks: a seeded generator of [`ConferenceData`] shaped like
//! WAIC (Chinese titles and abstracts with English `other_title`s, bilingual exhibitor names,
//! forums with many speakers), at WAIC's size or any multiple of it.
//!
//! The same seed always gives the same conference, byte for byte once serialised, so a figure
//! in `docs/benchmarks.md` can be reproduced with `plenary generate --scale 100x --seed 1`.
//! The randomness is a local SplitMix64 ([`rng::Rng`]) rather than the `rand` crate: its output
//! can never change under us with a dependency update.
//!
//! Every generated item is marked wholly illustrative in its [`Provenance`].

mod exhibitors;
pub mod rng;
mod words;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::model::{
    Conference, ConferenceData, Day, Format, Person, Provenance, Room, Session, Track, Venue, Zone,
};
use rng::Rng;
use words::*;

/// How big a synthetic conference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub exhibitors: usize,
    pub products: usize,
    pub sessions: usize,
    pub speakers: usize,
}

impl Scale {
    /// WAIC 2025 as reported: about 800 exhibitors showing 3,000 products, 300 sessions and
    /// 1,500 speakers.
    pub const WAIC: Scale = Scale {
        exhibitors: 800,
        products: 3_000,
        sessions: 300,
        speakers: 1_500,
    };

    /// WAIC times `factor`.
    pub fn times(factor: usize) -> Scale {
        let w = Scale::WAIC;
        Scale {
            exhibitors: w.exhibitors * factor,
            products: w.products * factor,
            sessions: w.sessions * factor,
            speakers: w.speakers * factor,
        }
    }

    /// Parses `waic` or a multiple of it such as `10x` or `100x`.
    pub fn parse(name: &str) -> Option<Scale> {
        if name.eq_ignore_ascii_case("waic") {
            return Some(Scale::WAIC);
        }
        let factor: usize = name.strip_suffix(['x', 'X'])?.parse().ok()?;
        (1..=1000).contains(&factor).then(|| Scale::times(factor))
    }
}

/// First day of every synthetic conference (WAIC 2025's own dates).
const FIRST_DAY: (i32, u32, u32) = (2025, 7, 26);
const DAYS: u32 = 3;
/// Local start times of the session slots in every room, hour and minute.
const SLOTS: &[(u32, u32)] = &[(9, 0), (10, 30), (13, 30), (15, 0), (16, 30)];

/// Generates a conference of `scale` from `seed`. The slug names both, so conferences of
/// different sizes can sit side by side in one store.
pub fn generate(scale: Scale, seed: u64) -> ConferenceData {
    let mut rng = Rng::new(seed);
    let zone = Zone::parse("Asia/Shanghai").unwrap_or_default();
    let first = NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).unwrap_or_default();
    let dates: Vec<NaiveDate> = (0..DAYS)
        .map(|d| first + Duration::days(d.into()))
        .collect();
    let slug = format!("synth-{}-{seed}", scale_name(scale));
    let conference = Conference {
        slug,
        title: format!("Synthetic World AI Conference ({})", scale_name(scale)),
        other_title: Some("合成世界人工智能大会".to_string()),
        acronym: Some("SYNTH".to_string()),
        time_zone: zone,
        start_date: dates.first().copied(),
        end_date: dates.last().copied(),
        venue: Some("Shanghai World Expo Center".to_string()),
        city: Some("Shanghai".to_string()),
        source_format: Some(Format::Plenary),
        provenance: illustrative(),
        ..Conference::default()
    };
    let venues = vec![
        venue("Shanghai World Expo Center", "上海世博中心"),
        venue(
            "Shanghai World Expo Exhibition & Convention Center",
            "上海世博展览馆",
        ),
    ];
    let slots_per_room = DAYS as usize * SLOTS.len();
    let room_count = scale.sessions.div_ceil(slots_per_room).max(1);
    let rooms: Vec<Room> = (0..room_count)
        .map(|i| Room {
            name: format!("Forum Room {}", i + 1),
            other_name: Some(format!("{}号会议室", i + 1)),
            venue: Some(venues[i % venues.len()].name.clone()),
            hall: Some(format!("Level {}", i % 4 + 1)),
            provenance: illustrative(),
        })
        .collect();
    let tracks: Vec<Track> = TOPICS
        .iter()
        .take(12)
        .map(|(_, en)| Track {
            name: (*en).to_string(),
            slug: Some(crate::text::slugify(en)),
            color: None,
        })
        .collect();
    let persons: Vec<Person> = (0..scale.speakers).map(|i| person(&mut rng, i)).collect();
    let mut next_speaker = 0;
    let sessions = (0..scale.sessions)
        .map(|i| {
            let room = i % room_count;
            let slot = i / room_count;
            let day = dates[(slot / SLOTS.len()) % dates.len()];
            let (hour, minute) = SLOTS[slot % SLOTS.len()];
            let local = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default());
            let start = zone.resolve(local) + Duration::minutes(rng.between(0, 2) as i64 * 15);
            let minutes = [45, 60, 60, 90][rng.below(4)];
            let count = rng.between(3, 7).min(scale.speakers);
            let speakers = (0..count)
                .map(|k| persons[(next_speaker + k) % persons.len()].key.clone())
                .collect();
            next_speaker += count;
            let mut s = session(&mut rng, i, &tracks);
            s.start = start;
            s.end = start + Duration::minutes(minutes);
            s.day = day;
            s.room = Some(rooms[room].name.clone());
            s.speakers = speakers;
            s
        })
        .collect();
    let exhibitors = exhibitors::generate(&mut rng, scale);
    ConferenceData {
        conference,
        days: dates
            .iter()
            .zip(1..)
            .map(|(date, index)| Day {
                index,
                date: *date,
                start: None,
                end: None,
            })
            .collect(),
        venues,
        rooms,
        tracks,
        persons,
        sessions,
        exhibitors,
    }
}

/// `waic`, or `Nx` for a multiple of it, as [`Scale::parse`] reads.
pub fn scale_name(scale: Scale) -> String {
    if scale == Scale::WAIC {
        return "waic".to_string();
    }
    match scale.sessions.checked_div(Scale::WAIC.sessions) {
        Some(f) if Scale::times(f) == scale => format!("{f}x"),
        _ => format!("{}s-{}e", scale.sessions, scale.exhibitors),
    }
}

fn illustrative() -> Provenance {
    Provenance {
        sources: Vec::new(),
        illustrative: vec!["*".to_string()],
    }
}

fn venue(name: &str, other: &str) -> Venue {
    Venue {
        name: name.to_string(),
        other_name: Some(other.to_string()),
        address: None,
        provenance: illustrative(),
    }
}

/// A speaker: three in four Chinese (pinyin name, Chinese `other_name`), the rest international.
fn person(rng: &mut Rng, i: usize) -> Person {
    let id = format!("p{i}");
    let (name, other, bio) = if rng.chance(75) {
        let (sz, sp) = *rng.pick(SURNAMES);
        let (gz, gp) = *rng.pick(GIVEN_NAMES);
        let (iz, _) = *rng.pick(INSTITUTIONS);
        let (rz, _) = *rng.pick(ROLES);
        let (tz, _) = *rng.pick(TOPICS);
        let bio = format!("<p>{iz}{rz}，长期从事{tz}研究与产业化工作。</p>");
        (format!("{sp} {gp}"), Some(format!("{sz}{gz}")), bio)
    } else {
        let name = format!("{} {}", rng.pick(WESTERN_FIRST), rng.pick(WESTERN_LAST));
        let (_, ie) = *rng.pick(INSTITUTIONS);
        let (_, re) = *rng.pick(ROLES);
        let (_, te) = *rng.pick(TOPICS);
        let bio = format!("<p>{re} at {ie}, working on {te}.</p>");
        (name, None, bio)
    };
    let affiliation = if rng.chance(50) {
        rng.pick(INSTITUTIONS).1.to_string()
    } else {
        exhibitors::company(rng).1
    };
    Person {
        key: format!("id-{id}"),
        source_id: Some(id),
        guid: None,
        name,
        other_name: other,
        bio: Some(bio),
        affiliation: Some(affiliation),
        provenance: illustrative(),
    }
}

/// A session without its time, room and speakers: mostly Chinese with an English
/// `other_title`, one in seven the other way round.
fn session(rng: &mut Rng, i: usize, tracks: &[Track]) -> Session {
    let (az, ae) = *rng.pick(TOPICS);
    let (bz, be) = *rng.pick(TOPICS);
    let (kz, ke, kind) = *rng.pick(SESSION_KINDS);
    let (oz, oe) = *rng.pick(ORGANISERS);
    let zh = format!("{oz}{az}与{bz}{kz}");
    let en = format!("{oe} {ae} and {be} {ke}");
    let chinese = !rng.chance(15);
    let mut abstract_html = String::from("<p>");
    for _ in 0..rng.between(2, 5) {
        let (tz, te) = *rng.pick(TOPICS);
        if chinese {
            abstract_html.push_str(&rng.pick(ABSTRACT_SENTENCES).replace("{}", tz));
        } else {
            abstract_html.push_str(&format!("This session looks at {te} in practice. "));
        }
    }
    abstract_html.push_str("</p>");
    let (title, other_title) = if chinese { (zh, en) } else { (en, zh) };
    let id = format!("s{i}");
    Session {
        key: format!("id-{id}"),
        source_id: Some(id),
        title,
        other_title: Some(other_title),
        kind: Some(kind.to_string()),
        language: Some(if chinese { "zh" } else { "en" }.to_string()),
        track: Some(rng.pick(tracks).name.clone()),
        abstract_html: Some(abstract_html),
        start: Utc.timestamp_opt(0, 0).single().unwrap_or_default(),
        end: Utc.timestamp_opt(0, 0).single().unwrap_or_default(),
        provenance: illustrative(),
        ..Session::default()
    }
}

/// A venue map for [`generate`]'s conference of `scale`: its rooms in a grid in the two venues
/// they alternate between, its six halls side by side in the exhibition venue, and every booth
/// code the generator can give (rows A to H, numbers 1 to 300) placed in its hall. Wholly
/// illustrative, like the conference.
pub fn venue_map(scale: Scale) -> crate::plan::venues::VenueMap {
    use std::collections::BTreeMap;

    use crate::plan::venues::{HallPlan, VenueMap, VenuePlan, Walk, VENUE_FORMAT};

    let slots_per_room = DAYS as usize * SLOTS.len();
    let room_count = scale.sessions.div_ceil(slots_per_room).max(1);
    let mut forum_rooms = [BTreeMap::new(), BTreeMap::new()];
    for i in 0..room_count {
        let k = i / 2;
        forum_rooms[i % 2].insert(
            format!("Forum Room {}", i + 1),
            [5.0 + (k % 50) as f64 * 10.0, 5.0 + (k / 50) as f64 * 10.0],
        );
    }
    let depth = |rooms: &BTreeMap<String, [f64; 2]>| {
        10.0 + rooms.values().map(|p| p[1]).fold(0.0, f64::max)
    };
    let halls: Vec<HallPlan> = HALLS
        .iter()
        .enumerate()
        .map(|(h, (zh, en, code))| {
            let mut booths = BTreeMap::new();
            for row in 0..8u8 {
                for n in 1..=300 {
                    booths.insert(
                        format!("{code}-{}{n:03}", char::from(b'A' + row)),
                        [5.0 + n as f64, 5.0 + f64::from(row) * 10.0],
                    );
                }
            }
            HallPlan {
                name: (*en).to_string(),
                other_name: Some((*zh).to_string()),
                at: [h as f64 * 320.0, 0.0],
                width: 310.0,
                depth: 90.0,
                entrance: [155.0, 90.0],
                booths,
                illustrative: true,
                sources: Vec::new(),
            }
        })
        .collect();
    let [forum, exhibition] = forum_rooms;
    let plan = |name: &str, rooms: BTreeMap<String, [f64; 2]>, halls: Vec<HallPlan>| {
        let width = if halls.is_empty() {
            510.0
        } else {
            320.0 * halls.len() as f64
        };
        let depth = depth(&rooms).max(if halls.is_empty() { 0.0 } else { 100.0 });
        VenuePlan {
            name: name.to_string(),
            width,
            depth,
            entrance: [width / 2.0, depth],
            rooms,
            halls,
            illustrative: true,
            sources: Vec::new(),
        }
    };
    VenueMap {
        format: VENUE_FORMAT.to_string(),
        conference: None,
        walking_speed: crate::plan::venues::DEFAULT_WALKING_SPEED,
        sources: Vec::new(),
        venues: vec![
            plan("Shanghai World Expo Center", forum, Vec::new()),
            plan(
                "Shanghai World Expo Exhibition & Convention Center",
                exhibition,
                halls,
            ),
        ],
        walks: vec![Walk {
            from: "Shanghai World Expo Center".to_string(),
            to: "Shanghai World Expo Exhibition & Convention Center".to_string(),
            minutes: 15.0,
            note: None,
            illustrative: true,
            sources: Vec::new(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_conference_and_the_counts_asked_for() {
        let a = generate(Scale::WAIC, 7);
        let b = generate(Scale::WAIC, 7);
        let json = |d: &ConferenceData| serde_json::to_string(d).expect("serialise");
        assert_eq!(json(&a), json(&b), "one seed must give one conference");
        assert_ne!(
            json(&a),
            json(&generate(Scale::WAIC, 8)),
            "another seed must give another conference"
        );
        assert_eq!(a.exhibitors.len(), 800);
        assert_eq!(
            a.exhibitors.iter().map(|e| e.products.len()).sum::<usize>(),
            3_000
        );
        assert_eq!(a.sessions.len(), 300);
        assert_eq!(a.persons.len(), 1_500);
        assert_eq!(a.conference.slug, "synth-waic-7");
    }

    #[test]
    fn the_venue_map_is_valid_and_places_every_room_and_booth() {
        let data = generate(Scale::WAIC, 1);
        let map = venue_map(Scale::WAIC);
        let json = serde_json::to_string(&map).expect("serialise");
        let map = crate::plan::venues::VenueMap::parse("synth.json", &json).expect("valid");
        let rooms = Default::default();
        let walker = crate::plan::walk::Walker::new(&map, &rooms);
        use crate::plan::walk::Place;
        assert!(data
            .rooms
            .iter()
            .all(|r| walker.places(Place::Room(&r.name))));
        assert!(data
            .exhibitors
            .iter()
            .flat_map(|e| &e.booths)
            .all(|b| walker.places(Place::Booth(b))));
    }

    #[test]
    fn mostly_chinese_with_english_other_titles() {
        let data = generate(Scale::WAIC, 1);
        let cjk = |s: &str| s.chars().any(crate::search::tokens::is_cjk);
        let chinese = data.sessions.iter().filter(|s| cjk(&s.title)).count();
        assert!(
            (220..=290).contains(&chinese),
            "about 85% Chinese titles, got {chinese}/300"
        );
        assert!(data.sessions.iter().all(|s| s
            .other_title
            .as_deref()
            .is_some_and(|o| cjk(o) != cjk(&s.title))));
        assert!(data.exhibitors.iter().all(|e| e.other_name.is_some()));
    }

    #[test]
    fn generated_file_imports_unchanged() {
        let data = generate(Scale::times(1), 3);
        let text = serde_json::to_string(&data).expect("serialise");
        let mut options = crate::import::ImportOptions::new("synth.json");
        options.format = Some(Format::Plenary);
        let parsed = crate::import::parse(text.as_bytes(), &options).expect("imports");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        assert_eq!(parsed.data, data, "keys are already what finalize derives");
    }

    #[test]
    fn scales_parse() {
        assert_eq!(Scale::parse("waic"), Some(Scale::WAIC));
        assert_eq!(Scale::parse("100x").map(|s| s.exhibitors), Some(80_000));
        assert_eq!(Scale::parse("100x").map(|s| s.products), Some(300_000));
        assert_eq!(Scale::parse("0x"), None);
        assert_eq!(Scale::parse("big"), None);
        assert_eq!(scale_name(Scale::times(100)), "100x");
    }
}
