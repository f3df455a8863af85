// Times arrive as RFC 3339 strings in the conference's own offset ("2025-07-26T09:30:00+08:00").
// "Conference time" shows that wall clock as is; "local time" converts the instant to this
// computer's zone. Every time the UI shows goes through here, so the setting applies everywhere.

export type TimeMode = "conference" | "local";

/** An instant plus the offset (minutes east of UTC) it was written in. */
export interface Stamp {
  ms: number;
  offset: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses an RFC 3339 time; null when it isn't one. */
export function parseStamp(text: string): Stamp | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  let offset = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return { ms: wall - offset * 60_000, offset };
}

/** Milliseconds since the epoch of an RFC 3339 time (NaN when unparsable). */
export function instant(text: string): number {
  return parseStamp(text)?.ms ?? Number.NaN;
}

const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const DATE: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
const OFFSET: Intl.DateTimeFormatOptions = { timeZoneName: "longOffset" };

function intlLocale(lang: string): string {
  return lang === "zh" ? "zh-CN" : "en-GB";
}

/**
 * Formatters are made once per locale, options and zone: making one costs WebKit milliseconds
 * (it loads ICU data), and a list formats two times per row.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, name: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${name}|${timeZone ?? ""}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    formatters.set(key, made);
  }
  return made;
}

/**
 * A formatter for one mode: conference wall clock (formats the shifted instant as UTC, which
 * needs no time-zone database) or this computer's zone.
 */
function format(stamp: Stamp, mode: TimeMode, lang: string, options: Intl.DateTimeFormatOptions): string {
  const name = options === TIME ? "time" : "date";
  if (mode === "conference") {
    return formatter(intlLocale(lang), name, options, "UTC").format(new Date(stamp.ms + stamp.offset * 60_000));
  }
  return formatter(intlLocale(lang), name, options).format(new Date(stamp.ms));
}



/** "09:30" in the chosen mode. */
export function formatTime(text: string, mode: TimeMode, lang: string): string {
  const stamp = parseStamp(text);
  return stamp ? format(stamp, mode, lang, TIME) : text;
}

/** "Sat 26 Jul" (or "7月26日周六") of a time, in the chosen mode. */
export function formatDate(text: string, mode: TimeMode, lang: string): string {
  const stamp = parseStamp(text);
  return stamp ? format(stamp, mode, lang, DATE) : text;
}

/** "Sat 26 Jul, 09:30–10:15"; the end carries its own date when it falls on another day. */
export function formatRange(start: string, end: string, mode: TimeMode, lang: string): string {
  const a = parseStamp(start);
  const b = parseStamp(end);
  if (!a || !b) return `${start} – ${end}`;
  const dayA = format(a, mode, lang, DATE);
  const dayB = format(b, mode, lang, DATE);
  const tail = dayA === dayB ? format(b, mode, lang, TIME) : `${dayB} ${format(b, mode, lang, TIME)}`;
  return `${dayA}, ${format(a, mode, lang, TIME)}–${tail}`;
}

/** A conference day ("2025-07-26") as a tab label: it is a calendar date, not an instant. */
export function formatDay(day: string, lang: string, long = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatter(intlLocale(lang), long ? "long-date" : "date", long ? LONG_DATE : DATE, "UTC").format(date);
}

/** "UTC+08:00" for an offset in minutes. */
export function offsetLabel(offset: number): string {
  const sign = offset < 0 ? "−" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

/** This computer's zone name, e.g. "Europe/Berlin". */
export function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "local";
}

/** This computer's offset at `ms`, in minutes east of UTC. */
export function localOffset(ms: number = Date.now()): number {
  return -new Date(ms).getTimezoneOffset();
}

/**
 * The offset of the IANA zone `zone` at `ms`, via Intl; null when the zone is unknown here.
 */
export function zoneOffset(zone: string, ms: number = Date.now()): number | null {
  try {
    const parts = formatter("en-US", "offset", OFFSET, zone)
      .formatToParts(new Date(ms))
      .find((p) => p.type === "timeZoneName")?.value;
    if (!parts) return null;
    if (parts === "GMT") return 0;
    const m = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(parts);
    if (!m) return null;
    return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  } catch {
    return null;
  }
}

/**
 * The label of the zone times are shown in: "Asia/Shanghai (UTC+08:00)". The offset is the one
 * in force at `atMs` (a time being shown), since summer time can differ from today's.
 */
export function zoneLabel(mode: TimeMode, conferenceZone: string | null, conferenceOffset: number | null, atMs: number = Date.now()): string {
  if (mode === "local") return `${localZoneName()} (${offsetLabel(localOffset(atMs))})`;
  const offset = conferenceOffset ?? (conferenceZone ? zoneOffset(conferenceZone, atMs) : null);
  const name = conferenceZone || "";
  if (offset === null) return name;
  return name ? `${name} (${offsetLabel(offset)})` : offsetLabel(offset);
}

/**
 * The value of a `datetime-local` input ("2025-07-26T10:15") showing instant `ms` in the mode's
 * zone, and back.
 */
export function toInputValue(ms: number, mode: TimeMode, conferenceOffset: number): string {
  const offset = mode === "conference" ? conferenceOffset : localOffset(ms);
  return new Date(ms + offset * 60_000).toISOString().slice(0, 16);
}

export function fromInputValue(value: string, mode: TimeMode, conferenceOffset: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (mode === "conference") return wall - conferenceOffset * 60_000;
  // Local wall clock: let Date resolve the zone (and its DST) for us.
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])).getTime();
}

/** The conference-local calendar date ("2025-07-26") of instant `ms`. */
export function conferenceDay(ms: number, conferenceOffset: number): string {
  return new Date(ms + conferenceOffset * 60_000).toISOString().slice(0, 10);
}

/** "Sat 26 Jul, 09:30" in the chosen mode. */
export function formatStart(text: string, mode: TimeMode, lang: string): string {
  const stamp = parseStamp(text);
  return stamp ? `${format(stamp, mode, lang, DATE)}, ${format(stamp, mode, lang, TIME)}` : text;
}
