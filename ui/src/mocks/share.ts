// Sharing for the mock backend: the same compact plenary:// link core makes (so a link shared in
// the preview merges back), a QR-looking matrix of the size core's code would have, and merging
// that adds new bookmarks only, as core does. There is no file system: a share file always holds
// the same few bookmarks.
import type { BookmarkKind, Priority, QrCode, Share, ShareReport, SharedItem } from "../ipc/bindings";
import { WAIC } from "./fixtures";

export const SHARE_FORMAT = "plenary-share/1";
export const LINK_PREFIX = "plenary://share?v=1&";

const KIND_CHAR: Record<BookmarkKind, string> = { session: "s", person: "p", exhibitor: "e" };
const PRIORITY_CHAR: Record<Priority, string> = { must: "1", want: "2", maybe: "3" };
const invert = <K extends string>(map: Record<K, string>) => new Map(Object.entries(map).map(([k, v]) => [v as string, k as K]));
const KIND_OF = invert(KIND_CHAR);
const PRIORITY_OF = invert(PRIORITY_CHAR);

function fail(kind: string, message: string): never {
  throw { kind, message };
}

const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64url = (data: string) =>
  new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(data.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/** The link core's `Share::link` makes: keys lose the conference slug where they start with it. */
export function shareLink(share: Share): string {
  const prefix = `${share.conference}-`;
  const lines = share.items.map((i) => {
    const key = i.key.startsWith(prefix) ? i.key.slice(prefix.length) : `=${i.key}`;
    return `${KIND_CHAR[i.kind]}${PRIORITY_CHAR[i.priority]}${key}`;
  });
  return `${LINK_PREFIX}c=${share.conference}&d=${base64url(lines.join("\n"))}`;
}

/** Reads a link as core's `Share::from_link` does, refusing what is not one with the same words. */
export function readShareLink(text: string): Share {
  const bad = (why: string): never => fail("bad-request", `not a Plenary share link: ${why}`);
  const link = text.trim();
  if (!link.startsWith(LINK_PREFIX)) bad(`it should start with "${LINK_PREFIX}"`);
  let conference: string | undefined;
  let data: string | undefined;
  for (const pair of link.slice(LINK_PREFIX.length).split("&")) {
    const at = pair.indexOf("=");
    const [name, value] = at < 0 ? [pair, undefined] : [pair.slice(0, at), pair.slice(at + 1)];
    if (name === "c" && value !== undefined) conference = value;
    else if (name === "d" && value !== undefined) data = value;
    else bad(`unexpected part "${pair}"`);
  }
  if (!conference || !/^[A-Za-z0-9._-]{1,100}$/.test(conference)) bad("no conference (c=…)");
  if (data === undefined) bad("no bookmarks (d=…)");
  let lines = "";
  try {
    lines = fromBase64url(data!);
  } catch {
    bad("the bookmarks are damaged");
  }
  const items: SharedItem[] = lines.split("\n").filter(Boolean).map((line, n) => {
    const kind = KIND_OF.get(line[0] ?? "") ?? bad(`item ${n + 1}: kind "${line[0] ?? ""}"`);
    const priority = PRIORITY_OF.get(line[1] ?? "") ?? bad(`item ${n + 1}: priority "${line[1] ?? ""}"`);
    const rest = line.slice(2);
    return { kind, priority, key: rest.startsWith("=") ? rest.slice(1) : `${conference}-${rest}`, title: "" };
  });
  return { format: SHARE_FORMAT, conference: conference!, items };
}

/** What a mock share file holds: one bookmark the fixture has already, two new, one unknown. */
export function shareFileFixture(path: string): Share {
  if (/broken|bad/.test(path)) fail("syntax", `${path}:1:1: expected value at line 1 column 1`);
  return {
    format: SHARE_FORMAT,
    conference: WAIC,
    items: [
      { kind: "session", key: "waic-hinton", priority: "must", title: "Will Digital Intelligence Replace Biological Intelligence?" },
      { kind: "session", key: "waic-schmidt-shum", priority: "want", title: "Dialogue" },
      { kind: "exhibitor", key: "e-huawei", priority: "want", title: "Huawei" },
      { kind: "session", key: "waic-2024-closing", priority: "maybe", title: "Closing (last year's programme)" },
    ],
  };
}

export interface MergeTarget {
  /** Whether the store has the conference. */
  has: (conference: string) => boolean;
  /** Whether the conference's programme has this session, speaker or exhibitor. */
  known: (conference: string, kind: BookmarkKind, key: string) => boolean;
  bookmarked: (conference: string, kind: BookmarkKind, key: string) => boolean;
  add: (conference: string, item: SharedItem) => void;
}

/** Core's `import_share`: adds what is new, leaves what is there, reports what the programme lacks. */
export function mergeShare(share: Share, target: MergeTarget): ShareReport {
  if (!target.has(share.conference)) {
    fail("bad-request", `this share is for ${share.conference}, which is not in this Plenary: import its programme first`);
  }
  const report: ShareReport = { conference: share.conference, added: 0, kept: 0, unknown: [] };
  for (const item of share.items) {
    if (target.bookmarked(share.conference, item.kind, item.key)) report.kept++;
    else if (target.known(share.conference, item.kind, item.key)) {
      target.add(share.conference, item);
      report.added++;
    } else report.unknown.push(item.key);
  }
  return report;
}

/** Bytes a QR code holds at error correction level L, by version (1 to 40). */
const CAPACITY_L = [
  17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
  929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953,
];

/**
 * A matrix the size core's QR code of `text` would have, or null when the text is too long for
 * one. Not a readable code: three finder squares and a pattern seeded by the text.
 */
export function qrMatrix(text: string): QrCode | null {
  const bytes = new TextEncoder().encode(text).length;
  const version = CAPACITY_L.findIndex((c) => c >= bytes) + 1;
  if (version === 0) return null;
  const width = 17 + 4 * version;
  let seed = 2166136261;
  for (const ch of text) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % 2 === 1;
  };
  const finder = (x: number, y: number) => {
    for (const [fx, fy] of [[0, 0], [width - 7, 0], [0, width - 7]] as const) {
      const dx = x - fx;
      const dy = y - fy;
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) {
        const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
        return ring !== 2 && ring !== 4;
      }
    }
    return null;
  };
  const dark: boolean[] = [];
  for (let y = 0; y < width; y++) for (let x = 0; x < width; x++) dark.push(finder(x, y) ?? next());
  return { width, dark };
}
