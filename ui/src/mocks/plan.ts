// "Plan my day" for the mock backend: a greedy stand-in for core's planner that keeps its shape.
// Sessions the user put in come first, then by priority and start; each one is kept if it
// clashes (overlaps, or leaves too little time to walk) with nothing kept so far.
import type { Because, DayPlan, PlanItem, PlanMark, Priority, SessionView, Suggestion, TooFar, VenueMap } from "../ipc/bindings";
import { instant } from "../lib/time";
import { minutesUp, sessionWalk } from "./walk";

export interface Mark {
  priority: Priority;
  plan: PlanMark | null;
}

const RANK: Record<Priority, number> = { must: 0, want: 1, maybe: 2 };
const start = (s: SessionView) => instant(s.start);
const end = (s: SessionView) => instant(s.end);
const byStart = (a: SessionView, b: SessionView) => start(a) - start(b) || end(a) - end(b) || a.key.localeCompare(b.key);

/** Sessions in start order that do not overlap but leave too little time for the walk. */
export function tooFarPairs(map: VenueMap | undefined, sessions: readonly SessionView[]): TooFar[] {
  if (!map) return [];
  const sorted = [...sessions].sort(byStart);
  const pairs: TooFar[] = [];
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      const gap = (start(b) - end(a)) / 1000;
      if (gap < 0) continue;
      const walk = sessionWalk(map, a, b);
      if (walk.seconds > gap) {
        pairs.push({ from: a.key, to: b.key, walk_minutes: minutesUp(walk.seconds), gap_minutes: Math.floor(gap / 60), illustrative: walk.illustrative });
      }
    }
  });
  return pairs;
}

export function planDay(map: VenueMap | undefined, conference: string, date: string, day: readonly SessionView[], marks: ReadonlyMap<string, Mark>): DayPlan {
  const mark = (s: SessionView) => marks.get(s.key)!;
  const marked = day.filter((s) => marks.has(s.key)).sort(byStart);
  const others = day.filter((s) => !marks.has(s.key));
  const kept = marked.filter((s) => mark(s).plan !== "out");
  const walk = (a: SessionView, b: SessionView) => sessionWalk(map, a, b).seconds;
  const fitsAfter = (a: SessionView, b: SessionView) => start(b) >= end(a) + walk(a, b) * 1000;
  const clash = (a: SessionView, b: SessionView) => a !== b && !fitsAfter(a, b) && !fitsAfter(b, a);
  const overlap = (a: SessionView, b: SessionView) => start(a) < end(b) && start(b) < end(a);

  const order = [...kept].sort((a, b) =>
    Number(mark(b).plan === "in") - Number(mark(a).plan === "in") || RANK[mark(a).priority] - RANK[mark(b).priority] || byStart(a, b));
  const chosen: SessionView[] = [];
  for (const s of order) if (chosen.every((c) => !clash(s, c))) chosen.push(s);
  chosen.sort(byStart);
  const out = kept.filter((s) => !chosen.includes(s));

  const item = (session: SessionView, rest: Pick<PlanItem, "reason" | "explanation"> & Partial<PlanItem>): PlanItem => ({
    session, priority: mark(session).priority, mark: mark(session).plan, walk_minutes: null, backups: [], ...rest,
  });
  const chosenItems = chosen.map((s, i) => {
    const over = out.filter((o) => clash(s, o)).sort((a, b) => RANK[mark(a).priority] - RANK[mark(b).priority] || byStart(a, b));
    const previous = chosen[i - 1];
    return item(s, {
      reason: over.length ? { kind: "chosen_over", keys: over.map((o) => o.key) } : { kind: "no_clash" },
      explanation: over.length ? `Chosen over ${over.map((o) => `“${o.title}”`).join(", ")}.` : "Nothing else you bookmarked clashes with it.",
      walk_minutes: previous ? minutesUp(walk(previous, s)) : null,
      backups: over.map((o) => o.key),
    });
  });
  const leftOut = out.flatMap((s) => {
    const winner = chosen
      .filter((c) => clash(s, c))
      .sort((a, b) => Number(overlap(s, b)) - Number(overlap(s, a)) || RANK[mark(a).priority] - RANK[mark(b).priority] || byStart(a, b))[0];
    if (!winner) return [];
    if (overlap(s, winner)) {
      return [item(s, { reason: { kind: "overlaps", key: winner.key, priority: mark(winner).priority }, explanation: `Left out: it overlaps “${winner.title}”, which the plan keeps.` })];
    }
    const [first, second] = start(winner) < start(s) ? [winner, s] : [s, winner];
    const walkMinutes = minutesUp(walk(first, second));
    const gap = Math.floor((start(second) - end(first)) / 60_000);
    return [item(s, {
      reason: { kind: "too_far", key: winner.key, priority: mark(winner).priority, walk_minutes: walkMinutes, gap_minutes: gap },
      explanation: `Left out: can't make it from “${first.title}” to “${second.title}”: the walk takes ${walkMinutes} minutes and there are ${gap} between them.`,
    })];
  });
  const takenOut = marked
    .filter((s) => mark(s).plan === "out")
    .map((s) => item(s, { reason: { kind: "taken_out" }, explanation: "Left out: you took it out of the plan." }));
  const count = (p: Priority) => chosen.filter((s) => mark(s).priority === p).length;
  return {
    conference,
    date,
    chosen: chosenItems,
    left_out: [...leftOut, ...takenOut].sort((a, b) => byStart(a.session, b.session)),
    too_far: tooFarPairs(map, marked),
    suggestions: suggest(others, kept, chosen, clash),
    walks_known: !!map,
    decided: marked.some((s) => mark(s).plan !== null),
    musts: count("must"),
    wants: count("want"),
    maybes: count("maybe"),
  };
}

/** Unbookmarked sessions that fit around the chosen ones and share a track or speaker with a bookmark. */
function suggest(others: readonly SessionView[], kept: readonly SessionView[], chosen: readonly SessionView[],
  clash: (a: SessionView, b: SessionView) => boolean): Suggestion[] {
  return others
    .filter((s) => chosen.every((c) => !clash(s, c)))
    .map((session) => {
      const because: Because[] = [];
      const sameTrack = kept.find((k) => k.track && k.track === session.track);
      if (sameTrack && session.track) because.push({ kind: "track", track: session.track, like: sameTrack.key });
      for (const name of session.speakers) {
        const like = kept.find((k) => k.speakers.includes(name));
        if (like) because.push({ kind: "speaker", name, like: like.key });
      }
      return { session, because, explanation: `Suggested: ${because.map((b) => b.kind).join(", ")}.` };
    })
    .filter((s) => s.because.length)
    .sort((a, b) => byStart(a.session, b.session))
    .slice(0, 3);
}
