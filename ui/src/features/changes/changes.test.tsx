import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import { SessionRow } from "../../components/SessionRow";
import type { StoredChange, SubscriptionView, WhatChanged } from "../../ipc/bindings";
import { loadWhatChanged, refreshSubscription, whatChanged } from "../../state/app";
import { callsTo, startBackend } from "../../test/backend";
import { WhatChangedView } from "./WhatChanged";

const SUB: SubscriptionView = {
  conference: "waic-2025",
  url: "https://example.org/schedule.xml",
  format: null,
  fetched_at: "2025-07-26T01:00:00Z",
  checked_at: "2025-07-26T01:30:00Z",
  last_error: null,
};

function change(field: StoredChange["field"], old: string | null, next: string | null, bookmarked: boolean): StoredChange {
  return {
    refreshed_at: "2025-07-26T01:00:00Z", session_key: "waic-hinton", current_key: "waic-hinton",
    title: "Will Digital Intelligence Replace Biological Intelligence?", field, old, new: next, bookmarked,
  };
}

function changed(changes: StoredChange[], sub: SubscriptionView | null = SUB): WhatChanged {
  return { conference: "waic-2025", subscription: sub, seen_at: null, changes, changed_keys: [...new Set(changes.map((c) => c.current_key))] };
}

test("lists each change with old and new values, bookmarked first as core orders them, and marks them seen", async () => {
  let state = changed([change("room", "Hall A", "Hall B", true), change("duration", "30", "45", true)]);
  const backend = await startBackend({ whats_changed: () => state, mark_changes_seen: () => { state = changed([]); return null; } });
  await loadWhatChanged();
  render(<WhatChangedView />);
  const rows = await screen.findAllByTestId("change");
  expect(rows.map((r) => r.dataset.field)).toEqual(["room", "duration"]);
  expect(rows[0]!.textContent).toContain("Hall A → Hall B");
  expect(rows[1]!.textContent).toContain("30 min → 45 min");
  expect(screen.getAllByTestId("change-bookmarked")).toHaveLength(2);
  expect(screen.getByTestId("subscription-url").textContent).toBe(SUB.url);
  fireEvent.click(screen.getByTestId("mark-seen"));
  await screen.findByTestId("changes-empty");
  expect(callsTo(backend, "mark_changes_seen")).toHaveLength(1);
});

test("a changed session carries a marker in lists", async () => {
  await startBackend({ whats_changed: () => changed([change("start", "2025-07-26T02:20:00Z", "2025-07-26T03:00:00Z", true)]) });
  await loadWhatChanged();
  const base = { conference: "waic-2025", id: null, guid: null, slug: null, other_title: null, subtitle: null, kind: null, language: null,
    start: "2025-07-26T10:20:00+08:00", end: "2025-07-26T11:00:00+08:00", day: "2025-07-26", duration_minutes: 40, room: null, hall: null,
    venue: null, track: null, speakers: [], url: null, abstract_html: null, description_html: null, links: [], attachments: [],
    sources: [], illustrative: [], bookmark: null };
  render(<ul>
    <li><SessionRow s={{ ...base, key: "waic-hinton", title: "Hinton" }} /></li>
    <li><SessionRow s={{ ...base, key: "waic-other", title: "Other" }} /></li>
  </ul>);
  const rows = screen.getAllByTestId("session-row");
  expect(rows[0]!.querySelector("[data-testid=session-changed-badge]")).not.toBeNull();
  expect(rows[1]!.querySelector("[data-testid=session-changed-badge]")).toBeNull();
});

test("a failed refresh shows the error and the kept copy; no subscription shows the subscribe form", async () => {
  const failing = { ...SUB, last_error: "https://example.org/schedule.xml: HTTP 500" };
  let state = changed([]);
  await startBackend({
    whats_changed: () => state,
    refresh: () => { state = changed([], failing); throw { kind: "fetch", message: failing.last_error }; },
  });
  await loadWhatChanged();
  render(<WhatChangedView />);
  fireEvent.click(screen.getByTestId("refresh-now"));
  await waitFor(() => expect(screen.getByTestId("changes-result").textContent).toContain("HTTP 500"));
  expect(screen.getByTestId("subscription-error").textContent).toContain("last good copy is kept");
  expect(screen.getByTestId("subscription-fetched").textContent).toContain("2025");

  await startBackend();
  await loadWhatChanged();
  expect(whatChanged.value?.subscription).toBeNull();
  expect(await refreshSubscription()).toBeNull();
});

test("subscribing sends the URL, never the current conference, and reports a fetch error from core", async () => {
  const backend = await startBackend({ whats_changed: () => changed([], null) });
  await loadWhatChanged();
  render(<WhatChangedView />);
  const input = screen.getByTestId("subscribe-url") as HTMLInputElement;
  fireEvent.input(input, { target: { value: "https://example.org/fosdem.xml" } });
  fireEvent.click(screen.getByTestId("subscribe-submit"));
  await waitFor(() => expect(screen.getByTestId("changes-result").textContent).toContain("fetches nothing"));
  expect(callsTo(backend, "subscribe")).toEqual([{ conference: null, url: "https://example.org/fosdem.xml" }]);
});

test("unsubscribing asks first inline, then stops following the URL and keeps the change list", async () => {
  let state = changed([change("room", "Hall A", "Hall B", true)]);
  const backend = await startBackend({
    whats_changed: () => state,
    unsubscribe: () => { state = changed(state.changes, null); return SUB.url; },
  });
  await loadWhatChanged();
  render(<WhatChangedView />);
  fireEvent.click(screen.getByTestId("changes-unsubscribe"));
  expect(screen.getByTestId("changes-unsubscribe-ask").textContent).toContain(SUB.url);
  expect(document.activeElement).toBe(screen.getByTestId("changes-unsubscribe-confirm"));

  fireEvent.click(screen.getByTestId("changes-unsubscribe-cancel"));
  expect(screen.queryByTestId("changes-unsubscribe-ask")).toBeNull();
  expect(document.activeElement).toBe(screen.getByTestId("changes-unsubscribe"));
  expect(callsTo(backend, "unsubscribe")).toHaveLength(0);

  fireEvent.click(screen.getByTestId("changes-unsubscribe"));
  fireEvent.click(screen.getByTestId("changes-unsubscribe-confirm"));
  await waitFor(() => expect(screen.getByTestId("changes-result").textContent).toBe(`No longer following ${SUB.url}.`));
  expect(callsTo(backend, "unsubscribe")).toEqual([{ conference: "waic-2025" }]);
  expect(screen.getByTestId("subscribe-form")).toBeTruthy();
  expect(screen.getAllByTestId("change")).toHaveLength(1);
});
