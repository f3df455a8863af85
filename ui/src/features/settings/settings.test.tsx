import { fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test } from "vitest";
import { startBackend } from "../../test/backend";
import { Programme } from "../programme/Programme";
import { Settings } from "./Settings";
import { ZoneNote } from "./ZoneNote";
import { startSettingsSync } from "../../state/settings";

let stopSync = () => {};
beforeEach(() => (stopSync = startSettingsSync()));
afterEach(() => stopSync());

function Both() {
  return (
    <>
      <ZoneNote />
      <Settings />
      <Programme />
    </>
  );
}

test("switching to this computer's time changes every rendered time and the zone label", async () => {
  await startBackend();
  render(<Both />);
  const row = () => screen.getAllByTestId("session-row").find((r) => r.dataset.key === "waic-hinton")!;
  await screen.findByTestId("programme-list");
  expect(row().querySelector("time")?.textContent).toBe("10:00–10:40");
  expect(screen.getByTestId("zone-label").textContent).toBe("Conference time · Asia/Shanghai (UTC+08:00)");

  fireEvent.click(screen.getByTestId("setting-time-local"));
  expect(screen.getByTestId("zone-label").textContent).toMatch(/^Your time · (UTC|Etc\/UTC) \(UTC\+00:00\)$/);
  // Tests run with TZ=UTC: 10:00 in Shanghai (+08:00) is 02:00 here.
  expect(row().querySelector("time")?.textContent).toBe("02:00–02:40");
  expect(JSON.parse(localStorage.getItem("plenary.settings")!)).toMatchObject({ timeMode: "local" });

  fireEvent.click(screen.getByTestId("setting-time-conference"));
  expect(row().querySelector("time")?.textContent).toBe("10:00–10:40");
});

test("language and theme apply to the document and are saved", async () => {
  await startBackend();
  render(<Both />);
  fireEvent.click(screen.getByTestId("setting-language-zh"));
  expect(screen.getByRole("heading", { level: 1, name: "设置" })).toBeTruthy();
  fireEvent.click(screen.getByTestId("setting-theme-dark"));
  expect(JSON.parse(localStorage.getItem("plenary.settings")!)).toMatchObject({ lang: "zh", theme: "dark" });
  expect(document.documentElement.lang).toBe("zh-CN");
  expect(document.documentElement.dataset.theme).toBe("dark");
});
