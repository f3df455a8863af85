// Where a booth route goes on a venue's plan. Coordinates are metres, x to the right and y down
// (as in SVG). A booth's place on the venue plan is its hall's corner plus its place in the hall.
import type { BoothRoute, HallPlan, RouteStop, VenueMap, VenuePlan } from "../../ipc/bindings";

export type Point = [number, number];

interface Placed {
  point: Point;
  hall: HallPlan | null;
}

const add = (a: Point, b: Point): Point => [a[0] + b[0], a[1] + b[1]];

/** A hall's door on the venue's plan. */
export const hallDoor = (h: HallPlan): Point => add(h.at, h.entrance);

/** The hall of `venue` that holds a stop's booth (by code, else by the hall's name). */
export function stopHall(venue: VenuePlan, stop: Pick<RouteStop, "booth" | "hall">): HallPlan | null {
  return venue.halls.find((h) => stop.booth in h.booths) ?? venue.halls.find((h) => h.name === stop.hall) ?? null;
}

/** A stop on the venue's plan; null when the venue has no hall for it. */
export function stopPoint(venue: VenuePlan, stop: RouteStop): Point | null {
  const hall = stopHall(venue, stop);
  return hall ? add(hall.at, hall.booths[stop.booth] ?? stop.at) : null;
}

/** The venue that holds most of the route's stops; with no stops, the first with halls. */
export function routeVenue(map: VenueMap, route: BoothRoute): VenuePlan | null {
  let best: VenuePlan | null = null;
  let most = 0;
  for (const venue of map.venues) {
    const n = route.stops.filter((s) => stopHall(venue, s)).length;
    if (n > most) [best, most] = [venue, n];
  }
  return best ?? map.venues.find((v) => v.halls.length > 0) ?? map.venues[0] ?? null;
}

/**
 * A start or end the route names ("<venue> entrance", a room, a booth code, a hall) on this
 * venue's plan. Anything in another venue is reached through this venue's entrance.
 */
export function placeOnVenue(venue: VenuePlan, name: string): Placed {
  const room = venue.rooms[name];
  if (room) return { point: room, hall: null };
  for (const hall of venue.halls) {
    const booth = hall.booths[name];
    if (booth) return { point: add(hall.at, booth), hall };
    if (hall.name === name) return { point: hallDoor(hall), hall: null };
  }
  return { point: venue.entrance, hall: null };
}

/**
 * The route as a line through the venue's plan: from the start, through each hall's door when
 * going from one hall to another, to each booth in order, and on to the end if there is one.
 */
export function routePoints(venue: VenuePlan, route: BoothRoute): Point[] {
  const start = placeOnVenue(venue, route.start);
  const points: Point[] = [start.point];
  let inHall = start.hall;
  const moveTo = (hall: HallPlan | null) => {
    if (hall === inHall) return;
    if (inHall) points.push(hallDoor(inHall));
    if (hall) points.push(hallDoor(hall));
    inHall = hall;
  };
  for (const stop of route.stops) {
    const point = stopPoint(venue, stop);
    if (!point) continue;
    moveTo(stopHall(venue, stop));
    points.push(point);
  }
  if (route.end) {
    const end = placeOnVenue(venue, route.end);
    moveTo(end.hall);
    points.push(end.point);
  }
  // A door reached from the spot on it (a start at a door, say) adds nothing to draw.
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
}
