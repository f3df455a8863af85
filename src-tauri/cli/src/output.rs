//! Text output for people. Times are shown in the conference's own time zone.

use plenary_core::agenda::Agenda;
use plenary_core::plan::booths::{BoothRoute, Skipped};
use plenary_core::plan::day::{DayPlan, TooFar};
use plenary_core::plan::maps::VenueMapReport;
use plenary_core::plan::share::{QrCode, ShareReport};
use plenary_core::search::SearchHit;
use plenary_core::store::{
    Bookmark, ConferenceSummary, ExhibitorView, ImportReport, PersonView, SessionView,
};
use plenary_core::text::html_to_text;

fn or_dash(value: Option<&str>) -> &str {
    value.filter(|v| !v.is_empty()).unwrap_or("-")
}

pub fn conferences(list: &Vec<ConferenceSummary>) {
    if list.is_empty() {
        println!("No conferences yet. Import one with `plenary import FILE`.");
    }
    for c in list {
        let marker = if c.current { "*" } else { " " };
        println!(
            "{marker} {:<24} {}  ({} to {}, {} sessions, {} exhibitors, {})",
            c.slug,
            c.title,
            or_dash(c.start_date.as_deref()),
            or_dash(c.end_date.as_deref()),
            c.sessions,
            c.exhibitors,
            c.time_zone
        );
    }
}

fn time_range(s: &SessionView) -> String {
    format!(
        "{} {}–{}",
        s.day,
        s.start.format("%H:%M"),
        s.end.format("%H:%M")
    )
}

/// Says which fields are not from a source: the whole item, or the named fields.
fn illustrative_mark(fields: &[String]) -> String {
    match fields {
        [] => String::new(),
        _ if fields.iter().any(|f| f == "*") => " (illustrative)".to_string(),
        _ => format!(" ({} illustrative)", fields.join(", ")),
    }
}

pub fn sessions(list: &Vec<SessionView>) {
    if list.is_empty() {
        println!("No sessions match.");
    }
    for s in list {
        let star = if s.bookmark.is_some() { "★" } else { " " };
        println!(
            "{star} {}  {:<20}  {}{}  [{}]",
            time_range(s),
            or_dash(s.room.as_deref()),
            s.title,
            illustrative_mark(&s.illustrative),
            s.key
        );
    }
}

pub fn session(s: &SessionView) {
    println!("{}", s.title);
    if let Some(other) = &s.other_title {
        println!("{other}");
    }
    if let Some(subtitle) = &s.subtitle {
        println!("{subtitle}");
    }
    println!();
    println!("When:     {} ({})", time_range(s), s.start.offset());
    println!(
        "Where:    {}{}",
        or_dash(s.room.as_deref()),
        s.venue
            .as_ref()
            .map(|v| format!(", {v}"))
            .unwrap_or_default()
    );
    println!("Track:    {}", or_dash(s.track.as_deref()));
    println!("Kind:     {}", or_dash(s.kind.as_deref()));
    println!(
        "Speakers: {}",
        if s.speakers.is_empty() {
            "-".to_string()
        } else {
            s.speakers.join(", ")
        }
    );
    if !s.illustrative.is_empty() {
        println!(
            "Illustrative (not from a source): {}",
            s.illustrative.join(", ")
        );
    }
    for source in &s.sources {
        println!("Source:   {source}");
    }
    for text in [&s.abstract_html, &s.description_html]
        .into_iter()
        .flatten()
    {
        println!("\n{}", html_to_text(text));
    }
    for link in s.links.iter().chain(&s.attachments) {
        println!("Link:     {} {}", link.url, link.title);
    }
    println!("Key:      {}", s.key);
}

pub fn speakers(list: &Vec<PersonView>) {
    for p in list {
        println!(
            "{:<32} {:<40} {} session(s)  [{}]",
            p.name,
            or_dash(p.affiliation.as_deref()),
            p.sessions.len(),
            p.key
        );
    }
}

pub fn exhibitors(list: &Vec<ExhibitorView>) {
    if list.is_empty() {
        println!("No exhibitors match.");
    }
    for e in list {
        let name = match &e.other_name {
            Some(other) => format!("{} {}", e.name, other),
            None => e.name.clone(),
        };
        println!(
            "{:<40} hall {:<6} booth {:<20} {}{}  [{}]",
            name,
            or_dash(e.hall.as_deref()),
            if e.booths.is_empty() {
                "-".to_string()
            } else {
                e.booths.join("; ")
            },
            e.categories.join(", "),
            illustrative_mark(&e.illustrative),
            e.key
        );
    }
}

pub fn hits(list: &Vec<SearchHit>) {
    if list.is_empty() {
        println!("Nothing found.");
    }
    for h in list {
        let other = h
            .other_label
            .as_deref()
            .map(|o| format!(" {o}"))
            .unwrap_or_default();
        let when = h
            .start
            .as_deref()
            .map(|s| format!(" {}", &s[..16.min(s.len())]))
            .unwrap_or_default();
        println!(
            "{:<9} {}{}{}  {}  [{}]",
            h.entity.as_str(),
            h.label,
            other,
            when,
            or_dash(h.detail.as_deref()),
            h.key
        );
    }
}

pub fn bookmarks(list: &Vec<Bookmark>) {
    if list.is_empty() {
        println!("No bookmarks yet. Add one with `plenary bookmark add KEY`.");
    }
    for b in list {
        let state = if b.orphaned { "ORPHANED" } else { "" };
        println!(
            "{:<6} {:<9} {:<30} {}{} {}",
            b.priority.as_str(),
            b.kind.as_str(),
            b.key,
            b.title,
            if b.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", b.note)
            },
            state
        );
    }
}

pub fn agenda(a: &Agenda) {
    if a.days.is_empty() && a.exhibitors.is_empty() {
        println!("Your agenda is empty. Bookmark sessions with `plenary bookmark add KEY`.");
    }
    for day in &a.days {
        println!("{}", day.date);
        let mut gaps = day.gaps.iter().peekable();
        for item in &day.items {
            while let Some(gap) = gaps.next_if(|g| g.end <= item.session.start) {
                println!(
                    "      {}–{}  free ({} min)",
                    gap.start.format("%H:%M"),
                    gap.end.format("%H:%M"),
                    gap.minutes
                );
            }
            let s = &item.session;
            let mut flag = if item.overlaps.is_empty() {
                String::new()
            } else {
                format!("  ⚠ overlaps {}", item.overlaps.join(", "))
            };
            if !item.too_far.is_empty() {
                flag += &format!("  ⚠ can't make it to or from {}", item.too_far.join(", "));
            }
            println!(
                "  {:<5} {}–{}  {:<20} {}{}",
                item.priority.as_str(),
                s.start.format("%H:%M"),
                s.end.format("%H:%M"),
                or_dash(s.room.as_deref()),
                s.title,
                flag
            );
        }
    }
    if a.overlap_count > 0 {
        println!("\n{} overlapping pair(s).", a.overlap_count);
    }
    for t in &a.too_far {
        println!("{}", cant_make_it(t));
    }
    if !a.exhibitors.is_empty() {
        println!("\nExhibitors to visit:");
        for e in &a.exhibitors {
            let tick = if e.visited { "✓" } else { " " };
            println!(
                "  {tick} {} (hall {}, {})",
                e.name,
                or_dash(e.hall.as_deref()),
                e.booths.join("; ")
            );
        }
    }
    if !a.orphans.is_empty() {
        println!("\nOrphaned bookmarks (no longer in the programme):");
        for b in &a.orphans {
            println!("  {} — {}", b.title, b.key);
        }
    }
}

pub fn import_report(r: &ImportReport) {
    println!(
        "Imported {} ({}) as {}: {} sessions, {} speakers, {} rooms, {} tracks, {} days, {} exhibitors, {} products.",
        r.title, r.format.name(), r.conference, r.sessions, r.persons, r.rooms, r.tracks, r.days, r.exhibitors, r.products
    );
    let b = r.bookmarks;
    if b.attached + b.reattached + b.orphaned > 0 {
        println!(
            "Bookmarks: {} kept, {} re-attached after id changes, {} orphaned (kept; see `plenary agenda`).",
            b.attached, b.reattached, b.orphaned
        );
    }
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
}

/// A pair of sessions too far apart to walk between, in a sentence.
fn cant_make_it(t: &TooFar) -> String {
    format!(
        "Can't make it: {} → {}: the walk takes {} minutes, with {} between{}.",
        t.from,
        t.to,
        t.walk_minutes,
        t.gap_minutes,
        if t.illustrative {
            " (walk illustrative)"
        } else {
            ""
        }
    )
}

pub fn plan(p: &DayPlan) {
    if p.chosen.is_empty() && p.left_out.is_empty() {
        println!(
            "Nothing bookmarked on {}. Bookmark sessions with `plenary bookmark add KEY`.",
            p.date
        );
    } else {
        println!(
            "Plan for {}: {} must, {} want, {} maybe.",
            p.date, p.musts, p.wants, p.maybes
        );
    }
    if p.decided {
        println!("(You accepted or changed this plan; `--reset` plans by priority again.)");
    }
    if !p.walks_known {
        println!(
            "(No venue map for {}: walks between rooms count as none.)",
            p.conference
        );
    }
    for item in &p.chosen {
        let s = &item.session;
        let walk = match item.walk_minutes {
            Some(m) if m > 0 => format!("  ({m} min walk)"),
            _ => String::new(),
        };
        println!(
            "  {:<5} {}–{}  {:<20} {}{}  [{}]",
            item.priority.as_str(),
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            or_dash(s.room.as_deref()),
            s.title,
            walk,
            s.key
        );
        println!("        {}", item.explanation);
        if !item.backups.is_empty() {
            println!("        Backup: {}", item.backups.join(", "));
        }
    }
    if !p.left_out.is_empty() {
        println!("\nLeft out:");
        for item in &p.left_out {
            let s = &item.session;
            println!(
                "  {:<5} {}–{}  {:<20} {}  [{}]",
                item.priority.as_str(),
                s.start.format("%H:%M"),
                s.end.format("%H:%M"),
                or_dash(s.room.as_deref()),
                s.title,
                s.key
            );
            println!("        {}", item.explanation);
        }
    }
    for t in &p.too_far {
        println!("\n{}", cant_make_it(t));
    }
    if !p.suggestions.is_empty() {
        println!("\nFor the free time:");
        for g in &p.suggestions {
            let s = &g.session;
            println!(
                "  {}–{}  {:<20} {} [{}]",
                s.start.format("%H:%M"),
                s.end.format("%H:%M"),
                or_dash(s.room.as_deref()),
                s.title,
                s.key
            );
            println!("        {}", g.explanation);
        }
    }
}

pub fn route(r: &BoothRoute) {
    if r.stops.is_empty() && r.left_off.is_empty() {
        println!("No booths to visit. Bookmark exhibitors with `plenary bookmark add KEY --type exhibitor`.");
    } else if r.stops.is_empty() {
        println!("No booth is on the route (see below why each is left off).");
    } else {
        println!("From {}:", r.start);
    }
    if !r.fits {
        println!(
            "The walk to {} alone takes {} min, more than the {} min there are.",
            r.end.as_deref().unwrap_or("the end"),
            r.walk_minutes,
            r.window_minutes.unwrap_or_default()
        );
    }
    for s in &r.stops {
        println!(
            "  {:>2}. {:<8} {:<30} {:<28} {:>3} min walk, arrive at +{} min",
            s.number,
            s.booth,
            s.name,
            or_dash(s.hall.as_deref()),
            s.walk_minutes,
            s.arrive_after_minutes
        );
    }
    if let (Some(end), Some(walk)) = (&r.end, r.end_walk_minutes) {
        println!("  then {walk} min walk to {end}.");
    }
    if !r.stops.is_empty() {
        let window = r
            .window_minutes
            .map_or(String::new(), |w| format!(", of {w} min available"));
        println!(
            "{} min in all: {} walking, {} at booths{}.{}",
            r.total_minutes,
            r.walk_minutes,
            r.visit_minutes,
            window,
            if r.illustrative {
                " Walks rest on an illustrative floor plan."
            } else {
                ""
            }
        );
    }
    for l in &r.left_off {
        let why = match l.why {
            Skipped::Visited => "already visited",
            Skipped::NotOnMap => "its booth is not on the venue map",
            Skipped::NoTime => "no time left for it",
        };
        println!("  left off: {} ({}): {why}", l.name, l.priority.as_str());
    }
}

pub fn venue_map(r: &VenueMapReport) {
    println!(
        "{}: {} venues, {} halls, {} booths on the map. It places {} of {} rooms and {} of {} exhibitor booths.",
        r.conference, r.venues, r.halls, r.booths, r.rooms_placed, r.rooms, r.booths_placed, r.booths_listed
    );
    if !r.rooms_unplaced.is_empty() {
        println!(
            "Not placed (walks to them are unknown): {}",
            r.rooms_unplaced.join(", ")
        );
    }
}

pub fn share_report(r: &ShareReport) {
    println!(
        "Merged into {}: {} added, {} already yours (left as they were).",
        r.conference, r.added, r.kept
    );
    if !r.unknown.is_empty() {
        println!(
            "Not in this programme, so not added: {}",
            r.unknown.join(", ")
        );
    }
}

/// A QR code in the terminal, two rows of modules per line, with the standard quiet zone of
/// four modules. Light modules are drawn as full blocks: on a dark terminal they show light.
pub fn qr(code: &QrCode) {
    let quiet = 4;
    let size = code.width + 2 * quiet;
    let dark = |x: usize, y: usize| {
        x >= quiet
            && y >= quiet
            && x < quiet + code.width
            && y < quiet + code.width
            && code.dark[(y - quiet) * code.width + (x - quiet)]
    };
    for y in (0..size).step_by(2) {
        let line: String = (0..size)
            .map(|x| match (dark(x, y), y + 1 < size && dark(x, y + 1)) {
                (true, true) => ' ',
                (true, false) => '▄',
                (false, true) => '▀',
                (false, false) => '█',
            })
            .collect();
        println!("{line}");
    }
}
