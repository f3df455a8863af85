//! Walking times from a [`VenueMap`]: between rooms, between booths, and from one to the other.
//!
//! Inside a venue people walk along corridors and aisles, so distances are Manhattan (across
//! plus down), which never undercounts a walk round a block of booths. A walk out of a hall
//! goes through its door; a walk to another venue goes through both venues' entrances and adds
//! the map's walk between them. Every distance is the same both ways.

use std::collections::HashMap;

use super::venues::{Point, VenueMap};

/// A place a walk starts or ends at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place<'a> {
    /// A room, by the programme's name.
    Room(&'a str),
    /// A booth, by its code.
    Booth(&'a str),
    /// A venue's entrance, by the venue's name.
    Entrance(&'a str),
}

/// Where a place is: its venue, its point on the venue's plan, and its hall if it is inside one.
/// Looked up once with [`Walker::spot`], it makes repeated walks cheap ([`Walker::between`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    venue: usize,
    point: Point,
    hall: Option<usize>,
}

/// Answers walking times for one conference.
pub struct Walker<'m> {
    map: &'m VenueMap,
    /// Each room's venue as the programme gives it, for rooms the map does not place.
    room_venues: &'m HashMap<String, String>,
}

impl<'m> Walker<'m> {
    /// A walker over `map`; `room_venues` gives the programme's venue of each room.
    pub fn new(map: &'m VenueMap, room_venues: &'m HashMap<String, String>) -> Walker<'m> {
        Walker { map, room_venues }
    }

    /// The walk from `a` to `b` in whole seconds, or `None` if the map cannot place either or
    /// has no walk between their venues.
    pub fn seconds(&self, a: Place<'_>, b: Place<'_>) -> Option<i64> {
        if a == b {
            return Some(0);
        }
        self.between(self.spot(a)?, self.spot(b)?)
    }

    /// The walk between two spots in whole seconds, or `None` with no walk between their venues.
    pub fn between(&self, a: Spot, b: Spot) -> Option<i64> {
        let (metres, minutes) = if a.venue == b.venue {
            (self.within(a, b), 0.0)
        } else {
            let (va, vb) = (&self.map.venues[a.venue], &self.map.venues[b.venue]);
            let minutes = self.map.walk_minutes(&va.name, &vb.name)?;
            let out = self.to_door(a) + manhattan(self.door(a), va.entrance);
            let into = self.to_door(b) + manhattan(self.door(b), vb.entrance);
            (out + into, minutes)
        };
        Some((metres / self.map.walking_speed + minutes * 60.0).round() as i64)
    }

    /// The venue a place is in, and its point on the hall's plan for a booth (on the venue's
    /// plan otherwise).
    pub fn locate(&self, place: Place<'_>) -> Option<(&'m str, Point)> {
        let spot = self.spot(place)?;
        let venue = &self.map.venues[spot.venue];
        let point = match (place, spot.hall) {
            (Place::Booth(code), Some(h)) => venue.halls[h].booths[code],
            _ => spot.point,
        };
        Some((venue.name.as_str(), point))
    }

    /// An upper bound on any walk between spots of `spots`, in seconds: a walk is never longer
    /// than from one spot out to its venue's entrance, the longest walk between venues, and in
    /// from an entrance to the other spot (Manhattan distances obey the triangle inequality).
    pub fn longest(&self, spots: impl Iterator<Item = Spot>) -> i64 {
        let out = spots
            .map(|s| {
                let entrance = self.map.venues[s.venue].entrance;
                self.to_door(s) + manhattan(self.door(s), entrance)
            })
            .fold(0.0, f64::max);
        let between = self.map.walks.iter().map(|w| w.minutes).fold(0.0, f64::max);
        (2.0 * out / self.map.walking_speed + between * 60.0).ceil() as i64 + 1
    }

    /// Whether the map can place `place` (and so give walks to and from it).
    pub fn places(&self, place: Place<'_>) -> bool {
        self.spot(place).is_some()
    }

    /// Whether the walk from `a` to `b` rests on anything illustrative (a layout or a walk
    /// between venues that no source gave).
    pub fn is_illustrative(&self, a: Place<'_>, b: Place<'_>) -> bool {
        match (self.spot(a), self.spot(b)) {
            (Some(sa), Some(sb)) => self.illustrative_between(sa, sb),
            _ => false,
        }
    }

    /// [`Walker::is_illustrative`] for spots already looked up.
    pub fn illustrative_between(&self, sa: Spot, sb: Spot) -> bool {
        let venue = |s: Spot| &self.map.venues[s.venue];
        let hall = |s: Spot| s.hall.is_some_and(|h| venue(s).halls[h].illustrative);
        venue(sa).illustrative
            || venue(sb).illustrative
            || hall(sa)
            || hall(sb)
            || self
                .map
                .walk_is_illustrative(&venue(sa).name, &venue(sb).name)
    }

    /// Where the map puts `place`, if anywhere.
    pub fn spot(&self, place: Place<'_>) -> Option<Spot> {
        match place {
            Place::Entrance(name) => {
                let v = self.map.venues.iter().position(|p| p.name == name)?;
                Some(Spot {
                    venue: v,
                    point: self.map.venues[v].entrance,
                    hall: None,
                })
            }
            Place::Booth(code) => self.map.venues.iter().enumerate().find_map(|(v, venue)| {
                venue.halls.iter().enumerate().find_map(|(h, hall)| {
                    hall.booths.get(code).map(|p| Spot {
                        venue: v,
                        point: [hall.at[0] + p[0], hall.at[1] + p[1]],
                        hall: Some(h),
                    })
                })
            }),
            Place::Room(name) => {
                let placed = self.map.venues.iter().enumerate().find_map(|(v, venue)| {
                    if let Some(p) = venue.rooms.get(name) {
                        return Some(Spot {
                            venue: v,
                            point: *p,
                            hall: None,
                        });
                    }
                    // A room named after a hall (a stage in it, or the hall itself) is at its door.
                    venue.halls.iter().find(|h| h.name == name).map(|h| Spot {
                        venue: v,
                        point: [h.at[0] + h.entrance[0], h.at[1] + h.entrance[1]],
                        hall: None,
                    })
                });
                placed.or_else(|| {
                    let venue = self.room_venues.get(name)?;
                    let v = self.map.venues.iter().position(|p| &p.name == venue)?;
                    Some(Spot {
                        venue: v,
                        point: self.map.venues[v].entrance,
                        hall: None,
                    })
                })
            }
        }
    }

    /// The door a spot leaves its hall by (the spot itself when it is not in a hall).
    fn door(&self, s: Spot) -> Point {
        match s.hall {
            Some(h) => {
                let hall = &self.map.venues[s.venue].halls[h];
                [hall.at[0] + hall.entrance[0], hall.at[1] + hall.entrance[1]]
            }
            None => s.point,
        }
    }

    fn to_door(&self, s: Spot) -> f64 {
        manhattan(s.point, self.door(s))
    }

    fn within(&self, a: Spot, b: Spot) -> f64 {
        if a.hall.is_some() && a.hall == b.hall {
            manhattan(a.point, b.point)
        } else {
            self.to_door(a) + manhattan(self.door(a), self.door(b)) + self.to_door(b)
        }
    }
}

fn manhattan(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).abs() + (a[1] - b[1]).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> VenueMap {
        VenueMap::parse(
            "v.json",
            r#"{
              "format": "plenary-venues/1",
              "walking_speed": 1,
              "venues": [
                { "name": "Centre", "width": 200, "depth": 100, "entrance": [100, 100],
                  "rooms": { "Room A": [10, 10] },
                  "halls": [
                    { "name": "Hall 1", "at": [0, 50], "width": 50, "depth": 50,
                      "entrance": [50, 25], "booths": { "A1": [10, 10], "A2": [40, 40] } },
                    { "name": "Hall 2", "at": [150, 50], "width": 50, "depth": 50,
                      "entrance": [0, 25], "booths": { "B1": [10, 25] } }
                  ] },
                { "name": "Annex", "width": 10, "depth": 10, "entrance": [0, 0],
                  "rooms": { "Annex Room": [5, 5] }, "illustrative": true }
              ],
              "walks": [ { "from": "Centre", "to": "Annex", "minutes": 5 } ]
            }"#,
        )
        .unwrap()
    }

    #[test]
    fn walks_follow_aisles_doors_and_entrances() {
        let map = map();
        let rooms = HashMap::from([("Side Room".to_string(), "Annex".to_string())]);
        let w = Walker::new(&map, &rooms);
        use Place::*;
        // Same hall: across plus down.
        assert_eq!(w.seconds(Booth("A1"), Booth("A2")), Some(60));
        // Hall 1 to Hall 2: A1 to its door (40 + 15), door to door (100), door to B1 (10).
        assert_eq!(w.seconds(Booth("A1"), Booth("B1")), Some(165));
        assert_eq!(w.seconds(Booth("B1"), Booth("A1")), Some(165));
        // A room to a booth: the room (10, 10) to Hall 1's door (50, 75), then in to A1.
        assert_eq!(w.seconds(Room("Room A"), Booth("A1")), Some(105 + 55));
        // Another venue: Room A to the entrance (90 + 90), 5 minutes, then into the room (10).
        assert_eq!(
            w.seconds(Room("Room A"), Room("Annex Room")),
            Some(180 + 300 + 10)
        );
        // A room only the programme places, at its venue's entrance.
        assert_eq!(w.seconds(Room("Side Room"), Room("Annex Room")), Some(10));
        assert_eq!(w.seconds(Room("Nowhere"), Room("Room A")), None);
        assert_eq!(w.seconds(Room("Nowhere"), Room("Nowhere")), Some(0));
        assert!(w.is_illustrative(Room("Room A"), Room("Annex Room")));
        assert!(!w.is_illustrative(Room("Room A"), Booth("A1")));
    }
}
