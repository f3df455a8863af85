// The booth route for the mock backend: bookmarked exhibitors' booths in the shortest order (every
// order for a few stops, nearest neighbour beyond), fitted to the time there is by dropping the
// least wanted stops, with the walks and visits estimated as core does.
import type { BoothRoute, ExhibitorView, LeftOff, Priority, RouteRequest, RouteStop, SessionView, VenueMap } from "../ipc/bindings";
import { instant } from "../lib/time";
import { boothSpot, minutesUp, placeNamed, walkIllustrative, walkSeconds, type Spot } from "./walk";

/** Stops up to which the mock tries every order (core tries up to 8). */
const EXACT_UP_TO = 6;
const RANK: Record<Priority, number> = { must: 0, want: 1, maybe: 2 };

function fail(kind: string, message: string): never {
  throw { kind, message };
}

interface Stop {
  exhibitor: ExhibitorView;
  booth: string;
  spot: Spot;
}

export function boothRoute(map: VenueMap | undefined, conference: string, request: RouteRequest,
  session: (key: string) => SessionView | undefined, exhibitors: readonly ExhibitorView[]): BoothRoute {
  if (!map) fail("bad-request", `${conference} has no venue map, so booths cannot be placed; import one with \`plenary venues FILE\` (docs/venues.md)`);
  const visit = request.visit_minutes ?? 10;
  if (!(visit >= 0 && visit <= 24 * 60)) fail("bad-request", `a visit of ${visit} minutes is not a number of minutes from 0 to 1440`);
  const find = (key: string | null) => (key === null ? null : session(key) ?? fail("not-found", `session not found: ${key}`));
  const after = find(request.after);
  const before = find(request.before);
  let window = request.minutes;
  if (after && before) {
    const gap = Math.floor((instant(before.start) - instant(after.end)) / 60_000);
    if (gap < 0) fail("bad-request", `“${before.title}” starts before “${after.title}” ends: there is no time between them`);
    window = window === null ? gap : Math.min(window, gap);
  }
  if (window !== null && window < 0) fail("bad-request", `${window} minutes is not a time window`);

  const leftOff: LeftOff[] = [];
  const skip = (e: ExhibitorView, why: LeftOff["why"]) => leftOff.push({ exhibitor: e.key, name: e.name, priority: e.bookmark ?? "want", why });
  let stops: Stop[] = [];
  for (const e of exhibitors) {
    const booth = e.booths.find((b) => boothSpot(map, b));
    if (e.visited && !request.include_visited) skip(e, "visited");
    else if (!booth) skip(e, "not_on_map");
    else stops.push({ exhibitor: e, booth, spot: boothSpot(map, booth)! });
  }

  const startName = request.from ?? after?.room ?? `${busiestVenue(map, stops)} entrance`;
  const start = placeNamed(map, startName) ?? fail("bad-request", `the venue map does not place "${startName}", so the route cannot start there`);
  const endName = before?.room ?? null;
  const end = endName === null ? null : placeNamed(map, endName) ?? fail("bad-request", `the venue map does not place "${endName}", so the route cannot end there`);
  const dist = (a: Spot, b: Spot) => walkSeconds(map, a, b) ?? 0;

  let order = shortest(start, end, stops, dist);
  const minutes = (o: Stop[]) => legs(start, end, o, dist).reduce((sum, m) => sum + m, 0) + visit * o.length;
  while (window !== null && stops.length && minutes(order) > window) {
    // Drop the least wanted stop, the last of them on the route.
    const worst = Math.max(...stops.map((s) => RANK[s.exhibitor.bookmark ?? "want"]));
    const drop = [...order].reverse().find((s) => RANK[s.exhibitor.bookmark ?? "want"] === worst)!;
    skip(drop.exhibitor, "no_time");
    stops = stops.filter((s) => s !== drop);
    order = shortest(start, end, stops, dist);
  }

  const walks = legs(start, end, order, dist);
  let clock = 0;
  let at = start;
  let illustrative = false;
  const out: RouteStop[] = order.map((s, i) => {
    const walk = walks[i]!;
    illustrative ||= walkIllustrative(map, at, s.spot);
    at = s.spot;
    clock += walk;
    const arrive = clock;
    clock += visit;
    const e = s.exhibitor;
    const hallAt = s.spot.hall?.booths[s.booth] ?? [0, 0];
    return {
      number: i + 1, exhibitor: e.key, name: e.name, other_name: e.other_name, hall: e.hall, booth: s.booth, at: hallAt,
      priority: e.bookmark ?? "want", visited: e.visited, walk_minutes: walk, arrive_after_minutes: arrive,
    };
  });
  const endWalk = end ? walks[order.length]! : null;
  const walkMinutes = walks.reduce((sum, m) => sum + m, 0);
  return {
    conference,
    start: startName,
    end: endName,
    stops: out,
    left_off: leftOff,
    end_walk_minutes: endWalk,
    walk_minutes: walkMinutes,
    visit_minutes: visit * out.length,
    total_minutes: walkMinutes + visit * out.length,
    window_minutes: window,
    fits: window === null || walkMinutes + visit * out.length <= window,
    exact: order.length <= EXACT_UP_TO,
    illustrative,
  };
}

/** The venue holding the most stops (the first with halls when there are none). */
function busiestVenue(map: VenueMap, stops: readonly Stop[]): string {
  const counts = new Map<string, number>();
  for (const s of stops) counts.set(s.spot.venue.name, (counts.get(s.spot.venue.name) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return best ?? (map.venues.find((v) => v.halls.length) ?? map.venues[0])?.name ?? "";
}

/** Minutes of each leg: start to the first stop, …, the last stop to the end (if any). */
function legs(start: Spot, end: Spot | null, order: readonly Stop[], dist: (a: Spot, b: Spot) => number): number[] {
  const points = [start, ...order.map((s) => s.spot), ...(end ? [end] : [])];
  return points.slice(1).map((p, i) => minutesUp(dist(points[i]!, p)));
}

function length(start: Spot, end: Spot | null, order: readonly Stop[], dist: (a: Spot, b: Spot) => number): number {
  const points = [start, ...order.map((s) => s.spot), ...(end ? [end] : [])];
  return points.slice(1).reduce((sum, p, i) => sum + dist(points[i]!, p), 0);
}

function shortest(start: Spot, end: Spot | null, stops: readonly Stop[], dist: (a: Spot, b: Spot) => number): Stop[] {
  if (stops.length > EXACT_UP_TO) {
    const left = [...stops];
    const path: Stop[] = [];
    let at = start;
    while (left.length) {
      left.sort((a, b) => dist(at, a.spot) - dist(at, b.spot));
      const next = left.shift()!;
      path.push(next);
      at = next.spot;
    }
    return path;
  }
  let best: Stop[] = [...stops];
  let bestLength = Infinity;
  const permute = (done: Stop[], left: Stop[]) => {
    if (!left.length) {
      const l = length(start, end, done, dist);
      if (l < bestLength - 1e-9) [best, bestLength] = [done, l];
      return;
    }
    left.forEach((s, i) => permute([...done, s], [...left.slice(0, i), ...left.slice(i + 1)]));
  };
  permute([], [...stops]);
  return best;
}
