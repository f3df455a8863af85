import type { SessionFilter, SessionView } from "../../ipc/bindings";
import { conferenceDay, zoneOffset } from "../../lib/time";

/** The programme's filters; an empty string does not filter. */
export interface ProgrammeFilters {
  track: string;
  kind: string;
  /** A venue or a hall, as core's `venue` filter reads it. */
  venue: string;
  language: string;
}

export const NO_FILTERS: ProgrammeFilters = { track: "", kind: "", venue: "", language: "" };

export function applyFilters(sessions: readonly SessionView[], f: ProgrammeFilters): SessionView[] {
  return sessions.filter(
    (s) =>
      (!f.track || s.track === f.track) &&
      (!f.kind || s.kind === f.kind) &&
      (!f.venue || s.venue === f.venue || s.hall === f.venue) &&
      (!f.language || s.language === f.language),
  );
}

function distinct(values: Iterable<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v) set.add(v);
  return [...set].sort((a, b) => a.localeCompare(b));
}

/** The values each filter can take, from the sessions at hand. */
export function filterOptions(sessions: readonly SessionView[]) {
  return {
    track: distinct(sessions.map((s) => s.track)),
    kind: distinct(sessions.map((s) => s.kind)),
    venue: distinct(sessions.flatMap((s) => [s.venue, s.hall])),
    language: distinct(sessions.map((s) => s.language)),
  };
}

/** Today's conference day if the conference is on, else its first day. */
export function defaultDay(days: readonly string[], zone: string | undefined): string | null {
  const today = conferenceDay(Date.now(), (zone && zoneOffset(zone)) || 0);
  return days.includes(today) ? today : (days[0] ?? null);
}

/** What the programme asks core for on `day`, and the key its first frame is primed under. */
export function programmeQuery(slug: string | undefined, day: string | null): { key: string; filter: SessionFilter } {
  return { key: `${slug ?? ""}|${day ?? ""}`, filter: day ? { day, with_text: false } : { with_text: false } };
}
