//! The identifiers the strict c3voc schemas demand: positive integer event ids, UUID guids,
//! slugs and an acronym in their patterns. Every rule keeps what the source gave when it fits
//! and derives something stable when it does not, so re-exporting gives the same identifiers.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::model::{ConferenceData, Session};
use crate::text::digest;

/// Numeric source ids where they are positive integers and unique; everyone else gets the next
/// free number after the largest kept one, in session order.
pub(super) fn event_ids(sessions: &[Session]) -> Vec<u64> {
    let numeric: Vec<Option<u64>> = sessions
        .iter()
        .map(|s| positive_integer(s.source_id.as_deref()))
        .collect();
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for id in numeric.iter().flatten() {
        *counts.entry(*id).or_default() += 1;
    }
    let kept = |id: &Option<u64>| id.filter(|id| counts.get(id) == Some(&1));
    let mut next = numeric.iter().filter_map(kept).max().unwrap_or(0);
    numeric
        .iter()
        .map(|id| {
            kept(id).unwrap_or_else(|| {
                next += 1;
                next
            })
        })
        .collect()
}

/// A positive integer small enough for every JSON reader (at most 2^53).
pub(super) fn positive_integer(text: Option<&str>) -> Option<u64> {
    text?
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|n| (1..=(1 << 53)).contains(n))
}

/// Each session's guid when it is a UUID not already used; otherwise a UUID v5 derived from the
/// conference slug and the session key, which is the same in every export of that session.
pub(super) fn session_guids(data: &ConferenceData) -> Vec<String> {
    let slug = &data.conference.slug;
    let mut used: HashSet<String> = HashSet::new();
    data.sessions
        .iter()
        .map(|s| {
            let own = s.guid.as_deref().and_then(normal_uuid);
            let mut guid = own
                .filter(|g| !used.contains(g))
                .unwrap_or_else(|| derived_uuid(slug, "session", &session_key(s)));
            let mut n = 1;
            while used.contains(&guid) {
                n += 1;
                guid = derived_uuid(slug, "session", &format!("{}#{n}", session_key(s)));
            }
            used.insert(guid.clone());
            guid
        })
        .collect()
}

/// The session's key, or a digest of title and start for data that was never finalised.
fn session_key(session: &Session) -> String {
    if session.key.is_empty() {
        digest(&[&session.title, &session.start.to_rfc3339()])
    } else {
        session.key.clone()
    }
}

/// `text` as a lower-case hyphenated UUID (the form the XSD's pattern accepts), if it is one.
pub(super) fn normal_uuid(text: &str) -> Option<String> {
    Uuid::parse_str(text.trim())
        .ok()
        .map(|u| u.hyphenated().to_string())
}

/// UUID v5 in the URL namespace of `plenary:{conference}/{kind}/{key}`.
pub(super) fn derived_uuid(conference: &str, kind: &str, key: &str) -> String {
    let name = format!("plenary:{conference}/{kind}/{key}");
    Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
        .hyphenated()
        .to_string()
}

/// An acronym of at least four characters from `[a-z0-9_]`: the one form that satisfies the
/// XSD (`[a-z0-9_-]{4,}`), the JSON schema (`[a-z0-9_-][a-z0-9_]{3,}…`) and the slug prefix.
pub(super) fn acronym(data: &ConferenceData) -> String {
    let conf = &data.conference;
    [
        conf.acronym.as_deref(),
        Some(conf.slug.as_str()),
        Some(conf.title.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(|text| ascii_slug(text, '_'))
    .find(|a| a.len() >= 4)
    .unwrap_or_else(|| "conference".to_string())
}

/// Lower-case ASCII letters and digits, runs of anything else replaced by one `separator`.
fn ascii_slug(text: &str, separator: char) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(separator) {
            out.push(separator);
        }
    }
    while out.ends_with(separator) {
        out.pop();
    }
    out
}

/// Each session's own slug when it satisfies both schemas and is unused, else
/// `{acronym}-{id}-{title}` (the c3voc convention).
pub(super) fn slugs(acronym: &str, sessions: &[Session], ids: &[u64]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    sessions
        .iter()
        .zip(ids)
        .map(|(session, id)| {
            let own = session.slug.as_deref().filter(|s| is_valid_slug(s));
            let mut slug = match own {
                Some(own) if !used.contains(own) => own.to_string(),
                _ => derived_slug(acronym, *id, session),
            };
            let base = slug.clone();
            let mut n = 1;
            while used.contains(&slug) {
                n += 1;
                slug = format!("{base}_{n}");
            }
            used.insert(slug.clone());
            slug
        })
        .collect()
}

fn derived_slug(acronym: &str, id: u64, session: &Session) -> String {
    let title = [Some(session.title.as_str()), session.other_title.as_deref()]
        .into_iter()
        .flatten()
        .map(|t| {
            let mut slug = ascii_slug(t, '-');
            slug.truncate(50);
            slug.trim_end_matches('-').to_string()
        })
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "event".to_string());
    format!("{acronym}-{id}-{title}")
}

/// True when `slug` matches the XSD's `[a-z0-9_]{4,}-[a-z0-9\-_]{4,}` and the JSON schema's
/// `^[a-z0-9_-]+[a-z0-9]$`. pretalx codes (`SFKNTZ-welcome`) and short slugs fail.
fn is_valid_slug(slug: &str) -> bool {
    let charset = slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    let ends_alnum = slug
        .bytes()
        .last()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    let split = slug
        .find('-')
        .is_some_and(|i| i >= 4 && slug[i + 1..].len() >= 4);
    charset && ends_alnum && split
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_check_follows_both_patterns() {
        assert!(is_valid_slug("36c3-10496-the_ultimate_talk"));
        assert!(is_valid_slug("fosdem_2026-keynote"));
        assert!(
            !is_valid_slug("SFKNTZ-welcome_to_fosdem_2026"),
            "upper case"
        );
        assert!(!is_valid_slug("38c3-ada"), "second part too short");
        assert!(!is_valid_slug("abc-defgh"), "first part too short");
        assert!(!is_valid_slug("good-2025-talk-"), "trailing dash");
    }

    #[test]
    fn ids_keep_unique_numbers_and_fill_the_rest() {
        let session = |id: Option<&str>| Session {
            source_id: id.map(str::to_string),
            ..Session::default()
        };
        let sessions = [
            session(Some("7")),
            session(Some("abc")),
            session(Some("3")),
            session(Some("3")),
            session(None),
            session(Some("0")),
        ];
        assert_eq!(event_ids(&sessions), vec![7, 8, 9, 10, 11, 12]);
    }

    #[test]
    fn acronym_falls_back_to_slug_when_too_short() {
        let mut data = ConferenceData::default();
        data.conference.acronym = Some("C3".into());
        data.conference.slug = "chaos-congress".into();
        assert_eq!(acronym(&data), "chaos_congress");
        data.conference.acronym = Some("38C3".into());
        assert_eq!(acronym(&data), "38c3");
    }
}
