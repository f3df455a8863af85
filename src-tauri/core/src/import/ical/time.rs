//! Date-times (`DTSTART`, `DTEND`), time zones (`TZID`, `VTIMEZONE`) and `DURATION` values.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Utc};

use super::component::Component;
use super::lines::Property;
use crate::error::Result;
use crate::import::Source;
use crate::model::{Warning, Zone};

/// A `DTSTART`/`DTEND` value: an instant, or a whole day (`VALUE=DATE`).
#[derive(Debug, Clone, Copy)]
pub(super) enum When {
    Instant(DateTime<Utc>),
    Date(NaiveDate),
}

impl When {
    /// The instant; a whole day starts at midnight in `zone`.
    pub fn instant(self, zone: Zone) -> DateTime<Utc> {
        match self {
            When::Instant(t) => t,
            When::Date(d) => zone.resolve(d.and_time(chrono::NaiveTime::MIN)),
        }
    }
}

/// Resolves `TZID`s against chrono-tz and the file's own `VTIMEZONE`s, remembering each answer.
pub(super) struct Zones<'a> {
    vtimezones: HashMap<String, &'a Component>,
    /// The zone floating times are read in (`X-WR-TIMEZONE`), if the calendar names one.
    floating: Option<Zone>,
    resolved: HashMap<String, Zone>,
    warned_floating: bool,
}

impl<'a> Zones<'a> {
    /// Zones for `calendars`, reading floating times in `floating` when given.
    pub fn new(calendars: &'a [Component], floating: Option<Zone>) -> Self {
        let vtimezones = calendars
            .iter()
            .flat_map(|c| c.children("VTIMEZONE"))
            .filter_map(|tz| Some((tzid_key(&tz.get("TZID")?.text()), tz)))
            .collect();
        Zones {
            vtimezones,
            floating,
            resolved: HashMap::new(),
            warned_floating: false,
        }
    }

    /// The zone a `TZID` parameter names, from chrono-tz (legacy names such as `US/Eastern`
    /// included) or else from a `VTIMEZONE` in the file.
    pub fn tzid(
        &mut self,
        source: &Source<'_>,
        tzid: &str,
        property: &Property,
        warnings: &mut Vec<Warning>,
    ) -> Result<Zone> {
        let key = tzid_key(tzid);
        if let Some(zone) = self.resolved.get(&key) {
            return Ok(*zone);
        }
        let zone = match Zone::parse(&key) {
            Some(zone) => zone,
            None => self.vtimezone_zone(source, &key, property, warnings)?,
        };
        self.resolved.insert(key, zone);
        Ok(zone)
    }

    /// A `VTIMEZONE` that chrono-tz cannot name. Following its RRULEs is more than a schedule
    /// needs, so the zone becomes a fixed offset: its location if it gives one, else the first
    /// `STANDARD` offset. Times in the other half of the year are then off by the DST shift,
    /// which the warning says.
    fn vtimezone_zone(
        &self,
        source: &Source<'_>,
        tzid: &str,
        property: &Property,
        warnings: &mut Vec<Warning>,
    ) -> Result<Zone> {
        let unknown = || {
            source.invalid(
                property.offset,
                &property.name,
                format!("unknown time zone TZID={tzid:?}, and no VTIMEZONE in the file defines it"),
            )
        };
        let vtimezone = self.vtimezones.get(tzid).ok_or_else(unknown)?;
        if let Some(zone) = vtimezone
            .get("X-LIC-LOCATION")
            .and_then(|p| Zone::parse(&p.text()))
        {
            return Ok(zone);
        }
        let offset = vtimezone
            .children("STANDARD")
            .chain(vtimezone.children("DAYLIGHT"))
            .find_map(|part| parse_utc_offset(&part.get("TZOFFSETTO")?.value))
            .ok_or_else(|| {
                source.invalid(
                    vtimezone.offset,
                    "TZOFFSETTO",
                    format!("the VTIMEZONE for {tzid:?} gives no usable TZOFFSETTO"),
                )
            })?;
        let zone = Zone::Fixed(offset);
        warnings.push(Warning {
            line: Some(source.at(vtimezone.offset).line),
            message: format!(
                "time zone {tzid:?} is not a known IANA zone; using its standard offset {zone} \
                 from the VTIMEZONE all year (daylight-saving times may be off by an hour)"
            ),
        });
        Ok(zone)
    }

    /// Reads a `DTSTART`/`DTEND`-style property.
    pub fn when(
        &mut self,
        source: &Source<'_>,
        property: &Property,
        warnings: &mut Vec<Warning>,
    ) -> Result<When> {
        let value = property.value.trim();
        let invalid = || {
            source.invalid(
                property.offset,
                &property.name,
                format!(
                    "{value:?} is not an iCalendar date-time (expected e.g. 20250317T130000, \
                     20250317T170000Z or, for a whole day, 20250317)"
                ),
            )
        };
        let is_date = property
            .param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
            || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
        if is_date {
            return NaiveDate::parse_from_str(value, "%Y%m%d")
                .map(When::Date)
                .map_err(|_| invalid());
        }
        let (local, utc) = match value.strip_suffix(['Z', 'z']) {
            Some(local) => (local, true),
            None => (value, false),
        };
        let local = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S")
            .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M"))
            .map_err(|_| invalid())?;
        if utc {
            return Ok(When::Instant(local.and_utc()));
        }
        if let Some(tzid) = property.param("TZID") {
            let zone = self.tzid(source, tzid, property, warnings)?;
            return Ok(When::Instant(zone.resolve(local)));
        }
        let zone = match self.floating {
            Some(zone) => zone,
            None => {
                if !self.warned_floating {
                    self.warned_floating = true;
                    warnings.push(Warning {
                        line: Some(source.at(property.offset).line),
                        message: format!(
                            "{}: local time with no TZID and no X-WR-TIMEZONE; such times are \
                             read as UTC",
                            property.name
                        ),
                    });
                }
                Zone::default()
            }
        };
        Ok(When::Instant(zone.resolve(local)))
    }
}

/// TZIDs may carry a leading `/` meaning "globally unique" (RFC 5545 §3.2.19); it adds nothing.
pub(super) fn tzid_key(tzid: &str) -> String {
    tzid.trim().trim_start_matches('/').to_string()
}

/// A UTC offset as `VTIMEZONE` writes it: `-0500` or `+053000`.
fn parse_utc_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = &text[1..];
    if !matches!(digits.len(), 4 | 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |i: usize| digits.get(i..i + 2).and_then(|p| p.parse::<i32>().ok());
    let seconds = part(0)? * 3600 + part(2)? * 60 + part(4).unwrap_or(0);
    FixedOffset::east_opt(sign * seconds)
}

/// An RFC 5545 duration: `PT45M`, `P1DT2H`, `P2W`, `-PT15M`.
pub(super) fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let c = c.to_ascii_uppercase();
        if c == 'T' && number.is_empty() && !in_time {
            in_time = true;
            continue;
        }
        let n: i64 = number.parse().ok()?;
        number.clear();
        any = true;
        total += match (c, in_time) {
            ('W', false) => Duration::weeks(n),
            ('D', false) => Duration::days(n),
            ('H', true) => Duration::hours(n),
            ('M', true) => Duration::minutes(n),
            ('S', true) => Duration::seconds(n),
            _ => return None,
        };
    }
    (any && number.is_empty()).then(|| total * sign)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let minutes = |t: &str| parse_duration(t).map(|d| d.num_minutes());
        assert_eq!(minutes("PT45M"), Some(45));
        assert_eq!(minutes("P1DT2H30M"), Some(26 * 60 + 30));
        assert_eq!(minutes("P2W"), Some(2 * 7 * 24 * 60));
        assert_eq!(minutes("-PT15M"), Some(-15));
        assert_eq!(minutes("PT1H0M30S"), Some(60));
        for bad in ["", "P", "PT", "45M", "P1H", "PT1D", "PT5"] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn utc_offsets() {
        assert_eq!(
            parse_utc_offset("-0500").map(|o| o.local_minus_utc()),
            Some(-5 * 3600)
        );
        assert_eq!(
            parse_utc_offset("+053000").map(|o| o.local_minus_utc()),
            Some(5 * 3600 + 30 * 60)
        );
        assert_eq!(parse_utc_offset("0500"), None);
        assert_eq!(tzid_key("/Europe/Berlin "), "Europe/Berlin");
    }
}
