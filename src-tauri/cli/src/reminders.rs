//! `plenary reminders`: the reminders still to come before bookmarked sessions, and the default
//! reminder of each priority.

use chrono::Utc;
use plenary_core::model::Zone;
use plenary_core::reminders::{PendingReminder, Reminder, ReminderDefaults};
use plenary_core::store::Priority;
use plenary_core::{Error, Result, Store};
use serde::Serialize;

use crate::commands::print;
use crate::subscribe::parse_since;

#[derive(Serialize)]
struct Listing {
    defaults: ReminderDefaults,
    reminders: Vec<PendingReminder>,
}

pub fn run(store: &Store, at: Option<&str>, set: Option<&str>, json: bool) -> Result<()> {
    if let Some(text) = set {
        let defaults = parse_defaults(text, store.reminder_defaults()?)?;
        store.set_reminder_defaults(&defaults)?;
    }
    let now = at.map(parse_since).transpose()?.unwrap_or_else(Utc::now);
    let listing = Listing {
        defaults: store.reminder_defaults()?,
        reminders: store.pending_reminders(now)?,
    };
    print(json, &listing, |l| {
        let d = &l.defaults;
        println!(
            "Defaults: must {}, want {}, maybe {}.",
            minutes(d.must),
            minutes(d.want),
            minutes(d.maybe)
        );
        if l.reminders.is_empty() {
            println!("No reminders to come.");
        }
        for r in &l.reminders {
            let zone = Zone::parse(&r.time_zone).unwrap_or_default();
            println!(
                "{}  {} before {}  {}  {}{}",
                zone.localize(r.remind_at).format("%Y-%m-%d %H:%M %:z"),
                minutes(Some(r.minutes)),
                zone.localize(r.starts_at).format("%H:%M"),
                r.key,
                r.title,
                if r.moved { "  (moved)" } else { "" }
            );
        }
    })
}

fn minutes(m: Option<u32>) -> String {
    m.map_or("off".to_string(), |m| format!("{m} min"))
}

/// `must=15,want=10,maybe=off` over `current`: each named priority takes the new value.
fn parse_defaults(text: &str, current: ReminderDefaults) -> Result<ReminderDefaults> {
    let mut defaults = current;
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || {
            Error::BadRequest(format!(
                "--set-defaults {part:?}: expected must=M, want=M or maybe=M, with M minutes or off"
            ))
        };
        let (name, value) = part.split_once('=').ok_or_else(bad)?;
        let priority = Priority::parse(name.trim()).ok_or_else(bad)?;
        let value = match Reminder::parse(value)? {
            Reminder::Off => None,
            Reminder::Before { minutes } => Some(minutes),
            Reminder::Default => return Err(bad()),
        };
        match priority {
            Priority::Must => defaults.must = value,
            Priority::Want => defaults.want = value,
            Priority::Maybe => defaults.maybe = value,
        }
    }
    Ok(defaults)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_any_subset() {
        let d = parse_defaults("want=1h, maybe=5", ReminderDefaults::default()).expect("parses");
        assert_eq!(
            d,
            ReminderDefaults {
                must: Some(15),
                want: Some(60),
                maybe: Some(5)
            }
        );
        let d = parse_defaults("must=off", d).expect("parses");
        assert_eq!(d.must, None);
        assert!(parse_defaults("soon=5", d).is_err());
        assert!(parse_defaults("must", d).is_err());
    }
}
