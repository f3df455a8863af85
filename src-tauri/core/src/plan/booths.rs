//! The booth route: bookmarked exhibitors in an order that keeps walking short, fitted to the
//! time there is (between two sessions, say), with the walk and the visits estimated.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::minutes_up;
use super::route::{order_with_end, EXACT_UP_TO};
use super::venues::Point;
use super::walk::{Place, Walker};
use crate::error::{Error, Result};
use crate::store::{ExhibitorView, Priority, SessionFilter, Store};

/// Minutes spent at a booth unless the request says otherwise.
pub const DEFAULT_VISIT_MINUTES: i64 = 10;

/// What to route.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct RouteRequest {
    pub conference: Option<String>,
    /// Start where this session ends (its room) and, with `before`, fit the time between.
    pub after: Option<String>,
    /// Finish where this session is held, in time for its start.
    pub before: Option<String>,
    /// Where to start: a room or a booth code. Default: `after`'s room, else the entrance of
    /// the venue with the most stops.
    pub from: Option<String>,
    /// Minutes there are; the route drops stops (maybe first, then want, then must) to fit.
    pub minutes: Option<i64>,
    /// Minutes at each booth. Default [`DEFAULT_VISIT_MINUTES`].
    pub visit_minutes: Option<i64>,
    /// Also visit booths already ticked off.
    pub include_visited: bool,
}

/// One stop of the route.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RouteStop {
    /// 1 for the first booth.
    pub number: usize,
    pub exhibitor: String,
    pub name: String,
    pub other_name: Option<String>,
    pub hall: Option<String>,
    pub booth: String,
    /// The booth on its hall's plan, in metres.
    pub at: Point,
    pub priority: Priority,
    pub visited: bool,
    /// From the previous stop (or the start), to the nearest minute.
    pub walk_minutes: i64,
    /// Minutes after setting off that the booth is reached, to the nearest minute.
    pub arrive_after_minutes: i64,
}

/// Why a bookmarked exhibitor is not on the route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Skipped {
    /// Already ticked off.
    Visited,
    /// The venue map does not place any of its booths.
    NotOnMap,
    /// Dropped to fit the time there is.
    NoTime,
}

/// A bookmarked exhibitor left off the route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LeftOff {
    pub exhibitor: String,
    pub name: String,
    pub priority: Priority,
    pub why: Skipped,
}

/// A route through bookmarked booths.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BoothRoute {
    pub conference: String,
    /// Where it starts: a room, a booth, or "<venue> entrance".
    pub start: String,
    /// Where it must finish (the next session's room), if anywhere.
    pub end: Option<String>,
    pub stops: Vec<RouteStop>,
    pub left_off: Vec<LeftOff>,
    /// From the last stop to `end`, to the nearest minute.
    pub end_walk_minutes: Option<i64>,
    /// Walking, including to the end: the seconds added up, then rounded up.
    pub walk_minutes: i64,
    pub visit_minutes: i64,
    pub total_minutes: i64,
    /// The time there was, if limited.
    pub window_minutes: Option<i64>,
    /// False when even with every booth left off the route does not fit the time (the walk
    /// to `end` alone is longer).
    pub fits: bool,
    /// True when every order was tried (a few stops); a heuristic's order otherwise.
    pub exact: bool,
    /// True when the walk rests on an illustrative layout.
    pub illustrative: bool,
}

impl Store {
    /// Routes the bookmarked exhibitors of a conference as `request` asks.
    pub fn booth_route(&self, request: &RouteRequest) -> Result<BoothRoute> {
        let layout = self.layout(request.conference.as_deref())?;
        let slug = layout.conference.clone();
        let walker = layout.walker().ok_or_else(|| {
            Error::BadRequest(format!(
                "{slug} has no venue map, so booths cannot be placed; import one with \
                 `plenary venues FILE` (docs/venues.md)"
            ))
        })?;
        let visit = request.visit_minutes.unwrap_or(DEFAULT_VISIT_MINUTES);
        if !(0..=24 * 60).contains(&visit) {
            return Err(Error::BadRequest(format!(
                "a visit of {visit} minutes is not a number of minutes from 0 to 1440"
            )));
        }
        let session = |key: &str| -> Result<crate::store::SessionView> {
            self.sessions(&SessionFilter {
                conference: Some(slug.clone()),
                keys: Some(vec![key.to_string()]),
                with_text: Some(false),
                ..SessionFilter::default()
            })?
            .into_iter()
            .next()
            .ok_or_else(|| Error::NotFound {
                what: "session",
                key: key.to_string(),
            })
        };
        let after = request.after.as_deref().map(session).transpose()?;
        let before = request.before.as_deref().map(session).transpose()?;
        let mut window = request.minutes;
        if let (Some(a), Some(b)) = (&after, &before) {
            let gap = (b.start - a.end).num_minutes();
            if gap < 0 {
                return Err(Error::BadRequest(format!(
                    "“{}” starts before “{}” ends: there is no time between them",
                    b.title, a.title
                )));
            }
            window = Some(window.map_or(gap, |w| w.min(gap)));
        }
        if let Some(w) = window.filter(|w| *w < 0) {
            return Err(Error::BadRequest(format!(
                "{w} minutes is not a time window"
            )));
        }

        let exhibitors = self.bookmarked_exhibitors(&slug)?;
        let mut left_off = Vec::new();
        let mut stops: Vec<(ExhibitorView, String)> = Vec::new();
        for e in exhibitors {
            let placed = e
                .booths
                .iter()
                .find(|b| walker.places(Place::Booth(b)))
                .cloned();
            let why = match placed {
                _ if e.visited && !request.include_visited => Some(Skipped::Visited),
                None => Some(Skipped::NotOnMap),
                Some(_) => None,
            };
            match (why, placed) {
                (None, Some(booth)) => stops.push((e, booth)),
                (why, _) => left_off.push(LeftOff {
                    exhibitor: e.key.clone(),
                    name: e.name.clone(),
                    priority: e.bookmark.unwrap_or_default(),
                    why: why.unwrap_or(Skipped::NotOnMap),
                }),
            }
        }

        // Where it starts and ends, as places the walker knows.
        let start_name: String = match (&request.from, &after) {
            (Some(from), _) => from.clone(),
            (None, Some(a)) => a.room.clone().unwrap_or_default(),
            (None, None) => {
                let mut count: HashMap<&str, usize> = HashMap::new();
                for (_, booth) in &stops {
                    if let Some((venue, _)) = walker.locate(Place::Booth(booth)) {
                        *count.entry(venue).or_default() += 1;
                    }
                }
                let venue = count
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                    .map(|(v, _)| v.to_string())
                    .or_else(|| layout.map.as_ref()?.venues.first().map(|v| v.name.clone()))
                    .unwrap_or_default();
                format!("{venue} entrance")
            }
        };
        let start = place_named(&walker, &start_name);
        if !walker.places(start) {
            return Err(Error::BadRequest(format!(
                "the venue map does not place {start_name:?}, so the route cannot start there"
            )));
        }
        let end_name = before.as_ref().and_then(|b| b.room.clone());
        let end = end_name.as_deref().map(|n| place_named(&walker, n));
        if let (Some(end), Some(name)) = (end, &end_name) {
            if !walker.places(end) {
                return Err(Error::BadRequest(format!(
                    "the venue map does not place {name:?}, so the route cannot end there"
                )));
            }
        }

        let mut chosen: Vec<usize> = (0..stops.len()).collect();
        let mut route = plan(&walker, start, end, &stops, &chosen);
        if let Some(window) = window {
            // Drop the least wanted stop that saves the most walking until the route fits.
            while route.minutes(visit) > window && !chosen.is_empty() {
                let worst = chosen
                    .iter()
                    .map(|&k| stops[k].0.bookmark.unwrap_or_default())
                    .max();
                let candidates: Vec<usize> = (0..route.order.len())
                    .filter(|&p| {
                        Some(stops[chosen[route.order[p]]].0.bookmark.unwrap_or_default()) == worst
                    })
                    .collect();
                let saves = |p: usize| route.saving(&walker, start, end, &stops, &chosen, p);
                let Some(&drop) = candidates
                    .iter()
                    .max_by(|&&a, &&b| saves(a).total_cmp(&saves(b)))
                else {
                    break;
                };
                let k = chosen.remove(route.order[drop]);
                let e = &stops[k].0;
                left_off.push(LeftOff {
                    exhibitor: e.key.clone(),
                    name: e.name.clone(),
                    priority: e.bookmark.unwrap_or_default(),
                    why: Skipped::NoTime,
                });
                route = plan(&walker, start, end, &stops, &chosen);
            }
        }

        // Times add up in seconds and are rounded once, for the total and for each arrival: a
        // dozen booths a few metres apart are not a dozen minutes' walk.
        let mut out = Vec::new();
        let mut at = start;
        let mut clock = 0;
        let mut walked = 0;
        let mut illustrative = false;
        for (n, &i) in route.order.iter().enumerate() {
            let (e, booth) = &stops[chosen[i]];
            let here = Place::Booth(booth);
            let leg = walker.seconds(at, here).unwrap_or(0);
            illustrative |= walker.is_illustrative(at, here);
            clock += leg;
            walked += leg;
            out.push(RouteStop {
                number: n + 1,
                exhibitor: e.key.clone(),
                name: e.name.clone(),
                other_name: e.other_name.clone(),
                hall: e.hall.clone(),
                booth: booth.clone(),
                at: walker.locate(here).map_or([0.0, 0.0], |l| l.1),
                priority: e.bookmark.unwrap_or_default(),
                visited: e.visited,
                walk_minutes: nearest_minute(leg),
                arrive_after_minutes: nearest_minute(clock),
            });
            clock += visit * 60;
            at = here;
        }
        let last_leg = end.map(|e| {
            illustrative |= walker.is_illustrative(at, e);
            walker.seconds(at, e).unwrap_or(0)
        });
        walked += last_leg.unwrap_or(0);
        let walk_minutes = minutes_up(walked);
        let visit_minutes = visit * out.len() as i64;
        Ok(BoothRoute {
            conference: slug,
            start: start_name,
            end: end_name,
            end_walk_minutes: last_leg.map(nearest_minute),
            exact: route.order.len() <= EXACT_UP_TO,
            stops: out,
            left_off,
            walk_minutes,
            visit_minutes,
            total_minutes: walk_minutes + visit_minutes,
            window_minutes: window,
            fits: window.is_none_or(|w| walk_minutes + visit_minutes <= w),
            illustrative,
        })
    }
}

/// The place a name means: a booth code, "<venue> entrance" (for a venue the map has), or a
/// room (a room may well be called "North entrance").
fn place_named<'a>(walker: &Walker<'_>, name: &'a str) -> Place<'a> {
    let entrance = name
        .strip_suffix(" entrance")
        .map(Place::Entrance)
        .filter(|p| walker.places(*p));
    if walker.places(Place::Booth(name)) {
        Place::Booth(name)
    } else {
        entrance.unwrap_or(Place::Room(name))
    }
}

/// Seconds to the nearest minute.
fn nearest_minute(seconds: i64) -> i64 {
    (seconds + 30).div_euclid(60)
}

/// An order of the chosen stops and its walking time.
struct Planned {
    /// Indices into `chosen`.
    order: Vec<usize>,
    /// Seconds of walking, the walk to the end included.
    walk_seconds: i64,
}

impl Planned {
    /// Minutes in all, as the route reports them: walking rounded up once, plus the visits.
    fn minutes(&self, visit: i64) -> i64 {
        minutes_up(self.walk_seconds) + visit * self.order.len() as i64
    }

    /// The walking saved by leaving out the stop at position `p` of the order.
    fn saving(
        &self,
        walker: &Walker<'_>,
        start: Place<'_>,
        end: Option<Place<'_>>,
        stops: &[(ExhibitorView, String)],
        chosen: &[usize],
        p: usize,
    ) -> f64 {
        let spot = |q: usize| Place::Booth(&stops[chosen[self.order[q]]].1);
        let prev = if p == 0 { start } else { spot(p - 1) };
        let next = if p + 1 < self.order.len() {
            Some(spot(p + 1))
        } else {
            end
        };
        let s = |a: Place<'_>, b: Place<'_>| walker.seconds(a, b).unwrap_or(0) as f64;
        match next {
            Some(next) => s(prev, spot(p)) + s(spot(p), next) - s(prev, next),
            None => s(prev, spot(p)),
        }
    }
}

fn plan(
    walker: &Walker<'_>,
    start: Place<'_>,
    end: Option<Place<'_>>,
    stops: &[(ExhibitorView, String)],
    chosen: &[usize],
) -> Planned {
    // Points: 0 the start, 1..=n the stops, n + 1 the end if there is one.
    let n = chosen.len();
    let point = |i: usize| -> Place<'_> {
        if i == 0 {
            start
        } else if i <= n {
            Place::Booth(&stops[chosen[i - 1]].1)
        } else {
            end.unwrap_or(start)
        }
    };
    // Each place is looked up once; the walks between them are then arithmetic.
    let spots: Vec<_> = (0..n + 2).map(|i| walker.spot(point(i))).collect();
    let mut table = vec![vec![0.0; n + 2]; n + 2];
    for (a, row) in table.iter_mut().enumerate() {
        for (b, cell) in row.iter_mut().enumerate() {
            let walk = match (spots[a], spots[b]) {
                _ if a == b => Some(0),
                (Some(sa), Some(sb)) => walker.between(sa, sb),
                _ => None,
            };
            *cell = walk.unwrap_or(0) as f64;
        }
    }
    let points = if end.is_some() { n + 2 } else { n + 1 };
    let end_point = end.map(|_| n + 1);
    let (order, _) = order_with_end(points, end_point, |a, b| table[a][b]);
    let mut at = 0;
    let mut walk_seconds = 0;
    for &p in order.iter().chain(end_point.iter()) {
        walk_seconds += table[at][p] as i64;
        at = p;
    }
    Planned {
        order: order.into_iter().map(|i| i - 1).collect(),
        walk_seconds,
    }
}
