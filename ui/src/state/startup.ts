// The first screen in one frame. Every frame WebKit paints before the programme shows costs
// 40–90 ms on a machine without a GPU (docs/benchmarks.md, "The desktop app"), and the app used
// to paint three: the shell with "Loading", then Now / Next before it redirected to the
// programme, then the programme waiting for its sessions. Here the conferences, the start view
// and the programme's first day are fetched before the first render, so the first frame is the
// programme itself.
import * as ipc from "../ipc";
import type { ConferenceSummary, SessionView } from "../ipc/bindings";
import { defaultDay, programmeQuery } from "../features/programme/filters";
import { conferenceDay, zoneOffset } from "../lib/time";
import { conferenceList } from "./app";
import { redirect, route } from "./router";

/** Whether the address names no view. */
export function bareHash(): boolean {
  return ["", "#", "#/"].includes(location.hash);
}

/** Whether today, in the conference's own zone, is one of its days. */
export function runsToday(conf: ConferenceSummary, ms: number = Date.now()): boolean {
  return conf.days.includes(conferenceDay(ms, zoneOffset(conf.time_zone, ms) ?? 0));
}

/**
 * Opened with no view asked for: Now / Next while the conference runs (the router's default),
 * else its programme, as Now / Next would be empty.
 */
export function chooseStartView(conf: ConferenceSummary): void {
  if (bareHash() && !runsToday(conf)) redirect("programme");
}

let primed: { key: string; sessions: SessionView[] } | null = null;
/** Set once the app has rendered: from then on the app loads for itself. */
let rendered = false;

/** The sessions fetched for the programme's first frame, once, if they are for `key`. */
export function takePrimedSessions(key: string): SessionView[] | undefined {
  if (!primed || primed.key !== key) return undefined;
  const sessions = primed.sessions;
  primed = null;
  return sessions;
}

/**
 * Called right after the first render. What the first render did not use is dropped, and a
 * {@link prepareFirstView} still waiting (it took longer than main.tsx waits) sets nothing when
 * it finishes: the app loads the conferences and the programme itself then, and a late answer
 * must neither replace newer data nor be shown later as if it were fresh.
 */
export function firstRenderDone(): void {
  rendered = true;
  primed = null;
}

/**
 * Loads what the first view shows. Resolves when it is ready; never rejects: on an error the
 * app's own loading shows it as usual.
 */
export async function prepareFirstView(): Promise<void> {
  try {
    const list = await ipc.conferences();
    if (rendered) return;
    const conf = list.find((c) => c.current) ?? list[0] ?? null;
    if (conf) chooseStartView(conf);
    if (conf && route.value.view === "programme") {
      const { key, filter } = programmeQuery(conf.slug, defaultDay(conf.days, conf.time_zone));
      const sessions = await ipc.sessions(filter);
      if (rendered) return;
      primed = { key, sessions };
    }
    conferenceList.value = list;
  } catch {
    primed = null;
  }
}

/** For tests: as at a fresh page load. */
export function resetStartup(): void {
  rendered = false;
  primed = null;
}
