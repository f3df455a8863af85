import { render, screen, waitFor } from "@testing-library/preact";
import { expect, test, vi } from "vitest";
import type { ConferenceSummary } from "../../ipc/bindings";
import { emitMockEvent } from "../../ipc/mock";
import { conferenceList } from "../../state/app";
import { route } from "../../state/router";
import { startBackend } from "../../test/backend";
import { runsToday } from "../../state/startup";
import { App } from "./App";

test("shows the conference title and app-ready once the first data has loaded", async () => {
  await startBackend();
  render(<App />);
  await screen.findByTestId("app-ready");
  expect(screen.getByTestId("conference-title").textContent).toContain("World Artificial Intelligence Conference 2025");
  expect(screen.getByTestId("conference-title").textContent).toContain("2025世界人工智能大会");
  for (const view of ["now", "programme", "keynotes", "speakers", "exhibitors", "agenda", "plan", "route", "conferences", "settings"]) {
    expect(screen.getByTestId(`nav-${view}`).getAttribute("href")).toBe(`#/${view}`);
  }
});

test("opened with no view outside the conference's days, it shows the programme", async () => {
  location.hash = "";
  await startBackend();
  render(<App />);
  await screen.findByTestId("app-ready");
  await waitFor(() => expect(route.value.view).toBe("programme"));
  expect(screen.getByTestId("nav-programme").getAttribute("aria-current")).toBe("page");
});

test("opened with no view during the conference, it shows Now / Next", async () => {
  location.hash = "";
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-07-26T02:30:00Z"));
  try {
    await startBackend();
    render(<App />);
    await screen.findByTestId("app-ready");
    expect(route.value.view).toBe("now");
    expect(screen.getByTestId("nav-now").getAttribute("aria-current")).toBe("page");
  } finally {
    vi.useRealTimers();
  }
});

test("a view chosen while the conference loads is not replaced by the default one", async () => {
  location.hash = "";
  await startBackend();
  conferenceList.value = null; // as at a cold start: the list arrives after the first render
  render(<App />);
  location.hash = "#/session/waic-hinton"; // a link followed before the list arrived
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  await screen.findByTestId("app-ready");
  await screen.findByTestId("session-detail");
  expect(route.value).toEqual({ view: "session", key: "waic-hinton" });
  expect(location.hash).toBe("#/session/waic-hinton");
});

test("runsToday follows the conference's zone, not the computer's", () => {
  const conf = { days: ["2025-07-26"], time_zone: "Asia/Shanghai" } as ConferenceSummary;
  expect(runsToday(conf, Date.parse("2025-07-25T16:30:00Z"))).toBe(true); // 00:30 in Shanghai
  expect(runsToday(conf, Date.parse("2025-07-25T15:30:00Z"))).toBe(false); // 23:30 the day before
});

test("a file dropped on the window opens the import view with that file", async () => {
  await startBackend();
  render(<App />);
  await screen.findByTestId("app-ready");
  await emitMockEvent("tauri://drag-enter", { paths: ["/tmp/36c3.schedule.json"], position: { x: 0, y: 0 } });
  await screen.findByTestId("drop-overlay");
  await emitMockEvent("tauri://drag-drop", { paths: ["/tmp/36c3.schedule.json"], position: { x: 0, y: 0 } });
  await waitFor(() => expect(route.value.view).toBe("conferences"));
  expect((await screen.findByTestId("import-path")).textContent).toBe("/tmp/36c3.schedule.json");
  expect(screen.queryByTestId("drop-overlay")).toBeNull();
});

test("a failing backend shows the error with a retry", async () => {
  await startBackend({ conferences: () => { throw { kind: "database", message: "database is locked" }; } });
  render(<App />);
  expect((await screen.findByTestId("error")).textContent).toContain("database is locked");
  expect(screen.getByTestId("retry")).toBeTruthy();
  expect(screen.queryByTestId("app-ready")).toBeNull();
});
