//! Where things are: a conference's venues with their rooms, halls and booths placed on floor
//! plans, and the walks between venues. Read from a venue file (`docs/venues.md`), checked
//! before anything is stored.
//!
//! Positions are metres on a venue's plan, x to the right and y down, as in SVG. A hall has its
//! own plan: its booths are placed from the hall's top-left corner, and the hall sits at `at`
//! on its venue's plan.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Location, Result};

/// The `format` a venue file declares.
pub const VENUE_FORMAT: &str = "plenary-venues/1";

/// A walking pace for crowded conference halls, in metres a second (a free walk is about 1.4).
pub const DEFAULT_WALKING_SPEED: f64 = 1.2;

/// The largest plan side a venue file may give, in metres (100 km): anything larger is a mistake,
/// and would overflow walking times.
pub const MAX_METRES: f64 = 100_000.0;

/// The longest walk between venues a file may give, in minutes (a day).
pub const MAX_WALK_MINUTES: f64 = 1_440.0;

/// A point on a plan, in metres: `[x, y]`.
pub type Point = [f64; 2];

/// A conference's venue map, as a venue file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VenueMap {
    /// Always [`VENUE_FORMAT`].
    pub format: String,
    /// The conference it belongs to; the caller's choice (or the current one) if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference: Option<String>,
    /// Metres a second.
    #[serde(default = "default_speed")]
    pub walking_speed: f64,
    #[serde(default)]
    pub sources: Vec<String>,
    pub venues: Vec<VenuePlan>,
    #[serde(default)]
    pub walks: Vec<Walk>,
}

fn default_speed() -> f64 {
    DEFAULT_WALKING_SPEED
}

/// One venue's floor plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VenuePlan {
    /// As the programme names it.
    pub name: String,
    pub width: f64,
    pub depth: f64,
    /// Where people come in and leave for other venues.
    pub entrance: Point,
    /// Rooms by the programme's name, where they are on this plan.
    #[serde(default)]
    pub rooms: BTreeMap<String, Point>,
    #[serde(default)]
    pub halls: Vec<HallPlan>,
    /// True when the layout is not from a source: shown as illustrative.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// An exhibition hall inside a venue, with its booths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HallPlan {
    /// As exhibitors' `hall` names it.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_name: Option<String>,
    /// The hall's top-left corner on the venue's plan.
    pub at: Point,
    pub width: f64,
    pub depth: f64,
    /// The hall's door, on the hall's own plan.
    pub entrance: Point,
    /// Booth codes (as exhibitors' `booths` give them), each booth's centre on the hall's plan.
    #[serde(default)]
    pub booths: BTreeMap<String, Point>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// The walk between two venues' entrances, the same both ways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Walk {
    pub from: String,
    pub to: String,
    pub minutes: f64,
    /// How the walk goes, when it is not simply on foot ("by metro or taxi").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub sources: Vec<String>,
}

impl VenueMap {
    /// Reads and checks a venue file; errors name the file, the line and the field.
    pub fn parse(file: &str, text: &str) -> Result<VenueMap> {
        let map: VenueMap = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| syntax(file, &e))?;
        map.check(file, text)?;
        Ok(map)
    }

    fn check(&self, file: &str, text: &str) -> Result<()> {
        let fail = |needle: &str, field: String, message: String| Error::Invalid {
            at: locate(file, text, needle),
            field,
            message,
        };
        if self.format != VENUE_FORMAT {
            return Err(fail(
                "\"format\"",
                "format".into(),
                format!("expected {VENUE_FORMAT:?}, found {:?}", self.format),
            ));
        }
        if !(0.1..=10.0).contains(&self.walking_speed) {
            return Err(fail(
                "\"walking_speed\"",
                "walking_speed".into(),
                "must be between 0.1 and 10 metres a second".into(),
            ));
        }
        // A second use of a name is reported where it is used again.
        let again = |needle: &str, field: String, message: String| Error::Invalid {
            at: locate_last(file, text, needle),
            field,
            message,
        };
        let mut venues = std::collections::HashSet::new();
        let mut halls = std::collections::HashSet::new();
        let mut booths = std::collections::HashSet::new();
        let mut rooms = std::collections::HashSet::new();
        let mut pairs = std::collections::HashSet::new();
        for (v, venue) in self.venues.iter().enumerate() {
            let at = |field: &str| format!("venues[{v}].{field}");
            let quoted = format!("{:?}", venue.name);
            if !venues.insert(venue.name.as_str()) {
                return Err(again(
                    &format!("\"name\": {quoted}"),
                    at("name"),
                    "a second venue of this name".into(),
                ));
            }
            size(venue.width, venue.depth)
                .map_err(|m| fail(&quoted, at("width/depth"), m.into()))?;
            inside(venue.entrance, venue.width, venue.depth)
                .map_err(|m| fail(&quoted, at("entrance"), m))?;
            for (room, point) in &venue.rooms {
                if !rooms.insert(room.as_str()) {
                    return Err(again(
                        &format!("{room:?}"),
                        at(&format!("rooms.{room}")),
                        "this room is placed in a second venue".into(),
                    ));
                }
                inside(*point, venue.width, venue.depth)
                    .map_err(|m| fail(&format!("{room:?}"), at(&format!("rooms.{room}")), m))?;
            }
            for (h, hall) in venue.halls.iter().enumerate() {
                let at = |field: &str| format!("venues[{v}].halls[{h}].{field}");
                let quoted = format!("{:?}", hall.name);
                if !halls.insert(hall.name.as_str()) {
                    return Err(again(
                        &format!("\"name\": {quoted}"),
                        at("name"),
                        "a second hall of this name".into(),
                    ));
                }
                size(hall.width, hall.depth)
                    .map_err(|m| fail(&quoted, at("width/depth"), m.into()))?;
                let corner = [hall.at[0] + hall.width, hall.at[1] + hall.depth];
                inside(hall.at, venue.width, venue.depth)
                    .and_then(|()| inside(corner, venue.width, venue.depth))
                    .map_err(|_| {
                        fail(
                            &quoted,
                            at("at"),
                            format!(
                                "the hall ({} × {} m at {:?}) does not fit on its venue's plan \
                                 ({} × {} m)",
                                hall.width, hall.depth, hall.at, venue.width, venue.depth
                            ),
                        )
                    })?;
                inside(hall.entrance, hall.width, hall.depth)
                    .map_err(|m| fail(&quoted, at("entrance"), m))?;
                for (code, point) in &hall.booths {
                    let quoted = format!("{code:?}");
                    if !booths.insert(code.as_str()) {
                        return Err(again(
                            &quoted,
                            at(&format!("booths.{code}")),
                            "this booth is placed in a second hall".into(),
                        ));
                    }
                    inside(*point, hall.width, hall.depth)
                        .map_err(|m| fail(&quoted, at(&format!("booths.{code}")), m))?;
                }
            }
        }
        for (w, walk) in self.walks.iter().enumerate() {
            for (field, name) in [("from", &walk.from), ("to", &walk.to)] {
                if !venues.contains(name.as_str()) {
                    return Err(fail(
                        &format!("{name:?}"),
                        format!("walks[{w}].{field}"),
                        format!("no venue {name:?} on this map"),
                    ));
                }
            }
            if !(0.0..=MAX_WALK_MINUTES).contains(&walk.minutes) {
                return Err(fail(
                    "\"walks\"",
                    format!("walks[{w}].minutes"),
                    format!("must be a number of minutes from 0 to {MAX_WALK_MINUTES}"),
                ));
            }
            if walk.from == walk.to {
                return Err(fail(
                    &format!("{:?}", walk.from),
                    format!("walks[{w}]"),
                    "a walk from a venue to itself".into(),
                ));
            }
            let pair = if walk.from < walk.to {
                (walk.from.as_str(), walk.to.as_str())
            } else {
                (walk.to.as_str(), walk.from.as_str())
            };
            if !pairs.insert(pair) {
                return Err(fail(
                    "\"walks\"",
                    format!("walks[{w}]"),
                    format!(
                        "a second walk between {:?} and {:?} (a walk counts both ways)",
                        walk.from, walk.to
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The venue plan of this name.
    pub fn venue(&self, name: &str) -> Option<&VenuePlan> {
        self.venues.iter().find(|v| v.name == name)
    }

    /// The hall of this name, with its venue.
    pub fn hall(&self, name: &str) -> Option<(&VenuePlan, &HallPlan)> {
        self.venues
            .iter()
            .find_map(|v| v.halls.iter().find(|h| h.name == name).map(|h| (v, h)))
    }

    /// The walk between two venues, in minutes, either way round.
    pub fn walk_minutes(&self, a: &str, b: &str) -> Option<f64> {
        if a == b {
            return Some(0.0);
        }
        self.walks
            .iter()
            .find(|w| (w.from == a && w.to == b) || (w.from == b && w.to == a))
            .map(|w| w.minutes)
    }

    /// Whether the walk between two venues is illustrative (not from a source).
    pub fn walk_is_illustrative(&self, a: &str, b: &str) -> bool {
        self.walks
            .iter()
            .find(|w| (w.from == a && w.to == b) || (w.from == b && w.to == a))
            .is_some_and(|w| w.illustrative)
    }
}

fn size(width: f64, depth: f64) -> std::result::Result<(), &'static str> {
    let ok = |m: f64| m > 0.0 && m <= MAX_METRES;
    if ok(width) && ok(depth) {
        Ok(())
    } else {
        Err("width and depth must be positive numbers of metres, at most 100 km")
    }
}

fn inside(p: Point, width: f64, depth: f64) -> std::result::Result<(), String> {
    let ok = |c: f64, max: f64| c.is_finite() && (0.0..=max).contains(&c);
    if ok(p[0], width) && ok(p[1], depth) {
        Ok(())
    } else {
        Err(format!(
            "{p:?} is outside the plan (0–{width} m across, 0–{depth} m down)"
        ))
    }
}

/// Where `needle` first appears in `text`, to point an error at; the file's start if nowhere.
fn locate(file: &str, text: &str, needle: &str) -> Location {
    location_at(file, text, text.find(needle).unwrap_or(0))
}

/// The line and column of byte `offset` of `text`.
fn location_at(file: &str, text: &str, offset: usize) -> Location {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location {
        file: file.to_string(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
    }
}

/// Where `needle` last appears in `text`: the second use of a name.
fn locate_last(file: &str, text: &str, needle: &str) -> Location {
    // `"name": "X"` as written by hand or by a formatter; a bare `"X"` otherwise.
    let compact = needle.replacen("\": ", "\":", 1);
    let offset = [
        needle,
        compact.as_str(),
        needle.rsplit(": ").next().unwrap_or(needle),
    ]
    .iter()
    .find_map(|n| text.rfind(n));
    location_at(file, text, offset.unwrap_or(0))
}

fn syntax(file: &str, error: &serde_json::Error) -> Error {
    let message = error.to_string();
    Error::Syntax {
        at: Location {
            file: file.to_string(),
            line: u32::try_from(error.line()).unwrap_or(u32::MAX).max(1),
            column: u32::try_from(error.column()).unwrap_or(u32::MAX).max(1),
        },
        message: message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
  "format": "plenary-venues/1",
  "venues": [
    {
      "name": "Centre",
      "width": 100, "depth": 50, "entrance": [50, 50],
      "rooms": { "Room A": [10, 10] },
      "halls": [
        { "name": "Hall 1", "at": [0, 20], "width": 40, "depth": 30, "entrance": [20, 30],
          "booths": { "A1": [5, 5] } }
      ]
    },
    { "name": "Annex", "width": 10, "depth": 10, "entrance": [0, 0] }
  ],
  "walks": [ { "from": "Centre", "to": "Annex", "minutes": 7 } ]
}"#;

    #[test]
    fn a_small_map_reads_with_its_defaults() {
        let map = VenueMap::parse("v.json", SMALL).unwrap();
        assert_eq!(map.walking_speed, DEFAULT_WALKING_SPEED);
        assert_eq!(map.walk_minutes("Annex", "Centre"), Some(7.0));
        assert_eq!(map.walk_minutes("Centre", "Centre"), Some(0.0));
        assert_eq!(map.hall("Hall 1").unwrap().0.name, "Centre");
    }

    #[test]
    fn a_booth_off_its_hall_is_refused_with_its_line_and_field() {
        let text = SMALL.replace("\"A1\": [5, 5]", "\"A1\": [5, 35]");
        let error = VenueMap::parse("v.json", &text).unwrap_err().to_string();
        assert_eq!(
            error,
            "v.json:10:23: field `venues[0].halls[0].booths.A1`: [5.0, 35.0] is outside the \
             plan (0–40 m across, 0–30 m down)"
        );
    }

    #[test]
    fn a_walk_to_an_unknown_venue_is_refused() {
        let text = SMALL.replace("\"to\": \"Annex\"", "\"to\": \"Anex\"");
        let error = VenueMap::parse("v.json", &text).unwrap_err().to_string();
        assert!(
            error.contains("field `walks[0].to`: no venue \"Anex\" on this map"),
            "{error}"
        );
    }

    #[test]
    fn a_second_walk_between_two_venues_is_refused_where_it_is() {
        let text = SMALL.replace(
            "\"walks\": [ { \"from\": \"Centre\", \"to\": \"Annex\", \"minutes\": 7 } ]",
            "\"walks\": [ { \"from\": \"Centre\", \"to\": \"Annex\", \"minutes\": 7 },\n    { \"from\": \"Annex\", \"to\": \"Centre\", \"minutes\": 9 } ]",
        );
        let error = VenueMap::parse("v.json", &text).unwrap_err().to_string();
        assert!(error.contains("a second walk between"), "{error}");
        let twice = SMALL.replace("\"name\": \"Annex\"", "\"name\": \"Centre\"");
        let error = VenueMap::parse("v.json", &twice).unwrap_err().to_string();
        assert!(
            error.starts_with("v.json:13:"),
            "the second one's line: {error}"
        );
    }

    #[test]
    fn other_mistakes_are_named() {
        for (from, to, says) in [
            ("plenary-venues/1", "plenary-venues/2", "field `format`"),
            (
                "\"width\": 40",
                "\"width\": -40",
                "venues[0].halls[0].width/depth",
            ),
            (
                "\"at\": [0, 20]",
                "\"at\": [70, 20]",
                "does not fit on its venue's plan",
            ),
            ("\"minutes\": 7", "\"minutes\": -7", "walks[0].minutes"),
            (
                "\"name\": \"Annex\"",
                "\"name\": \"Centre\"",
                "a second venue of this name",
            ),
            ("\"booths\"", "\"boths\"", "unknown field `boths`"),
            ("\"width\": 100", "\"width\": 1e300", "at most 100 km"),
            ("\"minutes\": 7", "\"minutes\": 99999", "from 0 to 1440"),
            (
                "\"to\": \"Annex\"",
                "\"to\": \"Centre\"",
                "a walk from a venue to itself",
            ),
            (
                "\"entrance\": [0, 0]",
                "\"entrance\": [0, 0], \"rooms\": { \"Room A\": [1, 1] }",
                "placed in a second venue",
            ),
        ] {
            let text = SMALL.replacen(from, to, 1);
            let error = VenueMap::parse("v.json", &text).unwrap_err().to_string();
            assert!(error.contains(says), "{from} -> {to}: {error}");
        }
    }
}
