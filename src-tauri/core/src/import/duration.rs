//! Durations as schedules write them: `H:MM`, `HH:MM`, `HH:MM:SS` and pretalx's `D:HH:MM`.

use chrono::Duration;

/// Parses a schedule duration.
///
/// Three parts are ambiguous between `HH:MM:SS` and `D:HH:MM`. Producers settle it: frab and the
/// XSD pad hours to two digits (`00:05:00`), while pretalx writes a day count only when it is at
/// least one and never pads it (`1:02:00`). So a single-digit first part means days.
pub fn parse(text: &str) -> Option<Duration> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 3)
    {
        return None;
    }
    let n = |i: usize| parts[i].parse::<i64>().ok();
    let minutes_ok = |m: i64| (0..60).contains(&m);
    match parts.len() {
        1 => n(0).map(Duration::minutes),
        2 => {
            let (h, m) = (n(0)?, n(1)?);
            minutes_ok(m).then(|| Duration::hours(h) + Duration::minutes(m))
        }
        3 if parts[0].len() == 1 && parts[0] != "0" => {
            let (d, h, m) = (n(0)?, n(1)?, n(2)?);
            (h < 24 && minutes_ok(m))
                .then(|| Duration::days(d) + Duration::hours(h) + Duration::minutes(m))
        }
        3 => {
            let (h, m, s) = (n(0)?, n(1)?, n(2)?);
            (minutes_ok(m) && minutes_ok(s))
                .then(|| Duration::hours(h) + Duration::minutes(m) + Duration::seconds(s))
        }
        _ => None,
    }
}

/// Formats minutes as frab does, `HH:MM` (hours may exceed 23).
pub fn format_hh_mm(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> Option<i64> {
        parse(text).map(|d| d.num_minutes())
    }

    #[test]
    fn every_real_shape() {
        assert_eq!(minutes("0:30"), Some(30), "H:MM");
        assert_eq!(minutes("01:00"), Some(60), "HH:MM");
        assert_eq!(minutes("12:00"), Some(720), "38C3's longest event");
        assert_eq!(minutes("00:05:00"), Some(5), "HH:MM:SS");
        assert_eq!(minutes("1:02:00"), Some(26 * 60), "D:HH:MM from pretalx");
        assert_eq!(
            minutes("0:45:00"),
            Some(45),
            "a zero day count reads as H:MM:SS"
        );
        assert_eq!(minutes("90"), Some(90), "bare minutes");
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "1:60", "ab:cd", "1:2:3:4", "-1:00", "1::00", "1:25:00"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_like_frab() {
        assert_eq!(format_hh_mm(5), "00:05");
        assert_eq!(format_hh_mm(26 * 60 + 3), "26:03");
    }
}
