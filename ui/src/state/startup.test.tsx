import { render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import { App } from "../features/shell/App";
import { callsTo, startBackend } from "../test/backend";
import { conferenceList } from "./app";
import { route } from "./router";
import { firstRenderDone, prepareFirstView, takePrimedSessions } from "./startup";

test("the first view is ready before the first render: the programme with its day's sessions", async () => {
  location.hash = "";
  const backend = await startBackend();
  conferenceList.value = null; // as at a start: nothing loaded yet
  const before = callsTo(backend, "sessions").length;
  await prepareFirstView();
  expect(conferenceList.peek()?.length).toBeGreaterThan(0);
  expect(route.value.view).toBe("programme"); // WAIC 2025 is not running today
  expect(callsTo(backend, "sessions").slice(before)).toEqual([{ filter: { day: "2025-07-26", with_text: false } }]);

  render(<App />);
  // The first render already has the rows: no "Loading", and no second fetch.
  expect(screen.queryByTestId("loading")).toBeNull();
  expect((await screen.findAllByTestId("session-row")).length).toBeGreaterThan(0);
  expect(callsTo(backend, "sessions").slice(before)).toHaveLength(1);
});

test("primed sessions are used once, and only for the view they were fetched for", async () => {
  location.hash = "";
  await startBackend();
  await prepareFirstView();
  const key = `${conferenceList.value?.[0]?.slug}|2025-07-26`;
  expect(takePrimedSessions("some-other-conference|2025-07-26")).toBeUndefined();
  expect(takePrimedSessions(key)?.length).toBeGreaterThan(0);
  expect(takePrimedSessions(key)).toBeUndefined();
});

test("a failing backend leaves the start to the app's own loading, which shows the error", async () => {
  location.hash = "";
  await startBackend({
    conferences: () => {
      throw { kind: "store", message: "the store is locked" };
    },
  });
  conferenceList.value = null;
  await expect(prepareFirstView()).resolves.toBeUndefined();
  expect(conferenceList.value).toBeNull();
  render(<App />);
  expect((await screen.findByRole("alert")).textContent).toContain("the store is locked");
});

test("answers that come after the first render set nothing: the app has loaded for itself", async () => {
  location.hash = "";
  let release!: () => void;
  const gate = new Promise<void>((done) => (release = done));
  const backend = await startBackend({ sessions: () => gate.then(() => []) });
  conferenceList.value = null;
  const pending = prepareFirstView();
  await waitFor(() => expect(callsTo(backend, "sessions")).toHaveLength(1));
  firstRenderDone(); // main.tsx stopped waiting and rendered
  release();
  await pending;
  expect(conferenceList.peek()).toBeNull();
  expect(takePrimedSessions(`${backend.state.conferences[0]?.slug}|2025-07-26`)).toBeUndefined();
});
