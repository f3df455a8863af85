// Walking times on a venue map, the way core's walker reckons them (simplified): along the aisles
// (Manhattan distance), through a hall's door to leave it, and through the venues' entrances plus
// the map's walk between venues to go to another venue.
import type { HallPlan, SessionView, VenueMap, VenuePlan } from "../ipc/bindings";

type Point = [number, number];

/** A place on the map: its venue, its hall if it is in one, and where it is on the venue's plan. */
export interface Spot {
  venue: VenuePlan;
  hall: HallPlan | null;
  point: Point;
}

const manhattan = (a: Point, b: Point) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
const door = (s: Spot): Point => (s.hall ? [s.hall.at[0] + s.hall.entrance[0], s.hall.at[1] + s.hall.entrance[1]] : s.point);
const toDoor = (s: Spot) => manhattan(s.point, door(s));

/** A programme room: on a venue's plan, as a hall (its door), else at its venue's entrance. */
export function roomSpot(map: VenueMap, room: string | null, venueName: string | null = null): Spot | null {
  if (!room) return null;
  for (const venue of map.venues) {
    const point = venue.rooms[room];
    if (point) return { venue, hall: null, point };
  }
  for (const venue of map.venues) {
    const hall = venue.halls.find((h) => h.name === room);
    if (hall) return { venue, hall: null, point: door({ venue, hall, point: [0, 0] }) };
  }
  const venue = map.venues.find((v) => v.name === venueName);
  return venue ? { venue, hall: null, point: venue.entrance } : null;
}

/** A booth by its code, placed on its venue's plan (its hall's corner plus its place in the hall). */
export function boothSpot(map: VenueMap, code: string): Spot | null {
  for (const venue of map.venues) {
    for (const hall of venue.halls) {
      const at = hall.booths[code];
      if (at) return { venue, hall, point: [hall.at[0] + at[0], hall.at[1] + at[1]] };
    }
  }
  return null;
}

/** A start or end as a route names it: "<venue> entrance", a room, or a booth code. */
export function placeNamed(map: VenueMap, name: string): Spot | null {
  const venue = map.venues.find((v) => `${v.name} entrance` === name);
  if (venue) return { venue, hall: null, point: venue.entrance };
  return roomSpot(map, name) ?? boothSpot(map, name);
}

function between(map: VenueMap, a: VenuePlan, b: VenuePlan) {
  return map.walks.find((w) => (w.from === a.name && w.to === b.name) || (w.from === b.name && w.to === a.name));
}

/** Seconds from `a` to `b`; null when the map has no walk between their venues. */
export function walkSeconds(map: VenueMap, a: Spot, b: Spot): number | null {
  const speed = map.walking_speed || 1.2;
  if (a.venue === b.venue) {
    if (a.hall && a.hall === b.hall) return manhattan(a.point, b.point) / speed;
    return (toDoor(a) + manhattan(door(a), door(b)) + toDoor(b)) / speed;
  }
  const walk = between(map, a.venue, b.venue);
  if (!walk) return null;
  const metres = toDoor(a) + manhattan(door(a), a.venue.entrance) + manhattan(b.venue.entrance, door(b)) + toDoor(b);
  return metres / speed + walk.minutes * 60;
}

/** Whether a walk rests on anything illustrative: a layout, or a walk between venues. */
export function walkIllustrative(map: VenueMap, a: Spot, b: Spot): boolean {
  return a.venue.illustrative || b.venue.illustrative || !!a.hall?.illustrative || !!b.hall?.illustrative ||
    (a.venue !== b.venue && !!between(map, a.venue, b.venue)?.illustrative);
}

export const minutesUp = (seconds: number) => Math.ceil(seconds / 60 - 1e-9);

/** The walk between two sessions' rooms in seconds; unknown walks count as none, as in core. */
export function sessionWalk(map: VenueMap | undefined, a: SessionView, b: SessionView): { seconds: number; illustrative: boolean } {
  if (!map || a.room === b.room) return { seconds: 0, illustrative: false };
  const from = roomSpot(map, a.room, a.venue);
  const to = roomSpot(map, b.room, b.venue);
  const seconds = from && to ? walkSeconds(map, from, to) : null;
  return seconds === null || !from || !to ? { seconds: 0, illustrative: false } : { seconds, illustrative: walkIllustrative(map, from, to) };
}
