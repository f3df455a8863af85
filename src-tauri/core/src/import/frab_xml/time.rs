//! Dates, clock times and instants as schedule.xml writes them, and how an event's start is
//! worked out when the file gives only the day and the clock time (old Pentabarf exports).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::model::Zone;

/// A clock time written `H:MM`, `HH:MM` or `HH:MM:SS`. Hours past 23 (`25:30`, used by some
/// exports for night sessions) roll over: the second value is the number of whole days.
pub(super) fn parse_clock(text: &str) -> Option<(NaiveTime, i64)> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |i: usize| parts.get(i).map_or(Some(0), |p| p.parse::<u32>().ok());
    let (hours, minutes, seconds) = (number(0)?, number(1)?, number(2)?);
    if hours >= 48 {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hours % 24, minutes, seconds)?;
    Some((time, i64::from(hours / 24)))
}

/// A calendar date `YYYY-MM-DD`; a full date-time keeps its date part as written.
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date = text.split(['T', ' ']).next().unwrap_or(text);
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// A point in time as the file writes it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Stamp {
    /// With an offset (`2019-12-27T11:00:00+01:00`): an exact instant.
    Exact(DateTime<FixedOffset>),
    /// Without one: wall-clock time in the conference's zone.
    Floating(NaiveDateTime),
}

/// An RFC 3339 date-time, tolerating a missing seconds field or a missing offset.
pub(super) fn parse_stamp(text: &str) -> Option<Stamp> {
    let text = text.trim();
    if let Ok(exact) = DateTime::parse_from_rfc3339(text) {
        return Some(Stamp::Exact(exact));
    }
    if let Ok(exact) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z") {
        return Some(Stamp::Exact(exact));
    }
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(Stamp::Floating)
}

impl Stamp {
    /// The instant, reading a floating time in `zone`.
    pub fn resolve(self, zone: &Zone) -> DateTime<Utc> {
        match self {
            Stamp::Exact(exact) => exact.with_timezone(&Utc),
            Stamp::Floating(local) => zone.resolve(local),
        }
    }

    /// The UTC offset the file wrote, if it wrote one.
    pub fn offset(self) -> Option<FixedOffset> {
        match self {
            Stamp::Exact(exact) => Some(*exact.offset()),
            Stamp::Floating(_) => None,
        }
    }
}

/// When an event starts, as far as the file says.
#[derive(Debug, Clone, Copy)]
pub(super) enum Timing {
    /// From `<date>`.
    Stamp(Stamp),
    /// From the `<day date>` it is filed under and its `<start>` clock time only.
    OnDay {
        day: NaiveDate,
        time: NaiveTime,
        /// Whole days from hours past 23 in `<start>`.
        extra_days: i64,
        /// The time of day the `<day start>` attribute gives, used as the day change when the
        /// conference names none.
        day_start: Option<NaiveTime>,
    },
}

impl Timing {
    /// The instant the event starts. A clock time before the day change belongs to the next
    /// calendar date: a 01:00 session on a day that changes at 09:00 is the night after.
    pub fn resolve(self, zone: &Zone, day_change: Option<NaiveTime>) -> DateTime<Utc> {
        match self {
            Timing::Stamp(stamp) => stamp.resolve(zone),
            Timing::OnDay {
                day,
                time,
                extra_days,
                day_start,
            } => {
                let change = day_change.or(day_start).unwrap_or(NaiveTime::MIN);
                let roll = i64::from(time < change);
                let date = day + Duration::days(extra_days + roll);
                zone.resolve(date.and_time(time))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).expect("valid date")
    }

    #[test]
    fn clock_shapes() {
        let hm = |t: &str| parse_clock(t).map(|(time, days)| (time.to_string(), days));
        assert_eq!(hm("9:30"), Some(("09:30:00".into(), 0)));
        assert_eq!(hm("09:30:15"), Some(("09:30:15".into(), 0)));
        assert_eq!(
            hm("25:30"),
            Some(("01:30:00".into(), 1)),
            "hours past 23 roll"
        );
        for bad in ["", "9", "ab:cd", "10:60", "1:2:3:4", "noon", "-1:00"] {
            assert_eq!(parse_clock(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn day_change_moves_early_hours_to_the_next_date() {
        let zone = Zone::parse("Europe/Brussels").expect("zone");
        let (time, extra_days) = parse_clock("01:00").expect("time");
        let timing = Timing::OnDay {
            day: day("2026-01-31"),
            time,
            extra_days,
            day_start: None,
        };
        let nine = NaiveTime::from_hms_opt(9, 0, 0);
        assert_eq!(
            zone.localize(timing.resolve(&zone, nine)).to_rfc3339(),
            "2026-02-01T01:00:00+01:00"
        );
        assert_eq!(
            zone.localize(timing.resolve(&zone, None)).to_rfc3339(),
            "2026-01-31T01:00:00+01:00",
            "no day change: same date"
        );
    }

    #[test]
    fn stamps_with_and_without_offset() {
        let zone = Zone::parse("+01:00").expect("zone");
        let exact = parse_stamp("2019-12-27T11:00:00+01:00").expect("rfc 3339");
        assert_eq!(
            exact.resolve(&zone).to_rfc3339(),
            "2019-12-27T10:00:00+00:00"
        );
        let floating = parse_stamp("2019-12-27T11:00").expect("floating");
        assert!(floating.offset().is_none());
        assert_eq!(
            floating.resolve(&zone).to_rfc3339(),
            "2019-12-27T10:00:00+00:00"
        );
        assert!(parse_stamp("yesterday").is_none());
    }
}
