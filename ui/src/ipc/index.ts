// The one door to the backend. Everything else in the UI calls Rust (and the Tauri plugins)
// through the functions here, so tests and the browser preview can swap the door for mockIPC.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import { openUrl } from "@tauri-apps/plugin-opener";
import type {
  Agenda,
  Bookmark,
  BookmarkChange,
  BookmarkKind,
  BoothRoute,
  ConferenceSummary,
  DayPlan,
  ExhibitorFilter,
  ExhibitorView,
  ImportReport,
  Notice,
  PendingReminder,
  PersonView,
  PlanMark,
  RefreshReport,
  Progress,
  ReminderDefaults,
  RestoreReport,
  RouteRequest,
  SearchHit,
  SearchQuery,
  SessionFilter,
  SessionView,
  ShareReport,
  ShareScope,
  ShareView,
  VenueMap,
  VenueMapReport,
  WhatChanged,
} from "./bindings";

/** Every command of `docs/ipc.md`: its arguments (by Rust parameter name) and result. */
export interface Commands {
  conferences: { args: Record<string, never>; result: ConferenceSummary[] };
  set_current_conference: { args: { slug: string }; result: null };
  sessions: { args: { filter: SessionFilter }; result: SessionView[] };
  session: { args: { conference: string | null; key: string }; result: SessionView };
  speakers: { args: { conference: string | null }; result: PersonView[] };
  exhibitors: { args: { filter: ExhibitorFilter }; result: ExhibitorView[] };
  search: { args: { query: SearchQuery }; result: SearchHit[] };
  bookmarks: { args: { conference: string | null }; result: Bookmark[] };
  set_bookmark: { args: { change: BookmarkChange }; result: Bookmark };
  remove_bookmark: {
    args: { conference: string; kind: BookmarkKind; key: string };
    result: boolean;
  };
  agenda: { args: { conference: string | null }; result: Agenda };
  import_file: { args: { path: string; conference: string | null }; result: ImportReport };
  export_agenda_ics: { args: { conference: string | null; path: string }; result: null };
  export_session_ics: {
    args: { conference: string | null; key: string; path: string };
    result: null;
  };
  backup_user_data: { args: { path: string }; result: number };
  restore_user_data: { args: { path: string }; result: RestoreReport };
  subscribe: { args: { conference: string | null; url: string }; result: RefreshReport };
  refresh: { args: { conference: string | null }; result: RefreshReport };
  whats_changed: { args: { conference: string | null }; result: WhatChanged };
  mark_changes_seen: { args: { conference: string | null }; result: null };
  unsubscribe: { args: { conference: string | null }; result: string | null };
  reminder_defaults: { args: Record<string, never>; result: ReminderDefaults };
  set_reminder_defaults: { args: { defaults: ReminderDefaults }; result: ReminderDefaults };
  pending_reminders: { args: Record<string, never>; result: PendingReminder[] };
  plan_day: { args: { conference: string | null; date: string }; result: DayPlan };
  accept_plan: { args: { conference: string | null; date: string }; result: DayPlan };
  set_plan_mark: {
    args: { conference: string | null; key: string; mark: PlanMark | null };
    result: null;
  };
  change_plan: {
    args: { conference: string | null; date: string; changes: [string, PlanMark | null][] };
    result: DayPlan;
  };
  reset_plan: { args: { conference: string | null; date: string }; result: DayPlan };
  booth_route: { args: { request: RouteRequest }; result: BoothRoute };
  venue_map: { args: { conference: string | null }; result: VenueMap | null };
  import_venue_file: {
    args: { conference: string | null; path: string };
    result: VenueMapReport;
  };
  share: { args: { conference: string | null; scope: ShareScope }; result: ShareView };
  write_share: {
    args: { conference: string | null; scope: ShareScope; path: string };
    result: number;
  };
  merge_share_link: { args: { link: string }; result: ShareReport };
  merge_share_file: { args: { path: string }; result: ShareReport };
  export_plan_ics: { args: { conference: string | null; date: string; path: string }; result: null };
  export_plan_pdf: { args: { conference: string | null; date: string; path: string }; result: null };
}
export type Command = keyof Commands;

/**
 * What a failed call rejects with. `kind` is core's error kind (syntax, invalid, refused,
 * too-large, unknown-format, encoding, not-found, bad-request, io, corrupt, database, json), or
 * `ipc` when the failure came from the bridge itself rather than from a command.
 */
export class IpcError extends Error {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.name = "IpcError";
    this.kind = kind;
  }
}

/** Turns whatever a rejected call carried into an {@link IpcError}. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcError) return error;
  if (error && typeof error === "object") {
    const { kind, message } = error as { kind?: unknown; message?: unknown };
    if (typeof message === "string") {
      return new IpcError(typeof kind === "string" ? kind : "ipc", message);
    }
  }
  if (typeof error === "string") return new IpcError("ipc", error);
  return new IpcError("ipc", String(error));
}

// The start-up benchmark (docs/benchmarks.md) reads when the first command went and came back.
let firstCallMarked = false;

async function call<C extends Command>(
  command: C,
  args: Commands[C]["args"],
): Promise<Commands[C]["result"]> {
  try {
    const first = !firstCallMarked;
    if (first) {
      firstCallMarked = true;
      performance.mark("ipc:first-sent");
    }
    const result = await invoke<Commands[C]["result"]>(command, args);
    if (first) performance.mark("ipc:first-answered");
    return result;
  } catch (error) {
    throw toIpcError(error);
  }
}

// `conference: null` means "the current conference" throughout.

export const conferences = () => call("conferences", {});
export const setCurrentConference = (slug: string) => call("set_current_conference", { slug });
export const sessions = (filter: SessionFilter = {}) => call("sessions", { filter });
export const session = (key: string, conference: string | null = null) =>
  call("session", { conference, key });
export const speakers = (conference: string | null = null) => call("speakers", { conference });
export const exhibitors = (filter: ExhibitorFilter = {}) => call("exhibitors", { filter });
export const search = (query: SearchQuery) => call("search", { query });
export const bookmarks = (conference: string | null = null) => call("bookmarks", { conference });
export const setBookmark = (change: BookmarkChange) => call("set_bookmark", { change });
export const removeBookmark = (conference: string, kind: BookmarkKind, key: string) =>
  call("remove_bookmark", { conference, kind, key });
export const agenda = (conference: string | null = null) => call("agenda", { conference });
/** `conference` is the target slug for exhibitor lists, else null. */
export const importFile = (path: string, conference: string | null) =>
  call("import_file", { path, conference });
export const exportAgendaIcs = (path: string, conference: string | null = null) =>
  call("export_agenda_ics", { conference, path });
export const exportSessionIcs = (key: string, path: string, conference: string | null = null) =>
  call("export_session_ics", { conference, key, path });

/** Writes every bookmark, note, priority and visited mark to `path`; resolves to how many. */
export const backupUserData = (path: string) => call("backup_user_data", { path });
/** Merges a backup file into the store's bookmarks; nothing already here is lost. */
export const restoreUserData = (path: string) => call("restore_user_data", { path });

/** Subscribes a conference (null: the one the schedule describes) to a schedule URL. */
export const subscribe = (url: string, conference: string | null = null) => call("subscribe", { conference, url });
/** Fetches the conference's subscription now (a conditional GET; all or nothing). */
export const refresh = (conference: string | null = null) => call("refresh", { conference });
/** The subscription's state and the changes since the user last looked. */
export const whatsChanged = (conference: string | null = null) => call("whats_changed", { conference });
/** Records that the user has seen the changes up to now. */
export const markChangesSeen = (conference: string | null = null) => call("mark_changes_seen", { conference });
/**
 * Stops following the conference's schedule URL; resolves to that URL, or null when it had none.
 * The programme, the bookmarks and the change log stay.
 */
export const unsubscribe = (conference: string | null = null) => call("unsubscribe", { conference });

/** Minutes before a session each priority reminds by default (null: no reminder). */
export const reminderDefaults = () => call("reminder_defaults", {});
/** Replaces the defaults; resolves to what is stored. */
export const setReminderDefaults = (defaults: ReminderDefaults) => call("set_reminder_defaults", { defaults });
/** Reminders still to show, of every conference, soonest due first. */
export const pendingReminders = () => call("pending_reminders", {});

/** "Plan my day" for `date` (YYYY-MM-DD): chosen and left-out sessions with reasons. */
export const planDay = (date: string, conference: string | null = null) =>
  call("plan_day", { conference, date });
/** Keeps the day's plan as it stands, whatever priorities do later. */
export const acceptPlan = (date: string, conference: string | null = null) =>
  call("accept_plan", { conference, date });
/** Puts a bookmarked session in the plan ("in"), takes it out ("out"), or (null) undecides it. */
export const setPlanMark = (key: string, mark: PlanMark | null, conference: string | null = null) =>
  call("set_plan_mark", { conference, key, mark });
/** Several decisions for a day's plan at once: all of them, or none if a key is wrong. */
export const changePlan = (
  date: string,
  changes: [string, PlanMark | null][],
  conference: string | null = null,
) => call("change_plan", { conference, date, changes });
/** Forgets the day's decisions: the planner chooses by priority again. */
export const resetPlan = (date: string, conference: string | null = null) =>
  call("reset_plan", { conference, date });
/** An order to visit the bookmarked exhibitors' booths. */
export const boothRoute = (request: RouteRequest) => call("booth_route", { request });
/** The conference's venue map (floor plans), or null if it has none. */
export const venueMap = (conference: string | null = null) => call("venue_map", { conference });
/** Reads a venue file (docs/venues.md) for the conference. */
export const importVenueFile = (path: string, conference: string | null = null) =>
  call("import_venue_file", { conference, path });

/** What `scope` shares: the bookmarks, a compact plenary:// link and its QR code. */
export const share = (scope: ShareScope, conference: string | null = null) =>
  call("share", { conference, scope });
/** Writes a share file (JSON) to `path`; resolves to the number of bookmarks written. */
export const writeShare = (scope: ShareScope, path: string, conference: string | null = null) =>
  call("write_share", { conference, scope, path });
/** Merges a shared link into the bookmarks: adds what is new, never changes what is there. */
export const mergeShareLink = (link: string) => call("merge_share_link", { link });
/** Merges a share file (or a file holding a link) into the bookmarks. */
export const mergeShareFile = (path: string) => call("merge_share_file", { path });
/** Writes the sessions of a day's plan to `path` as iCalendar. */
export const exportPlanIcs = (date: string, path: string, conference: string | null = null) =>
  call("export_plan_ics", { conference, date, path });
/** Writes a day's plan to `path` as a one-page PDF. */
export const exportPlanPdf = (date: string, path: string, conference: string | null = null) =>
  call("export_plan_pdf", { conference, date, path });

export type Unlisten = () => void;

/** Calls `cb` with each `import-progress` event until the returned function is called. */
export async function onImportProgress(cb: (progress: Progress) => void): Promise<Unlisten> {
  try {
    return await listen<Progress>("import-progress", (event) => cb(event.payload));
  } catch (error) {
    throw toIpcError(error);
  }
}

/**
 * Calls `cb` with each `notice` event (the shell showed a desktop notification: a reminder, or a
 * change a refresh made to a bookmarked session) until the returned function is called.
 */
export async function onNotice(cb: (notice: Notice) => void): Promise<Unlisten> {
  let unlisten;
  try {
    unlisten = await listen<Notice>("notice", (event) => cb(event.payload));
  } catch (error) {
    throw toIpcError(error);
  }
  // The listener lives as long as the window; by the time it is dropped the bridge may be gone
  // too (the window closing, a test's mock removed), and there is nothing left to unlisten.
  return () => void Promise.resolve(unlisten()).catch(() => {});
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Marks a native dialog asked for (`dialog:asked`, its title in the detail): the e2e harness
 * tells a click that never reached the page from a dialog that is slow to show.
 */
function markDialogAsked(title: string): void {
  performance.mark("dialog:asked", { detail: title });
}

/** Asks for one file to open; null when the user cancels. */
export async function openDialog(options: {
  title: string;
  filters: FileFilter[];
}): Promise<string | null> {
  markDialogAsked(options.title);
  try {
    const picked = await open({ ...options, multiple: false, directory: false });
    return Array.isArray(picked) ? (picked[0] ?? null) : picked;
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Asks where to save a file; null when the user cancels. */
export async function saveDialog(options: {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
}): Promise<string | null> {
  markDialogAsked(options.title);
  try {
    return await save(options);
  } catch (error) {
    throw toIpcError(error);
  }
}

const EXTERNAL_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** Whether `url` may leave the app: only absolute http, https and mailto URLs may. */
export function isExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

/**
 * Opens `url` in the user's browser or mail client. Anything but http:, https: and mailto: is
 * refused here (the capability scope refuses it again on the Rust side).
 */
export async function openExternal(url: string): Promise<void> {
  if (!isExternalUrl(url)) {
    throw new IpcError("refused", `Only http, https and mailto links can be opened: ${url}`);
  }
  try {
    await openUrl(url.trim());
  } catch (error) {
    throw toIpcError(error);
  }
}

export type FileDrop =
  | { type: "enter"; paths: string[] }
  | { type: "over" }
  | { type: "drop"; paths: string[] }
  | { type: "leave" };

/**
 * Calls `cb` as files are dragged over and dropped on the window. Outside the app (a plain
 * browser without the mock) there is no webview to listen to, and this does nothing.
 */
export async function onFileDrop(cb: (drop: FileDrop) => void): Promise<Unlisten> {
  let webview;
  try {
    webview = getCurrentWebview();
  } catch {
    return () => {};
  }
  const unlisten = await webview.onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "enter" || p.type === "drop") cb({ type: p.type, paths: p.paths });
    else cb({ type: p.type });
  });
  return () => void unlisten();
}
