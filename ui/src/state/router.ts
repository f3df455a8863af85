// Hash routes ("#/programme", "#/session/<key>", "#/plan/<YYYY-MM-DD>"): they survive a reload of the webview and need
// no server. Keys are URI-encoded, so any character in a source's key is safe.
import { signal } from "@preact/signals";

export type View =
  | "now"
  | "programme"
  | "keynotes"
  | "speakers"
  | "exhibitors"
  | "agenda"
  | "plan"
  | "route"
  | "changes"
  | "conferences"
  | "settings"
  | "session"
  | "speaker"
  | "exhibitor";

export interface Route {
  view: View;
  key?: string;
}

const VIEWS: ReadonlySet<string> = new Set<View>([
  "now", "programme", "keynotes", "speakers", "exhibitors", "agenda", "plan", "route", "changes", "conferences", "settings",
  "session", "speaker", "exhibitor",
]);

export function parseHash(hash: string): Route {
  const [view = "", ...rest] = hash.replace(/^#\/?/, "").split("/");
  if (!VIEWS.has(view)) return { view: "now" };
  const key = rest.length ? decodeURIComponent(rest.join("/")) : undefined;
  return key === undefined ? { view: view as View } : { view: view as View, key };
}

export function href(view: View, key?: string): string {
  return key === undefined ? `#/${view}` : `#/${view}/${encodeURIComponent(key)}`;
}

export const route = signal<Route>(parseHash(typeof location === "undefined" ? "" : location.hash));

export function navigate(view: View, key?: string): void {
  location.hash = href(view, key);
  route.value = parseHash(location.hash);
}

/** Shows `view` in place of the current entry, leaving no step for Back to return to. */
export function redirect(view: View): void {
  history.replaceState(null, "", href(view));
  route.value = parseHash(location.hash);
}

/** Follows the address bar (back/forward, links). Returns a disposer. */
export function startRouter(): () => void {
  const sync = () => {
    route.value = parseHash(location.hash);
  };
  window.addEventListener("hashchange", sync);
  sync();
  return () => window.removeEventListener("hashchange", sync);
}
