//! Floor plans as SVG, drawn from a venue map: the venue's outline and entrance, its rooms, and
//! each hall with its booths. WAIC 2025's are committed under `assets/waic2025/floorplans/`
//! (a test keeps them in step with the map); the app draws the same geometry itself.

use std::fmt::Write;

use super::venues::{VenueMap, VenuePlan};

/// Margin around the plan, in metres.
const MARGIN: f64 = 10.0;

/// The SVG of one venue of `map`. Metres are SVG user units.
pub fn svg(map: &VenueMap, venue: &VenuePlan) -> String {
    let (w, d) = (
        venue.width + 2.0 * MARGIN,
        venue.depth + 2.0 * MARGIN + 12.0,
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {w} {d}" font-family="sans-serif">"#,
        -MARGIN, -MARGIN
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(&venue.name));
    let illustrative = venue.illustrative || venue.halls.iter().any(|h| h.illustrative);
    let note = if illustrative {
        "Illustrative layout: not from the organisers"
    } else {
        "Layout from the venue file"
    };
    let _ = writeln!(
        out,
        r##"  <rect x="0" y="0" width="{}" height="{}" fill="#f8fafc" stroke="#334155" stroke-width="0.8"/>"##,
        venue.width, venue.depth
    );
    for hall in &venue.halls {
        let _ = writeln!(
            out,
            r##"  <g data-hall="{}" transform="translate({} {})">"##,
            escape(&hall.name),
            hall.at[0],
            hall.at[1]
        );
        let _ = writeln!(
            out,
            r##"    <rect width="{}" height="{}" fill="#e0f2fe" stroke="#0369a1" stroke-width="0.6"/>"##,
            hall.width, hall.depth
        );
        let label = match &hall.other_name {
            Some(other) => format!("{} · {}", hall.name, other),
            None => hall.name.clone(),
        };
        let _ = writeln!(
            out,
            r##"    <text x="4" y="8" font-size="6" fill="#0c4a6e">{}</text>"##,
            escape(&label)
        );
        let _ = writeln!(
            out,
            r##"    <rect x="{}" y="{}" width="6" height="3" fill="#0369a1"><title>Door</title></rect>"##,
            hall.entrance[0] - 3.0,
            hall.entrance[1] - 1.5
        );
        for (code, p) in &hall.booths {
            let _ = writeln!(
                out,
                r##"    <g data-booth="{0}"><rect x="{1}" y="{2}" width="10" height="8" fill="#ffffff" stroke="#64748b" stroke-width="0.4"/><text x="{3}" y="{4}" font-size="2.6" text-anchor="middle" fill="#334155">{0}</text></g>"##,
                escape(code),
                p[0] - 5.0,
                p[1] - 4.0,
                p[0],
                p[1] + 1.0
            );
        }
        let _ = writeln!(out, "  </g>");
    }
    for (room, p) in &venue.rooms {
        let _ = writeln!(
            out,
            r##"  <g data-room="{0}"><circle cx="{1}" cy="{2}" r="3" fill="#7c3aed"/><text x="{1}" y="{3}" font-size="5" text-anchor="middle" fill="#4c1d95">{0}</text></g>"##,
            escape(room),
            p[0],
            p[1],
            p[1] - 5.0
        );
    }
    let _ = writeln!(
        out,
        r##"  <g data-entrance=""><rect x="{}" y="{}" width="12" height="4" fill="#15803d"/><text x="{}" y="{}" font-size="5" text-anchor="middle" fill="#14532d">Entrance</text></g>"##,
        venue.entrance[0] - 6.0,
        venue.entrance[1] - 2.0,
        venue.entrance[0],
        venue.entrance[1] + 8.0
    );
    let walks: Vec<String> = map
        .walks
        .iter()
        .filter(|w| w.from == venue.name || w.to == venue.name)
        .map(|w| {
            let other = if w.from == venue.name { &w.to } else { &w.from };
            format!("{other}: {} min", w.minutes)
        })
        .collect();
    let footer = if walks.is_empty() {
        note.to_string()
    } else {
        format!("{note}. Walks: {}", walks.join("; "))
    };
    let _ = writeln!(
        out,
        r##"  <text x="0" y="{}" font-size="5" fill="#475569">{}</text>"##,
        venue.depth + 14.0,
        escape(&footer)
    );
    out.push_str("</svg>\n");
    out
}

/// The file name for a venue's plan: its name in lower case, words joined by hyphens.
pub fn file_name(venue: &VenuePlan) -> String {
    let mut slug = String::new();
    for c in venue.name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    format!("{}.svg", slug.trim_end_matches('-'))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::dataset::{WAIC_2025_VENUES, WAIC_2025_VENUES_FILE};

    /// The committed WAIC floor plans are what the map draws;
    /// `PLENARY_UPDATE_FLOORPLANS=1 cargo test -p plenary-core floorplan` rewrites them.
    #[test]
    fn waic_floor_plans_are_fresh() {
        let map = VenueMap::parse(WAIC_2025_VENUES_FILE, WAIC_2025_VENUES).expect("the map");
        let dir =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/waic2025/floorplans");
        for venue in &map.venues {
            let path = dir.join(file_name(venue));
            let fresh = svg(&map, venue);
            if std::env::var_os("PLENARY_UPDATE_FLOORPLANS").is_some() {
                std::fs::create_dir_all(&dir).expect("create the folder");
                std::fs::write(&path, &fresh).expect("write");
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == fresh,
                "{} is stale: run PLENARY_UPDATE_FLOORPLANS=1 cargo test -p plenary-core floorplan",
                path.display()
            );
        }
    }

    #[test]
    fn names_are_escaped_and_every_booth_is_drawn() {
        let map = VenueMap::parse(WAIC_2025_VENUES_FILE, WAIC_2025_VENUES).expect("the map");
        let venue = map
            .venue("Shanghai World Expo Exhibition & Convention Center")
            .unwrap();
        let drawn = svg(&map, venue);
        assert!(
            drawn.contains("<title>Shanghai World Expo Exhibition &amp; Convention Center</title>")
        );
        assert_eq!(drawn.matches("data-booth=").count(), 46);
        assert_eq!(drawn.matches("data-hall=").count(), 4);
        assert!(drawn.contains("Illustrative layout"));
        assert_eq!(
            file_name(venue),
            "shanghai-world-expo-exhibition-convention-center.svg"
        );
    }
}
