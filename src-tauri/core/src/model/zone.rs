//! A conference's time zone: an IANA zone when the source names one, else a fixed UTC offset
//! taken from the times themselves (old frab exports give only `+01:00`).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A time zone, named (`Europe/Brussels`) or a fixed offset (`+01:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Named(chrono_tz::Tz),
    Fixed(FixedOffset),
}

impl Default for Zone {
    fn default() -> Self {
        Zone::Named(chrono_tz::UTC)
    }
}

/// Legacy or non-IANA spellings seen in real exports, mapped to the canonical zone.
/// chrono-tz knows most backward links (`US/Eastern`); these are the ones it does not.
const ALIASES: &[(&str, &str)] = &[("CET", "Europe/Paris"), ("Z", "UTC"), ("GMT", "UTC")];

impl Zone {
    /// Parses an IANA name (case-insensitive, legacy links such as `US/Eastern` included) or a
    /// fixed offset written `+HH:MM`, `-HHMM` or `UTC+HH:MM`.
    pub fn parse(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let canonical = ALIASES
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
            .map_or(name, |(_, target)| target);
        if let Ok(tz) = chrono_tz::Tz::from_str_insensitive(canonical) {
            return Some(Zone::Named(tz));
        }
        let offset = name.strip_prefix("UTC").unwrap_or(name);
        parse_offset(offset).map(Zone::Fixed)
    }

    /// The name as stored: the IANA name (legacy aliases keep their spelling) or `+HH:MM`.
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_string(),
            Zone::Fixed(offset) => format_offset(offset.local_minus_utc()),
        }
    }

    /// The canonical IANA name where a legacy alias was given (`US/Eastern` → `America/New_York`).
    /// Fixed offsets have none.
    pub fn iana_name(&self) -> Option<&'static str> {
        match self {
            Zone::Named(tz) => Some(canonical_name(tz.name())),
            Zone::Fixed(_) => None,
        }
    }

    /// The offset in force at `instant`.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        match self {
            Zone::Named(tz) => tz.offset_from_utc_datetime(&instant.naive_utc()).fix(),
            Zone::Fixed(offset) => *offset,
        }
    }

    /// `instant` as wall-clock time with its offset, ready for RFC 3339 output.
    pub fn localize(&self, instant: DateTime<Utc>) -> DateTime<FixedOffset> {
        instant.with_timezone(&self.offset_at(instant))
    }

    /// The instant of a wall-clock time. In a DST gap the time is moved forward by the gap; in a
    /// repeated hour the earlier instant is chosen. Both are what a printed programme means.
    pub fn resolve(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Zone::Named(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(t) => t.with_timezone(&Utc),
                LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
                LocalResult::None => {
                    let later = local + chrono::Duration::hours(1);
                    match tz.from_local_datetime(&later) {
                        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                            t.with_timezone(&Utc)
                        }
                        LocalResult::None => Utc.from_utc_datetime(&local),
                    }
                }
            },
            Zone::Fixed(offset) => Utc.from_utc_datetime(
                &(local - chrono::Duration::seconds(offset.local_minus_utc().into())),
            ),
        }
    }
}

/// Maps the legacy names chrono-tz accepts to their canonical target.
fn canonical_name(name: &'static str) -> &'static str {
    match name {
        "US/Eastern" => "America/New_York",
        "US/Central" => "America/Chicago",
        "US/Mountain" => "America/Denver",
        "US/Pacific" => "America/Los_Angeles",
        "PRC" => "Asia/Shanghai",
        other => other,
    }
}

fn parse_offset(text: &str) -> Option<FixedOffset> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.abs();
    format!("{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl FromStr for Zone {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Zone::parse(s).ok_or_else(|| format!("unknown time zone {s:?}"))
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Zone::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown time zone {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn legacy_alias_resolves_to_new_york() {
        let zone = Zone::parse("US/Eastern").expect("US/Eastern is a known link");
        assert_eq!(zone.iana_name(), Some("America/New_York"));
        let local = NaiveDate::from_ymd_opt(2025, 3, 17)
            .and_then(|d| d.and_hms_opt(13, 0, 0))
            .expect("valid date");
        assert_eq!(
            zone.resolve(local).to_rfc3339(),
            "2025-03-17T17:00:00+00:00"
        );
    }

    #[test]
    fn fixed_offset_round_trips() {
        let zone = Zone::parse("+01:00").expect("offset parses");
        assert_eq!(zone.name(), "+01:00");
        assert_eq!(
            Zone::parse("UTC-0430").map(|z| z.name()),
            Some("-04:30".to_string())
        );
        assert_eq!(Zone::parse("nowhere/else"), None);
    }

    #[test]
    fn dst_gap_moves_forward() {
        let zone = Zone::parse("Europe/Brussels").expect("known zone");
        let gap = NaiveDate::from_ymd_opt(2026, 3, 29)
            .and_then(|d| d.and_hms_opt(2, 30, 0))
            .expect("valid date");
        assert_eq!(
            zone.localize(zone.resolve(gap)).to_rfc3339(),
            "2026-03-29T03:30:00+02:00"
        );
    }
}
