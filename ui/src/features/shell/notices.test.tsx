import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import type { Notice, WhatChanged } from "../../ipc/bindings";
import { emitMockEvent } from "../../ipc/mock";
import { route } from "../../state/router";
import { callsTo, startBackend } from "../../test/backend";
import { Notices } from "./Notices";

function notice(kind: Notice["kind"], key: string, title: string): Notice {
  return { kind, conference: "waic-2025", key, title, body: kind === "reminder" ? "In 10 minutes at 10:00 on Sat 26 Jul (UTC+08), Main Hall" : "Now starts 11:00" };
}

test("a notice event shows in a polite live region, newest first, at most three", async () => {
  await startBackend();
  render(<Notices />);
  const region = screen.getByTestId("notices");
  expect(region.getAttribute("role")).toBe("status");
  expect(region.getAttribute("aria-live")).toBe("polite");
  // The listener is set up once the mocked event bridge answers.
  await waitFor(async () => {
    await emitMockEvent("notice", notice("reminder", "waic-hinton", "Will Digital Intelligence Replace Biological Intelligence?"));
    expect(screen.queryAllByTestId("notice")).not.toHaveLength(0);
  });
  expect(screen.getAllByTestId("notice")).toHaveLength(1);
  expect(screen.getByTestId("notice-title").textContent).toBe("Will Digital Intelligence Replace Biological Intelligence?");
  expect(screen.getByTestId("notice").textContent).toContain("In 10 minutes at 10:00");

  for (const key of ["a", "b", "c"]) await emitMockEvent("notice", notice("reminder", key, `Talk ${key}`));
  await waitFor(() => expect(screen.getAllByTestId("notice-title").map((n) => n.textContent)).toEqual(["Talk c", "Talk b", "Talk a"]));
});

test("Open goes to the session and Dismiss removes the notice; both are buttons", async () => {
  await startBackend();
  render(<Notices />);
  await waitFor(async () => {
    await emitMockEvent("notice", notice("reminder", "waic-yan", "Everyone's AI: MiniMax keynote"));
    expect(screen.queryAllByTestId("notice")).toHaveLength(1);
  });
  await emitMockEvent("notice", notice("reminder", "waic-hinton", "Hinton"));
  await waitFor(() => expect(screen.getAllByTestId("notice")).toHaveLength(2));

  const dismiss = screen.getAllByTestId("notice-dismiss")[0]!;
  expect(dismiss.tagName).toBe("BUTTON");
  expect(dismiss.getAttribute("aria-label")).toBe("Dismiss: Hinton");
  fireEvent.click(dismiss);
  expect(screen.getAllByTestId("notice-title").map((n) => n.textContent)).toEqual(["Everyone's AI: MiniMax keynote"]);

  fireEvent.click(screen.getByTestId("notice-open"));
  expect(route.value).toEqual({ view: "session", key: "waic-yan" });
  expect(location.hash).toBe("#/session/waic-yan");
  expect(screen.queryAllByTestId("notice")).toHaveLength(0);
});

test("a change notice reloads What changed so the markers follow", async () => {
  const changed: WhatChanged = { conference: "waic-2025", subscription: null, seen_at: null, changes: [], changed_keys: [] };
  const backend = await startBackend({ whats_changed: () => changed });
  render(<Notices />);
  await waitFor(async () => {
    await emitMockEvent("notice", notice("reminder", "waic-hinton", "Hinton"));
    expect(screen.queryAllByTestId("notice")).toHaveLength(1);
  });
  expect(callsTo(backend, "whats_changed")).toHaveLength(0);
  await emitMockEvent("notice", notice("change", "waic-hinton", "Changed: Hinton"));
  await waitFor(() => expect(callsTo(backend, "whats_changed")).toHaveLength(1));
  expect(screen.getAllByTestId("notice")[0]!.dataset.kind).toBe("change");
});
