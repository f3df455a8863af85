//! One `schedule.json` event to a [`Session`] and its [`Person`]s.

use chrono::{DateTime, Duration, Utc};

use super::raw;
use super::{parse_instant, parse_time};
use crate::error::Result;
use crate::import::{duration, Source};
use crate::model::{Day, Link, Person, Session, Warning, Zone};
use crate::text::{clean, non_blank, split_affiliation};

/// Where an event is filed: its day, the room key it sits under and the conference zone.
pub(super) struct Context<'a> {
    pub day: Option<&'a Day>,
    pub room: &'a str,
    pub zone: Zone,
}

/// Builds the session and the persons it names (persons are merged across events later).
pub(super) fn session(
    source: &Source<'_>,
    raw: &raw::Event,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<(Session, Vec<Person>)> {
    // Finding the line scans the text, so it is done only when there is something to report.
    let line = || locate(source, raw).map(|offset| source.at(offset).line);
    let title = raw.title.as_deref().and_then(clean).unwrap_or_else(|| {
        warnings.push(Warning {
            line: line(),
            message: format!("event {} has no title", describe(raw)),
        });
        "(untitled)".to_string()
    });
    let start = start(source, raw, context, &title, &line, warnings)?;
    let length = match raw.duration.as_deref().map(|d| (d, duration::parse(d))) {
        Some((_, Some(length))) => length,
        Some((text, None)) => {
            warnings.push(Warning {
                line: line(),
                message: format!("\"{title}\": unreadable duration {text:?}; read as 0 minutes"),
            });
            Duration::zero()
        }
        None => {
            warnings.push(Warning {
                line: line(),
                message: format!("\"{title}\": no duration; read as 0 minutes"),
            });
            Duration::zero()
        }
    };
    let day = match context.day {
        Some(day) => day.date,
        None => context.zone.localize(start).date_naive(),
    };

    let mut persons = Vec::with_capacity(raw.persons.len());
    for entry in &raw.persons {
        match person(entry) {
            Some(person) => persons.push(person),
            None => warnings.push(Warning {
                line: line(),
                message: format!("\"{title}\": a person without a name was left out"),
            }),
        }
    }
    let session = Session {
        source_id: raw.id.as_deref().and_then(clean),
        guid: raw.guid.as_deref().and_then(clean),
        slug: raw.slug.as_deref().and_then(clean),
        subtitle: raw.subtitle.as_deref().and_then(clean),
        kind: raw
            .kind
            .as_deref()
            .and_then(clean)
            .map(|k| k.to_lowercase()),
        language: raw.language.as_deref().and_then(clean),
        start,
        end: start + length,
        day,
        room: raw
            .room
            .as_deref()
            .and_then(clean)
            .or_else(|| clean(context.room)),
        track: raw.track.as_deref().and_then(clean),
        abstract_html: raw.abstract_.as_deref().and_then(non_blank),
        description_html: raw.description.as_deref().and_then(non_blank),
        url: raw.url.as_deref().and_then(clean),
        links: links(&raw.links, &title, &line, warnings),
        attachments: links(&raw.attachments, &title, &line, warnings),
        speakers: persons.iter().map(|p| p.key.clone()).collect(),
        do_not_record: raw.do_not_record,
        title,
        ..Session::default()
    };
    Ok((session, persons))
}

/// The instant from `date`; failing that, the day's date and `start`, as old frab files imply.
fn start(
    source: &Source<'_>,
    raw: &raw::Event,
    context: &Context<'_>,
    title: &str,
    line: &dyn Fn() -> Option<u32>,
    warnings: &mut Vec<Warning>,
) -> Result<DateTime<Utc>> {
    if let Some(instant) = raw
        .date
        .as_deref()
        .and_then(|d| parse_instant(d, context.zone))
    {
        return Ok(instant);
    }
    let from_day = context.day.zip(raw.start.as_deref().and_then(parse_time));
    if let Some((day, time)) = from_day {
        let mut instant = context.zone.resolve(day.date.and_time(time));
        // A time before the day begins is after midnight: the night belongs to the day before.
        if day.start.is_some_and(|day_start| instant < day_start) {
            instant += Duration::days(1);
        }
        warnings.push(Warning {
            line: line(),
            message: format!(
                "\"{title}\": no usable `date`; placed from the day's date and `start`"
            ),
        });
        return Ok(instant);
    }
    let offset = raw
        .date
        .as_deref()
        .and_then(|d| find_string(source, d))
        .or_else(|| locate(source, raw))
        .unwrap_or(0);
    let message = match raw.date.as_deref() {
        Some(date) => format!(
            "\"{title}\": {date:?} is not a date-time (expected RFC 3339, e.g. \
             2019-12-27T11:00:00+01:00)"
        ),
        None => format!("\"{title}\" has no `date` and no day and `start` to place it by"),
    };
    Err(source.invalid(offset, "date", message))
}

fn person(entry: &raw::PersonEntry) -> Option<Person> {
    let (id, guid, code, full_name, bio) = match entry {
        raw::PersonEntry::Full(p) => (
            p.id.as_deref().and_then(clean),
            p.guid.as_deref().and_then(clean),
            p.code.as_deref().and_then(clean),
            p.public_name
                .as_deref()
                .and_then(clean)
                .or_else(|| p.name.as_deref().and_then(clean))?,
            p.biography.as_deref().and_then(non_blank),
        ),
        raw::PersonEntry::Name(name) => (None, None, None, clean(name)?, None),
    };
    let (name, affiliation) = split_affiliation(&full_name);
    let source_id = id.or(code);
    let key = match (&source_id, &guid) {
        (Some(id), _) => format!("id:{id}"),
        (None, Some(guid)) => format!("guid:{guid}"),
        (None, None) => format!("name:{name}"),
    };
    Some(Person {
        key,
        source_id,
        guid,
        name,
        bio,
        affiliation,
        ..Person::default()
    })
}

/// Links are objects (`url`, `title`, sometimes `type`) or plain URL strings.
fn links(
    values: &[serde_json::Value],
    title: &str,
    line: &dyn Fn() -> Option<u32>,
    warnings: &mut Vec<Warning>,
) -> Vec<Link> {
    let mut out = Vec::with_capacity(values.len());
    for value in values {
        let link = match value {
            serde_json::Value::String(url) => clean(url).map(|url| Link {
                url,
                title: String::new(),
            }),
            serde_json::Value::Object(map) => {
                let field = |name: &str| map.get(name).and_then(|v| v.as_str()).and_then(clean);
                field("url").or_else(|| field("href")).map(|url| Link {
                    url,
                    title: field("title").or_else(|| field("type")).unwrap_or_default(),
                })
            }
            _ => None,
        };
        match link {
            Some(link) => out.push(link),
            None => warnings.push(Warning {
                line: line(),
                message: format!("\"{title}\": a link without a URL was left out: {value}"),
            }),
        }
    }
    out
}

/// A short way to name an event that may lack a title.
fn describe(raw: &raw::Event) -> String {
    match (&raw.id, &raw.guid) {
        (Some(id), _) => format!("id {id}"),
        (None, Some(guid)) => format!("guid {guid}"),
        (None, None) => "without id".to_string(),
    }
}

/// The byte offset of an event in the text, found by its guid, slug or title. serde_json does
/// not report positions of values it parsed successfully, so this is the way to name a line.
fn locate(source: &Source<'_>, raw: &raw::Event) -> Option<usize> {
    [&raw.guid, &raw.slug, &raw.title]
        .into_iter()
        .flatten()
        .find_map(|needle| find_string(source, needle))
}

/// The offset of `value` written as a JSON string literal.
fn find_string(source: &Source<'_>, value: &str) -> Option<usize> {
    let literal = serde_json::to_string(value).ok()?;
    source.text.find(&literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affiliation_in_brackets_is_split_off() {
        assert_eq!(
            split_affiliation("Alan Chalker [Ohio Supercomputer Center]"),
            (
                "Alan Chalker".to_string(),
                Some("Ohio Supercomputer Center".to_string())
            )
        );
        assert_eq!(
            split_affiliation("Christian Bustelo"),
            ("Christian Bustelo".to_string(), None)
        );
        assert_eq!(split_affiliation("[only]"), ("[only]".to_string(), None));
        assert_eq!(
            split_affiliation("A [B] [C]"),
            ("A [B]".to_string(), Some("C".to_string())),
            "the last bracket is the affiliation"
        );
    }
}
