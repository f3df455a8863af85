import { render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import { emitMockEvent } from "../../ipc/mock";
import { route } from "../../state/router";
import { startBackend } from "../../test/backend";
import { App } from "./App";

test("shows the conference title and app-ready once the first data has loaded", async () => {
  await startBackend();
  render(<App />);
  await screen.findByTestId("app-ready");
  expect(screen.getByTestId("conference-title").textContent).toContain("World Artificial Intelligence Conference 2025");
  expect(screen.getByTestId("conference-title").textContent).toContain("2025世界人工智能大会");
  for (const view of ["now", "programme", "keynotes", "speakers", "exhibitors", "agenda", "conferences", "settings"]) {
    expect(screen.getByTestId(`nav-${view}`).getAttribute("href")).toBe(`#/${view}`);
  }
  expect(screen.getByTestId("nav-now").getAttribute("aria-current")).toBe("page");
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
