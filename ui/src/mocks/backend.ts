// An in-memory stand-in for plenary-core behind the IPC contract, for tests and the browser
// preview. It follows core's behaviour where the UI depends on it (filters, agenda overlaps and
// gaps, bookmarks kept per conference, reminder defaults, a simpler planner and booth route on
// a small venue map, share links that merge back), and nothing more.
import type { MockHandlers } from "../ipc/mock";
import type {
  Agenda,
  AgendaDay,
  AgendaItem,
  Bookmark,
  BookmarkKind,
  ConferenceSummary,
  ExhibitorView,
  ImportReport,
  PersonView,
  ReminderDefaults,
  SearchHit,
  SessionView,
  Share,
  ShareScope,
  VenueMap,
} from "../ipc/bindings";
import { WAIC, conferencesFixture, exhibitorsFixture, sessionsFixture, speakersFixture } from "./fixtures";
import { generateSessions } from "./generate";
import { planDay, tooFarPairs, type Mark } from "./plan";
import { boothRoute } from "./route";
import { SHARE_FORMAT, mergeShare, qrMatrix, readShareLink, shareFileFixture, shareLink, type MergeTarget } from "./share";
import { venueMapFixture } from "./venues";
import { instant } from "../lib/time";

export interface MockOptions {
  /** Replace the current conference's programme with this many generated sessions. */
  bigProgramme?: number;
  /** Milliseconds an import takes, so progress can be seen. */
  importMs?: number;
  /** Emits an event the way the Rust side would (needed for import progress). */
  emit?: (event: string, payload: unknown) => Promise<void> | void;
}

export interface MockState {
  conferences: ConferenceSummary[];
  sessions: SessionView[];
  speakers: PersonView[];
  exhibitors: ExhibitorView[];
  bookmarks: Bookmark[];
  reminderDefaults: ReminderDefaults;
  /** Venue maps by conference slug; a conference without one has walks unknown. */
  venueMaps: Record<string, VenueMap>;
}

export function createMockState(options: MockOptions = {}): MockState {
  const conferences = conferencesFixture();
  let sessions = sessionsFixture();
  if (options.bigProgramme) {
    sessions = [...generateSessions(options.bigProgramme), ...sessions.filter((s) => s.conference !== "waic-2025")];
  }
  const bookmarks: Bookmark[] = [
    mark("waic-2025", "session", "waic-hinton", "Will Digital Intelligence Replace Biological Intelligence?", "must"),
    mark("waic-2025", "session", "waic-yan", "Everyone's AI: MiniMax keynote", "want"),
    { ...mark("waic-2025", "session", "waic-nova", "NovaInspire • Open Forum on AI for Science", "want"), note: "Bring questions on AI for maths 数学之问" },
    mark("waic-2025", "session", "waic-robots", "Embodied intelligence", "maybe"),
    mark("waic-2025", "exhibitor", "e-unitree", "Unitree Robotics", "want"),
    { ...mark("waic-2025", "session", "waic-old-key", "Youth forum (moved out of the programme)", "maybe"), orphaned: true },
  ];
  return {
    conferences, sessions, speakers: speakersFixture(), exhibitors: exhibitorsFixture(), bookmarks,
    // Core's defaults when nothing is set.
    reminderDefaults: { must: 15, want: 10, maybe: null },
    venueMaps: { [WAIC]: venueMapFixture() },
  };
}

function mark(conference: string, kind: BookmarkKind, key: string, title: string, priority: Bookmark["priority"]): Bookmark {
  const now = "2026-11-22T08:00:00Z";
  return { conference, kind, key, priority, note: "", visited: false, title, orphaned: false, reminder: { kind: "default" }, plan: null, created_at: now, updated_at: now };
}

function fail(kind: string, message: string): never {
  throw { kind, message };
}

export function createMockBackend(state: MockState = createMockState(), options: MockOptions = {}): MockHandlers {
  const currentSlug = () => (state.conferences.find((c) => c.current) ?? state.conferences[0])?.slug ?? fail("not-found", "no conference imported yet");
  const slugOf = (c: string | null | undefined) => {
    const slug = c ?? currentSlug();
    if (!state.conferences.some((x) => x.slug === slug)) fail("not-found", `conference not found: ${slug}`);
    return slug;
  };
  const findMark = (conference: string, kind: BookmarkKind, key: string) =>
    state.bookmarks.find((b) => b.conference === conference && b.kind === kind && b.key === key);
  const withMark = (s: SessionView): SessionView => ({ ...s, bookmark: findMark(s.conference, "session", s.key)?.priority ?? null });
  const exhibitorView = (e: ExhibitorView): ExhibitorView => {
    const m = findMark(e.conference, "exhibitor", e.key);
    return { ...e, bookmark: m?.priority ?? null, visited: m?.visited ?? false };
  };
  const listSessions = (conference: string) => state.sessions.filter((s) => s.conference === conference).map(withMark);

  const agenda = (slug: string): Agenda => {
    const marks = state.bookmarks.filter((b) => b.conference === slug && b.kind === "session" && !b.orphaned);
    const items: AgendaItem[] = listSessions(slug)
      .filter((s) => marks.some((m) => m.key === s.key))
      .sort((a, b) => instant(a.start) - instant(b.start) || a.key.localeCompare(b.key))
      .map((session) => {
        const m = marks.find((x) => x.key === session.key);
        return { session, priority: m?.priority ?? "want", note: m?.note ?? "", plan: m?.plan ?? null, overlaps: [], too_far: [] };
      });
    let pairs = 0;
    items.forEach((a, i) => {
      for (const b of items.slice(i + 1)) {
        if (instant(b.session.start) >= instant(a.session.end)) break;
        a.overlaps.push(b.session.key);
        b.overlaps.push(a.session.key);
        pairs++;
      }
    });
    const tooFar = tooFarPairs(state.venueMaps[slug], items.map((i) => i.session));
    for (const pair of tooFar) {
      items.find((i) => i.session.key === pair.from)?.too_far.push(pair.to);
      items.find((i) => i.session.key === pair.to)?.too_far.push(pair.from);
    }
    const days: AgendaDay[] = [];
    for (const item of items) {
      const last = days[days.length - 1];
      if (last && last.date === item.session.day) last.items.push(item);
      else days.push({ date: item.session.day, items: [item], gaps: [] });
    }
    for (const day of days) {
      let busy: SessionView | null = null;
      for (const item of day.items) {
        if (busy && instant(busy.end) < instant(item.session.start)) {
          day.gaps.push({
            start: busy.end,
            end: item.session.start,
            minutes: (instant(item.session.start) - instant(busy.end)) / 60_000,
          });
        }
        if (!busy || instant(item.session.end) > instant(busy.end)) busy = item.session;
      }
    }
    return {
      conference: slug,
      days,
      overlap_count: pairs,
      too_far: tooFar,
      walks_known: !!state.venueMaps[slug],
      exhibitors: state.exhibitors.filter((e) => e.conference === slug).map(exhibitorView).filter((e) => e.bookmark),
      orphans: state.bookmarks.filter((b) => b.conference === slug && b.orphaned),
    };
  };

  const sessionMarks = (slug: string) => new Map<string, Mark>(state.bookmarks
    .filter((b) => b.conference === slug && b.kind === "session" && !b.orphaned)
    .map((b) => [b.key, { priority: b.priority, plan: b.plan }]));
  const plan = (conference: string | null, date: string) => {
    const slug = slugOf(conference);
    const day = listSessions(slug).filter((s) => s.day === date);
    if (!day.length) fail("bad-request", `${slug} has no sessions on ${date}; \`plenary sessions\` lists its days`);
    return planDay(state.venueMaps[slug], slug, date, day, sessionMarks(slug));
  };
  const setPlan = (slug: string, key: string, mark: Bookmark["plan"]) => {
    const b = findMark(slug, "session", key) ?? fail("not-found", `bookmarked session not found: ${key}`);
    b.plan = mark;
  };

  const shareOf = (conference: string | null, scope: ShareScope): Share => {
    const slug = slugOf(conference);
    const kind: BookmarkKind = scope.kind === "booths" ? "exhibitor" : "session";
    const items = scope.kind === "day"
      ? plan(slug, scope.date).chosen.map((i) => ({ kind, key: i.session.key, priority: i.priority, title: i.session.title }))
      : state.bookmarks.filter((b) => b.conference === slug && b.kind === kind && !b.orphaned)
        .map((b) => ({ kind, key: b.key, priority: b.priority, title: b.title }));
    return { format: SHARE_FORMAT, conference: slug, items };
  };
  const nameOf = (c: string, kind: BookmarkKind, key: string) =>
    kind === "session" ? state.sessions.find((s) => s.conference === c && s.key === key)?.title
      : kind === "exhibitor" ? state.exhibitors.find((e) => e.conference === c && e.key === key)?.name
        : state.speakers.find((p) => p.conference === c && p.key === key)?.name;
  const mergeTarget: MergeTarget = {
    has: (c) => state.conferences.some((x) => x.slug === c),
    known: (c, kind, key) => nameOf(c, kind, key) !== undefined,
    bookmarked: (c, kind, key) => !!findMark(c, kind, key),
    add: (c, item) => void state.bookmarks.push(mark(c, item.kind, item.key, nameOf(c, item.kind, item.key) ?? item.key, item.priority)),
  };

  return {
    conferences: () =>
      state.conferences.map((c) => ({
        ...c,
        sessions: state.sessions.filter((s) => s.conference === c.slug).length,
        exhibitors: state.exhibitors.filter((e) => e.conference === c.slug).length,
      })),
    set_current_conference: ({ slug }) => {
      slugOf(slug);
      state.conferences = state.conferences.map((c) => ({ ...c, current: c.slug === slug }));
      return null;
    },
    sessions: ({ filter }) => {
      const slug = slugOf(filter.conference);
      return listSessions(slug).filter(
        (s) =>
          (!filter.day || s.day === filter.day) &&
          (!filter.track || s.track === filter.track) &&
          (!filter.kind || s.kind === filter.kind) &&
          (!filter.room || s.room === filter.room) &&
          (!filter.venue || s.venue === filter.venue || s.hall === filter.venue) &&
          (!filter.language || s.language === filter.language) &&
          (!filter.keys || filter.keys.includes(s.key)),
      ).map((s) => (filter.with_text === false
        ? { ...s, abstract_html: null, description_html: null, links: [], attachments: [] }
        : s));
    },
    session: ({ conference, key }) =>
      listSessions(slugOf(conference)).find((s) => s.key === key) ?? fail("not-found", `session not found: ${key}`),
    speakers: ({ conference }) => state.speakers.filter((p) => p.conference === slugOf(conference)),
    exhibitors: ({ filter }) =>
      state.exhibitors
        .filter((e) => e.conference === slugOf(filter.conference))
        .filter((e) => (!filter.hall || e.hall === filter.hall) && (!filter.country || e.country === filter.country) &&
          (!filter.category || e.categories.includes(filter.category)) && (!filter.key || e.key === filter.key))
        .map(exhibitorView)
        .map((e) => (filter.with_text === false
          ? { ...e, description: null, products: e.products.map((p) => ({ ...p, description: null })) }
          : e)),
    search: ({ query }) => mockSearch(state, slugOf(query.conference), query.text, query.limit ?? 50),
    bookmarks: ({ conference }) => state.bookmarks.filter((b) => b.conference === slugOf(conference)),
    set_bookmark: ({ change }) => {
      const kind = change.kind ?? "session";
      let b = findMark(change.conference, kind, change.key);
      if (!b) {
        const title =
          kind === "exhibitor"
            ? state.exhibitors.find((e) => e.key === change.key)?.name
            : state.sessions.find((s) => s.key === change.key)?.title;
        b = mark(change.conference, kind, change.key, title ?? change.key, "want");
        state.bookmarks.push(b);
      }
      if (change.priority) b.priority = change.priority;
      if (change.note !== undefined) b.note = change.note;
      if (change.visited !== undefined) b.visited = change.visited;
      if (change.reminder) b.reminder = change.reminder;
      return { ...b };
    },
    remove_bookmark: ({ conference, kind, key }) => {
      const before = state.bookmarks.length;
      state.bookmarks = state.bookmarks.filter((b) => !(b.conference === conference && b.kind === kind && b.key === key));
      return state.bookmarks.length < before;
    },
    agenda: ({ conference }) => agenda(slugOf(conference)),
    import_file: async ({ path, conference }) => mockImport(state, path, conference, options),
    export_agenda_ics: () => null,
    export_session_ics: () => null,
    backup_user_data: () => state.bookmarks.length,
    restore_user_data: () => ({
      read: 2,
      added: 1,
      updated: 0,
      kept: 1,
      bookmarks: { attached: 2, reattached: 0, orphaned: 0 },
    }),
    // No subscription in the mock store until a test gives one.
    whats_changed: ({ conference }) => ({
      conference: slugOf(conference), subscription: null, seen_at: null, changes: [], changed_keys: [],
    }),
    mark_changes_seen: () => null,
    unsubscribe: () => null,
    reminder_defaults: () => ({ ...state.reminderDefaults }),
    set_reminder_defaults: ({ defaults }) => {
      const week = 7 * 24 * 60;
      if (Object.values(defaults).some((m) => m !== null && m > week)) fail("bad-request", "a reminder is at most a week before");
      state.reminderDefaults = { ...defaults };
      return { ...state.reminderDefaults };
    },
    // Nothing is due in the mock: it has no clock of its own to remind by.
    pending_reminders: () => [],
    plan_day: ({ conference, date }) => plan(conference, date),
    accept_plan: ({ conference, date }) => {
      const p = plan(conference, date);
      for (const i of p.chosen) setPlan(p.conference, i.session.key, "in");
      for (const i of p.left_out) setPlan(p.conference, i.session.key, "out");
      return plan(conference, date);
    },
    set_plan_mark: ({ conference, key, mark }) => {
      setPlan(slugOf(conference), key, mark);
      return null;
    },
    change_plan: ({ conference, date, changes }) => {
      const p = plan(conference, date);
      const ofDay = new Set([...p.chosen, ...p.left_out].map((i) => i.session.key));
      const wrong = changes.find(([key]) => !ofDay.has(key));
      if (wrong) fail("bad-request", `"${wrong[0]}" is not a session bookmarked on ${date}`);
      for (const [key, mark] of changes) setPlan(p.conference, key, mark);
      return plan(conference, date);
    },
    reset_plan: ({ conference, date }) => {
      const p = plan(conference, date);
      for (const i of [...p.chosen, ...p.left_out]) setPlan(p.conference, i.session.key, null);
      return plan(conference, date);
    },
    booth_route: ({ request }) => {
      const slug = slugOf(request.conference);
      const bookmarked = state.exhibitors.filter((e) => e.conference === slug).map(exhibitorView).filter((e) => e.bookmark);
      return boothRoute(state.venueMaps[slug], slug, request, (key) => listSessions(slug).find((s) => s.key === key), bookmarked);
    },
    venue_map: ({ conference }) => state.venueMaps[slugOf(conference)] ?? null,
    import_venue_file: ({ conference, path }) => {
      const slug = slugOf(conference);
      if (!/\.json$/i.test(path)) fail("unknown-format", `${path}: a venue file is JSON (docs/venues.md)`);
      if (/broken|bad/.test(path)) fail("invalid", `${path}:10:23: field \`venues[0].halls[0].booths.A1\`: [5.0, 35.0] is outside the hall`);
      const map = (state.venueMaps[slug] = { ...venueMapFixture(), conference: slug });
      const halls = map.venues.flatMap((v) => v.halls);
      const booths = new Set(halls.flatMap((h) => Object.keys(h.booths)));
      const listed = state.exhibitors.filter((e) => e.conference === slug).flatMap((e) => e.booths);
      const rooms = [...new Set(listSessions(slug).map((s) => s.room).filter((r): r is string => !!r))];
      const placed = (r: string) => map.venues.some((v) => r in v.rooms || v.halls.some((h) => h.name === r));
      return {
        conference: slug, venues: map.venues.length, halls: halls.length, booths: booths.size,
        rooms_placed: rooms.filter(placed).length, rooms: rooms.length, rooms_unplaced: rooms.filter((r) => !placed(r)),
        booths_placed: listed.filter((b) => booths.has(b)).length, booths_listed: listed.length,
      };
    },
    share: ({ conference, scope }) => {
      const share = shareOf(conference, scope);
      const link = shareLink(share);
      return { share, link, qr: qrMatrix(link) };
    },
    write_share: ({ conference, scope }) => shareOf(conference, scope).items.length,
    merge_share_link: ({ link }) => mergeShare(readShareLink(link), mergeTarget),
    merge_share_file: ({ path }) => mergeShare(shareFileFixture(path), mergeTarget),
    export_plan_ics: ({ conference, date }) => {
      plan(conference, date);
      return null;
    },
    export_plan_pdf: ({ conference, date }) => {
      plan(conference, date);
      return null;
    },
    subscribe: ({ url }) => fail("fetch", `${String(url)}: the mock backend fetches nothing`),
    refresh: () => fail("not-found", "this conference has no subscription"),
    "plugin:dialog|open": () => "/home/me/Downloads/fosdem-2026.schedule.xml",
    "plugin:dialog|save": (args) => `/home/me/${(args.options as { defaultPath?: string })?.defaultPath ?? "plenary.ics"}`,
    "plugin:opener|open_url": () => null,
  };
}

function mockSearch(state: MockState, slug: string, text: string, limit: number): SearchHit[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const hits: SearchHit[] = [];
  const add = (entity: SearchHit["entity"], key: string, label: string, other: string | null, detail: string | null, start: string | null) => {
    const lower = Array.from(label.toLowerCase());
    const chars = Array.from(needle);
    const highlights: [number, number][] = [];
    for (let i = 0; i + chars.length <= lower.length; i++) {
      if (chars.every((c, j) => lower[i + j] === c)) highlights.push([i, i + chars.length]);
    }
    if (highlights.length || (other ?? "").toLowerCase().includes(needle)) {
      hits.push({ entity, key, label, other_label: other, detail, start, highlights, rank: -highlights.length });
    }
  };
  for (const s of state.sessions.filter((x) => x.conference === slug)) add("session", s.key, s.title, s.other_title, [s.room, s.track].filter(Boolean).join(" · ") || null, s.start);
  for (const p of state.speakers.filter((x) => x.conference === slug)) add("person", p.key, p.name, p.other_name, p.affiliation, null);
  for (const e of state.exhibitors.filter((x) => x.conference === slug)) {
    add("exhibitor", e.key, e.name, e.other_name, [e.hall, e.booths.join(", ")].filter(Boolean).join(" · ") || null, null);
    for (const p of e.products) add("product", e.key, p.name, p.other_name, e.name, null);
  }
  return hits.slice(0, limit);
}

async function mockImport(state: MockState, path: string, conference: string | null, options: MockOptions): Promise<ImportReport> {
  const steps = 5;
  const pause = (options.importMs ?? 0) / steps;
  for (let done = 1; done <= steps; done++) {
    if (pause) await new Promise((r) => setTimeout(r, pause));
    await options.emit?.("import-progress", { phase: done < 3 ? "parse" : "write", done, total: steps });
    if (/broken|bad/.test(path) && done === 2) {
      fail("syntax", `${path}: line 12, column 5: expected </event>, found </day>`);
    }
  }
  const exhibitorList = /\.csv$/i.test(path) || (conference !== null && /\.json$/i.test(path));
  if (exhibitorList && !conference) fail("bad-request", "an exhibitor list needs a target conference");
  const slug = conference ?? "fosdem-2026";
  if (!state.conferences.some((c) => c.slug === slug)) {
    state.conferences.push({
      ...conferencesFixture()[1]!,
      slug,
      title: "FOSDEM 2026",
      time_zone: "Europe/Brussels",
      start_date: "2026-01-31",
      end_date: "2026-02-01",
      days: ["2026-01-31", "2026-02-01"],
      current: false,
    });
  }
  return {
    conference: slug,
    title: state.conferences.find((c) => c.slug === slug)?.title ?? slug,
    format: exhibitorList ? "exhibitors-csv" : "frab-xml",
    days: exhibitorList ? 0 : 2,
    rooms: exhibitorList ? 0 : 37,
    tracks: exhibitorList ? 0 : 71,
    sessions: exhibitorList ? 0 : 1079,
    persons: exhibitorList ? 0 : 1216,
    exhibitors: exhibitorList ? 412 : 0,
    products: 0,
    warnings: [{ line: 4711, message: "event 12345: duration \"0:00\" read as 0 minutes" }],
    bookmarks: { attached: 2, reattached: 1, orphaned: 0 },
  };
}
