//! What every importer needs after parsing: stable keys, duplicates resolved, and the lists of
//! rooms, tracks and days completed from the sessions.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::{ConferenceData, Day, Room, Track, Warning};
use crate::text::{digest, slugify};

/// Fills in keys and derived lists. Importers copy what the file says; this makes it whole.
pub(crate) fn finalize(data: &mut ConferenceData, warnings: &mut Vec<Warning>) {
    if data.conference.slug.trim().is_empty() {
        let base = data
            .conference
            .acronym
            .as_deref()
            .unwrap_or(&data.conference.title);
        let mut slug = slugify(base);
        // pretalx exports give bare acronyms such as "2025"; the title is more telling.
        if slug.chars().all(|c| c.is_ascii_digit()) {
            slug = slugify(&format!("{} {}", data.conference.title, base));
        }
        data.conference.slug = if slug.is_empty() {
            "conference".to_string()
        } else {
            slug
        };
    }
    person_keys(data, warnings);
    session_keys(data, warnings);
    exhibitor_keys(data, warnings);
    complete_lists(data, warnings);
}

/// Persons are keyed by source id, else guid, else name. The same person appearing under several
/// events is merged into one entry, keeping the longest bio.
fn person_keys(data: &mut ConferenceData, _warnings: &mut [Warning]) {
    let mut merged: Vec<crate::model::Person> = Vec::with_capacity(data.persons.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut renames: HashMap<String, String> = HashMap::new();
    for mut person in std::mem::take(&mut data.persons) {
        let original = person.key.clone();
        let key = if let Some(id) = person.source_id.as_deref().filter(|s| !s.is_empty()) {
            format!("id-{id}")
        } else if let Some(guid) = person.guid.as_deref().filter(|s| !s.is_empty()) {
            guid.to_ascii_lowercase()
        } else {
            format!("n-{}", slugify(&person.name))
        };
        if !original.is_empty() && original != key {
            renames.insert(original, key.clone());
        }
        person.key = key.clone();
        match index.get(&key) {
            Some(&i) => {
                let kept = &mut merged[i];
                if person.bio.as_ref().map_or(0, String::len)
                    > kept.bio.as_ref().map_or(0, String::len)
                {
                    kept.bio = person.bio;
                }
                if kept.affiliation.is_none() {
                    kept.affiliation = person.affiliation;
                }
            }
            None => {
                index.insert(key, merged.len());
                merged.push(person);
            }
        }
    }
    data.persons = merged;
    for session in &mut data.sessions {
        for speaker in &mut session.speakers {
            if let Some(new) = renames.get(speaker) {
                speaker.clone_from(new);
            }
        }
        let mut seen = HashSet::new();
        session.speakers.retain(|s| seen.insert(s.clone()));
    }
}

/// A session's key is its guid, else its source id, else a digest of title and start. A key
/// seen twice (duplicate ids are real) gets a numbered suffix and a warning.
fn session_keys(data: &mut ConferenceData, warnings: &mut Vec<Warning>) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for session in &mut data.sessions {
        let base = if let Some(guid) = session.guid.as_deref().filter(|s| !s.trim().is_empty()) {
            guid.trim().to_ascii_lowercase()
        } else if let Some(id) = session
            .source_id
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            format!("id-{}", id.trim())
        } else if !session.key.is_empty() {
            session.key.clone()
        } else {
            format!(
                "h-{}",
                digest(&[&session.title, &session.start.to_rfc3339()])
            )
        };
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        session.key = if *count == 1 {
            base
        } else {
            warnings.push(Warning {
                line: None,
                message: format!(
                    "duplicate id {base:?} (\"{}\"): kept as {base}~{count}",
                    session.title
                ),
            });
            format!("{base}~{count}")
        };
    }
}

fn exhibitor_keys(data: &mut ConferenceData, warnings: &mut Vec<Warning>) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for exhibitor in &mut data.exhibitors {
        let base = match exhibitor
            .source_id
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            Some(id) => format!("id-{}", id.trim()),
            None if !exhibitor.key.is_empty() => exhibitor.key.clone(),
            None => slugify(&exhibitor.name),
        };
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        exhibitor.key = if *count == 1 {
            base
        } else {
            warnings.push(Warning {
                line: None,
                message: format!(
                    "duplicate exhibitor {base:?} ({}): kept as {base}~{count}",
                    exhibitor.name
                ),
            });
            format!("{base}~{count}")
        };
    }
}

/// Adds rooms, tracks and days that sessions use but the file did not list, and the
/// conference's first and last day when the file left them out.
/// Removes all but the first of the items that share a key, returning the keys dropped.
fn keep_first<T, K: Eq + std::hash::Hash + Clone>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> K,
) -> Vec<K> {
    let mut seen = HashSet::new();
    let mut dropped = Vec::new();
    items.retain(|item| {
        let k = key(item);
        let first = seen.insert(k.clone());
        if !first {
            dropped.push(k);
        }
        first
    });
    dropped
}

fn complete_lists(data: &mut ConferenceData, warnings: &mut Vec<Warning>) {
    // A source may list a day, room, track or venue twice (found by fuzzing: two <day> with one
    // date). The store holds each once; sessions refer to them by name or date, so nothing is lost.
    for date in keep_first(&mut data.days, |d| d.date) {
        warnings.push(Warning {
            line: None,
            message: format!("day {date} is listed more than once; its sessions are kept"),
        });
    }
    let rooms = keep_first(&mut data.rooms, |r| r.name.clone());
    let tracks = keep_first(&mut data.tracks, |t| t.name.clone());
    let venues = keep_first(&mut data.venues, |v| v.name.clone());
    for (what, names) in [("room", rooms), ("track", tracks), ("venue", venues)] {
        if !names.is_empty() {
            warnings.push(Warning {
                line: None,
                message: format!(
                    "{what}s listed more than once, kept once: {}",
                    names.join(", ")
                ),
            });
        }
    }
    let known_rooms: HashSet<String> = data.rooms.iter().map(|r| r.name.clone()).collect();
    let mut new_rooms = BTreeSet::new();
    let known_tracks: HashSet<String> = data.tracks.iter().map(|t| t.name.clone()).collect();
    let mut new_tracks = BTreeSet::new();
    let mut dates = BTreeSet::new();
    for session in &data.sessions {
        if let Some(room) = session.room.as_ref().filter(|r| !known_rooms.contains(*r)) {
            new_rooms.insert(room.clone());
        }
        if let Some(track) = session
            .track
            .as_ref()
            .filter(|t| !known_tracks.contains(*t))
        {
            new_tracks.insert(track.clone());
        }
        dates.insert(session.day);
    }
    data.rooms.extend(new_rooms.into_iter().map(|name| Room {
        name,
        ..Room::default()
    }));
    data.tracks.extend(new_tracks.into_iter().map(|name| Track {
        name,
        ..Track::default()
    }));

    let listed: HashSet<_> = data.days.iter().map(|d| d.date).collect();
    for date in dates.into_iter().filter(|d| !listed.contains(d)) {
        data.days.push(Day {
            index: 0,
            date,
            start: None,
            end: None,
        });
    }
    data.days.sort_by_key(|d| d.date);
    for (i, day) in data.days.iter_mut().enumerate() {
        if day.index == 0 {
            day.index = u32::try_from(i + 1).unwrap_or(u32::MAX);
        }
    }
    let conference = &mut data.conference;
    if conference.start_date.is_none() {
        conference.start_date = data.days.first().map(|d| d.date);
    }
    if conference.end_date.is_none() {
        conference.end_date = data.days.last().map(|d| d.date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Session};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn session(guid: Option<&str>, id: Option<&str>, title: &str) -> Session {
        let start = Utc
            .with_ymd_and_hms(2026, 1, 31, 9, 0, 0)
            .single()
            .expect("valid");
        Session {
            guid: guid.map(String::from),
            source_id: id.map(String::from),
            title: title.to_string(),
            start,
            end: start,
            day: NaiveDate::from_ymd_opt(2026, 1, 31).expect("valid"),
            room: Some("Janson".into()),
            ..Session::default()
        }
    }

    #[test]
    fn duplicate_ids_are_kept_with_a_warning() {
        let mut data = ConferenceData::default();
        data.conference.title = "Test Conf".into();
        data.sessions = vec![
            session(None, Some("7"), "first"),
            session(None, Some("7"), "second"),
            session(Some("ABC"), Some("8"), "third"),
            session(None, None, "fourth"),
        ];
        let mut warnings = Vec::new();
        finalize(&mut data, &mut warnings);
        let keys: Vec<_> = data.sessions.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(&keys[..3], ["id-7", "id-7~2", "abc"]);
        assert!(keys[3].starts_with("h-"), "{keys:?}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(data.conference.slug, "test-conf");
        assert_eq!(data.rooms.len(), 1, "room derived from sessions");
        assert_eq!(data.days.len(), 1, "day derived from sessions");
    }

    #[test]
    fn shared_persons_merge() {
        let mut data = ConferenceData::default();
        data.conference.slug = "x".into();
        data.persons = vec![
            Person {
                key: "p1".into(),
                source_id: Some("1".into()),
                name: "Ada".into(),
                ..Person::default()
            },
            Person {
                key: "p1".into(),
                source_id: Some("1".into()),
                name: "Ada".into(),
                bio: Some("longer".into()),
                ..Person::default()
            },
        ];
        let mut s = session(None, Some("1"), "t");
        s.speakers = vec!["p1".into()];
        data.sessions = vec![s];
        finalize(&mut data, &mut Vec::new());
        assert_eq!(data.persons.len(), 1);
        assert_eq!(data.persons[0].bio.as_deref(), Some("longer"));
        assert_eq!(data.sessions[0].speakers, ["id-1"]);
    }
}
