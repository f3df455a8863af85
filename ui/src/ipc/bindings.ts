// Generated from plenary-core's Rust types by `src-tauri/core/src/bindings.rs`.
// Do not edit: run `PLENARY_UPDATE_BINDINGS=1 cargo test -p plenary-core bindings`.

export type Format = "frab-xml" | "frab-json" | "ics" | "exhibitors-csv" | "exhibitors-json" | "plenary";

export type Link = { url: string, title: string, };

export type Warning = { line?: number | null, message: string, };

export type ConferenceSummary = { slug: string, title: string, other_title: string | null, time_zone: string, start_date: string | null, end_date: string | null, days: Array<string>, sessions: number, exhibitors: number, source_format: string | null, imported_at: string, 
/**
 * Whether this is the conference commands use when none is named.
 */
current: boolean, };

export type SessionFilter = { conference?: string, day?: string, track?: string, kind?: string, room?: string, 
/**
 * A venue or hall name.
 */
venue?: string, language?: string, 
/**
 * Only these session keys.
 */
keys?: Array<string>, 
/**
 * Include the abstract, description, links and attachments (default: yes). Lists that
 * show none of them say no, which spares sanitising every abstract of the programme.
 */
with_text?: boolean, };

export type SessionView = { conference: string, key: string, 
/**
 * The source's own id.
 */
id: string | null, guid: string | null, slug: string | null, title: string, other_title: string | null, subtitle: string | null, kind: string | null, language: string | null, start: string, end: string, day: string, duration_minutes: number, room: string | null, hall: string | null, venue: string | null, track: string | null, speakers: Array<string>, url: string | null, 
/**
 * Sanitised HTML, safe to render.
 */
abstract_html: string | null, description_html: string | null, links: Array<Link>, attachments: Array<Link>, sources: Array<string>, illustrative: Array<string>, 
/**
 * The user's bookmark priority, if bookmarked.
 */
bookmark: Priority | null, };

export type PersonView = { conference: string, key: string, name: string, other_name: string | null, affiliation: string | null, 
/**
 * Sanitised HTML.
 */
bio: string | null, 
/**
 * Keys of their sessions, in time order.
 */
sessions: Array<string>, sources: Array<string>, illustrative: Array<string>, };

export type ExhibitorFilter = { conference?: string, hall?: string, category?: string, country?: string, 
/**
 * Only the exhibitor with this key (its detail page uses this).
 */
key?: string, 
/**
 * Include the descriptions of the exhibitor and its products (default: yes). The list
 * says no: at 100× it would otherwise sanitise 80,000 descriptions to show names.
 */
with_text?: boolean, };

export type ExhibitorView = { conference: string, key: string, name: string, other_name: string | null, hall: string | null, booths: Array<string>, country: string | null, categories: Array<string>, website: string | null, 
/**
 * Sanitised HTML.
 */
description: string | null, products: Array<ProductView>, sources: Array<string>, illustrative: Array<string>, bookmark: Priority | null, visited: boolean, };

export type ProductView = { name: string, other_name: string | null, category: string | null, description: string | null, sources: Array<string>, illustrative: Array<string>, };

export type BookmarkKind = "session" | "person" | "exhibitor";

export type Priority = "must" | "want" | "maybe";

export type Reminder = { "kind": "default" } | { "kind": "off" } | { "kind": "before", minutes: number, };

export type ReminderDefaults = { must: number | null, want: number | null, maybe: number | null, };

export type PendingReminder = { conference: string, 
/**
 * The session's key.
 */
key: string, title: string, room: string | null, priority: Priority, 
/**
 * The session's start, in UTC.
 */
starts_at: string, 
/**
 * The session's IANA zone (or offset), for showing the start as the programme does.
 */
time_zone: string, 
/**
 * How many minutes before the start.
 */
minutes: number, 
/**
 * When the reminder is due: `starts_at` less `minutes`.
 */
remind_at: string, 
/**
 * True when a reminder was already shown for an earlier start: the session moved.
 */
moved: boolean, };

export type NoticeKind = "reminder" | "change";

export type Notice = { kind: NoticeKind, conference: string, 
/**
 * The session the notice is about, to open it from the app.
 */
key: string, title: string, body: string, };

export type Bookmark = { conference: string, kind: BookmarkKind, key: string, priority: Priority, note: string, visited: boolean, 
/**
 * The target's title (or name) when last seen.
 */
title: string, 
/**
 * True when the target vanished from the programme; the bookmark is kept for the user.
 */
orphaned: boolean, 
/**
 * When to be reminded before a session starts; ignored for people and exhibitors.
 */
reminder: Reminder, 
/**
 * Sessions: what the user decided when planning the day, if anything.
 */
plan: PlanMark | null, created_at: string, updated_at: string, };

export type BookmarkChange = { conference: string, kind?: BookmarkKind, key: string, priority?: Priority, note?: string, visited?: boolean, reminder?: Reminder, };

export type BookmarkTally = { 
/**
 * Found again by their key.
 */
attached: number, 
/**
 * Found again by title, speakers and start after the source changed ids.
 */
reattached: number, 
/**
 * Matching nothing: kept, and shown to the user as orphaned.
 */
orphaned: number, };

export type ImportReport = { conference: string, title: string, format: Format, days: number, rooms: number, tracks: number, sessions: number, persons: number, exhibitors: number, products: number, warnings: Array<Warning>, bookmarks: BookmarkTally, };

export type BackupBookmark = { conference: string, kind: BookmarkKind, key: string, priority: Priority, note: string, visited: boolean, 
/**
 * The target's title when last seen; with `people` and `start`, how a bookmark finds its
 * session again after the source changed its ids.
 */
title: string, 
/**
 * Lower-cased speaker names, separated by U+001F, as matching uses them.
 */
people: string, 
/**
 * Unix seconds.
 */
start: number | null, orphaned: boolean, 
/**
 * When to be reminded before the session; absent in backups made before reminders.
 */
reminder: Reminder, 
/**
 * The user's decision when planning the day; absent in backups made before plans.
 */
plan?: PlanMark | null, created_at: string, updated_at: string, };

export type RestoreReport = { 
/**
 * Bookmarks in the file.
 */
read: number, 
/**
 * New to this store.
 */
added: number, 
/**
 * Already here, and the backup's copy was newer, so its note, priority and visited mark won.
 */
updated: number, 
/**
 * Already here and at least as new as the backup's copy: left alone.
 */
kept: number, 
/**
 * How the restored conferences' bookmarks now stand against their programmes.
 */
bookmarks: BookmarkTally, };

export type Recovery = { 
/**
 * Where the damaged file now is (its `-wal`, `-shm` and `-journal`, if any, sit beside it).
 */
set_aside: string, 
/**
 * What SQLite said was wrong.
 */
reason: string, 
/**
 * Bookmarks read back from the damaged file and kept in the fresh store.
 */
recovered_bookmarks: number, 
/**
 * True when part of the bookmark table could not be read, so some may be lost.
 */
incomplete: boolean, 
/**
 * One paragraph for the user: what happened and what to do next.
 */
message: string, };

export type Progress = { phase: string, done: number, total: number, };

export type Entity = "session" | "person" | "exhibitor" | "product";

export type SearchQuery = { text: string, conference?: string, entities: Array<Entity>, day?: string, track?: string, 
/**
 * Session kind (keynote, talk, …).
 */
kind?: string, hall?: string, category?: string, 
/**
 * At most this many results; 50 when absent.
 */
limit?: number, };

export type SearchHit = { entity: Entity, 
/**
 * The session, person or exhibitor key; for a product, its exhibitor's key.
 */
key: string, label: string, other_label: string | null, 
/**
 * A second line: time and room, affiliation, hall and booth, or the product's exhibitor.
 */
detail: string | null, 
/**
 * Session start as RFC 3339 in the conference's offset.
 */
start: string | null, 
/**
 * Character ranges in `label` that matched, for highlighting.
 */
highlights: Array<[number, number]>, 
/**
 * BM25 rank: lower is better.
 */
rank: number, };

export type Agenda = { conference: string, days: Array<AgendaDay>, 
/**
 * Number of overlapping pairs.
 */
overlap_count: number, 
/**
 * Pairs of sessions with too little time between them for the walk, every day's.
 */
too_far: Array<TooFar>, 
/**
 * False when the conference has no venue map, so walks are not known.
 */
walks_known: boolean, 
/**
 * Bookmarked exhibitors, to visit.
 */
exhibitors: Array<ExhibitorView>, 
/**
 * Bookmarks whose session, speaker or exhibitor vanished from the programme; kept for
 * the user.
 */
orphans: Array<Bookmark>, };

export type AgendaDay = { date: string, items: Array<AgendaItem>, gaps: Array<Gap>, };

export type AgendaItem = { session: SessionView, priority: Priority, note: string, 
/**
 * What the user decided for it when planning the day, if anything.
 */
plan: PlanMark | null, 
/**
 * Keys of other agenda sessions this one overlaps.
 */
overlaps: Array<string>, 
/**
 * Keys of agenda sessions that do not overlap this one but are too far to walk to or
 * from in the time between ("can't make it").
 */
too_far: Array<string>, };

export type Gap = { start: string, end: string, minutes: number, };

export type ChangeField = "new" | "cancelled" | "start" | "duration" | "room" | "title" | "speakers" | "track" | "language" | "key";

export type Change = { 
/**
 * The session's key: the new version's, or the old one's for a session that is gone.
 */
session_key: string, 
/**
 * What changed.
 */
field: ChangeField, 
/**
 * The value before, as text (`None` when there was none).
 */
old: string | null, 
/**
 * The value after, as text (`None` when there is none).
 */
new: string | null, };

export type StoredChange = { 
/**
 * When the refresh that found it ran: the moment its new copy was fetched.
 */
refreshed_at: string, 
/**
 * The session's key in that refresh's new version (the old one for a session that is gone).
 */
session_key: string, 
/**
 * The key the session has now: `session_key`, unless a later refresh re-ided it. Bookmarks
 * and the programme use this one.
 */
current_key: string, 
/**
 * The session's title now, or as last recorded for a session that is gone.
 */
title: string, 
/**
 * What changed.
 */
field: ChangeField, 
/**
 * The value before, as text.
 */
old: string | null, 
/**
 * The value after, as text.
 */
new: string | null, 
/**
 * Whether a bookmark (orphaned or not) points at `current_key` now.
 */
bookmarked: boolean, };

export type RefreshStatus = "unchanged" | "updated";

export type RefreshReport = { 
/**
 * The conference's slug.
 */
conference: string, 
/**
 * The subscription's URL.
 */
url: string, status: RefreshStatus, 
/**
 * When the copy now in the store was fetched (for `unchanged`, the earlier one).
 */
fetched_at: string, 
/**
 * When this attempt ran.
 */
checked_at: string, 
/**
 * What this refresh changed, ordered as [`Store::changes`] orders them. Empty when
 * unchanged, and when subscribing creates the conference.
 */
changes: Array<StoredChange>, 
/**
 * What happened to the bookmarks (the import's tally); `None` when unchanged.
 */
bookmarks: BookmarkTally | null, 
/**
 * The import of the new copy: counts, format, warnings; `None` when unchanged.
 */
import: ImportReport | null, };

export type SubscriptionView = { conference: string, url: string, 
/**
 * The format every body is read as; `None` means detected from each body.
 */
format: Format | null, 
/**
 * When the copy in the store (the last good one) was fetched.
 */
fetched_at: string, 
/**
 * When a refresh was last attempted.
 */
checked_at: string, 
/**
 * Why the last attempt failed; `None` when it succeeded or the copy was unchanged.
 */
last_error: string | null, };

export type WhatChanged = { conference: string, 
/**
 * `None` when the conference has no source URL.
 */
subscription: SubscriptionView | null, 
/**
 * When the user last marked the changes seen; `None` if never.
 */
seen_at: string | null, 
/**
 * Changes after `seen_at`: bookmarked sessions that moved or were cancelled first.
 */
changes: Array<StoredChange>, 
/**
 * The current keys of the sessions in `changes`, sorted and without repeats.
 */
changed_keys: Array<string>, };

export type RefreshOutcome = { conference: string, url: string, 
/**
 * The report, when the refresh succeeded.
 */
report: RefreshReport | null, 
/**
 * The error message (naming the URL), when it failed.
 */
error: string | null, 
/**
 * The error's kind (as `CommandError` gives it), when it failed.
 */
error_kind: string | null, };

export type PlanMark = "in" | "out";

export type TooFar = { 
/**
 * The earlier session's key.
 */
from: string, 
/**
 * The later session's key.
 */
to: string, walk_minutes: number, gap_minutes: number, 
/**
 * True when the walk rests on an illustrative layout or walk between venues.
 */
illustrative: boolean, };

export type Reason = { "kind": "no_clash" } | { "kind": "chosen_over", keys: Array<string>, } | { "kind": "overlaps", key: string, priority: Priority, } | { "kind": "taken_out" } | { "kind": "too_far", key: string, priority: Priority, walk_minutes: number, gap_minutes: number, };

export type PlanItem = { session: SessionView, priority: Priority, 
/**
 * What the user decided for it, if anything.
 */
mark: PlanMark | null, reason: Reason, 
/**
 * The reason in a sentence (English), for the CLI.
 */
explanation: string, 
/**
 * Chosen sessions only: the walk from the previous chosen session's room, in minutes.
 */
walk_minutes: number | null, 
/**
 * Chosen sessions only: left-out sessions that clash with this one, best first; the ones
 * to go to instead if this one falls through.
 */
backups: Array<string>, };

export type Because = { "kind": "track", track: string, like: string, } | { "kind": "speaker", name: string, like: string, } | { "kind": "word", word: string, like: string, };

export type Suggestion = { session: SessionView, because: Array<Because>, 
/**
 * The reasons in a sentence (English), for the CLI.
 */
explanation: string, };

export type DayPlan = { conference: string, date: string, 
/**
 * In start order.
 */
chosen: Array<PlanItem>, 
/**
 * In start order.
 */
left_out: Array<PlanItem>, too_far: Array<TooFar>, 
/**
 * Sessions that fit between the chosen ones, the best few for each free stretch.
 */
suggestions: Array<Suggestion>, 
/**
 * False when the conference has no venue map: walks count as zero.
 */
walks_known: boolean, 
/**
 * True when the user accepted or changed this day's plan (some session is marked in or
 * out).
 */
decided: boolean, musts: number, wants: number, maybes: number, };

export type RouteRequest = { conference: string | null, 
/**
 * Start where this session ends (its room) and, with `before`, fit the time between.
 */
after: string | null, 
/**
 * Finish where this session is held, in time for its start.
 */
before: string | null, 
/**
 * Where to start: a room or a booth code. Default: `after`'s room, else the entrance of
 * the venue with the most stops.
 */
from: string | null, 
/**
 * Minutes there are; the route drops stops (maybe first, then want, then must) to fit.
 */
minutes: number | null, 
/**
 * Minutes at each booth. Default [`DEFAULT_VISIT_MINUTES`].
 */
visit_minutes: number | null, 
/**
 * Also visit booths already ticked off.
 */
include_visited: boolean, };

export type RouteStop = { 
/**
 * 1 for the first booth.
 */
number: number, exhibitor: string, name: string, other_name: string | null, hall: string | null, booth: string, 
/**
 * The booth on its hall's plan, in metres.
 */
at: [number, number], priority: Priority, visited: boolean, 
/**
 * From the previous stop (or the start), to the nearest minute.
 */
walk_minutes: number, 
/**
 * Minutes after setting off that the booth is reached, to the nearest minute.
 */
arrive_after_minutes: number, };

export type Skipped = "visited" | "not_on_map" | "no_time";

export type LeftOff = { exhibitor: string, name: string, priority: Priority, why: Skipped, };

export type BoothRoute = { conference: string, 
/**
 * Where it starts: a room, a booth, or "<venue> entrance".
 */
start: string, 
/**
 * Where it must finish (the next session's room), if anywhere.
 */
end: string | null, stops: Array<RouteStop>, left_off: Array<LeftOff>, 
/**
 * From the last stop to `end`, to the nearest minute.
 */
end_walk_minutes: number | null, 
/**
 * Walking, including to the end: the seconds added up, then rounded up.
 */
walk_minutes: number, visit_minutes: number, total_minutes: number, 
/**
 * The time there was, if limited.
 */
window_minutes: number | null, 
/**
 * False when even with every booth left off the route does not fit the time (the walk
 * to `end` alone is longer).
 */
fits: boolean, 
/**
 * True when every order was tried (a few stops); a heuristic's order otherwise.
 */
exact: boolean, 
/**
 * True when the walk rests on an illustrative layout.
 */
illustrative: boolean, };

export type VenueMapReport = { conference: string, venues: number, halls: number, booths: number, 
/**
 * The programme's rooms the map places (directly, as a hall, or at their venue's entrance).
 */
rooms_placed: number, rooms: number, 
/**
 * Rooms the map cannot place: walks to and from them are unknown.
 */
rooms_unplaced: Array<string>, 
/**
 * Exhibitor booths the map has, of all the exhibitors' booths.
 */
booths_placed: number, booths_listed: number, };

export type VenueMap = { 
/**
 * Always [`VENUE_FORMAT`].
 */
format: string, 
/**
 * The conference it belongs to; the caller's choice (or the current one) if absent.
 */
conference?: string | null, 
/**
 * Metres a second.
 */
walking_speed: number, sources: Array<string>, venues: Array<VenuePlan>, walks: Array<Walk>, };

export type VenuePlan = { 
/**
 * As the programme names it.
 */
name: string, width: number, depth: number, 
/**
 * Where people come in and leave for other venues.
 */
entrance: [number, number], 
/**
 * Rooms by the programme's name, where they are on this plan.
 */
rooms: { [key in string]: [number, number] }, halls: Array<HallPlan>, 
/**
 * True when the layout is not from a source: shown as illustrative.
 */
illustrative: boolean, sources: Array<string>, };

export type HallPlan = { 
/**
 * As exhibitors' `hall` names it.
 */
name: string, other_name?: string | null, 
/**
 * The hall's top-left corner on the venue's plan.
 */
at: [number, number], width: number, depth: number, 
/**
 * The hall's door, on the hall's own plan.
 */
entrance: [number, number], 
/**
 * Booth codes (as exhibitors' `booths` give them), each booth's centre on the hall's plan.
 */
booths: { [key in string]: [number, number] }, illustrative: boolean, sources: Array<string>, };

export type Walk = { from: string, to: string, minutes: number, 
/**
 * How the walk goes, when it is not simply on foot ("by metro or taxi").
 */
note?: string | null, illustrative: boolean, sources: Array<string>, };

export type ShareScope = { "kind": "agenda" } | { "kind": "day", "date": string } | { "kind": "booths" };

export type SharedItem = { kind: BookmarkKind, key: string, priority: Priority, 
/**
 * For people reading the file; links leave it out and the programme supplies it.
 */
title: string, };

export type Share = { format: string, conference: string, items: Array<SharedItem>, };

export type ShareReport = { conference: string, 
/**
 * New bookmarks.
 */
added: number, 
/**
 * Already bookmarked here: left exactly as they were.
 */
kept: number, 
/**
 * Not in this store's programme (another version of it, say): not added.
 */
unknown: Array<string>, };

export type QrCode = { width: number, dark: Array<boolean>, };

export type ShareView = { share: Share, link: string, 
/**
 * `None` when the link is too long for a QR code (share the file instead).
 */
qr: QrCode | null, };
