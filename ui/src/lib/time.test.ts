import { describe, expect, test } from "vitest";
import { formatRange, formatTime, fromInputValue, parseStamp, toInputValue, zoneLabel, zoneOffset } from "./time";

describe("time", () => {
  test("conference time shows the wall clock of the source offset", () => {
    expect(formatTime("2025-07-26T09:30:00+08:00", "conference", "en")).toBe("09:30");
    expect(formatTime("2025-03-17T09:30:00-04:00", "conference", "en")).toBe("09:30");
  });

  test("local time converts to this computer's zone (UTC in tests)", () => {
    expect(formatTime("2025-07-26T09:30:00+08:00", "local", "en")).toBe("01:30");
  });

  test("a range names the end's day when it crosses midnight", () => {
    expect(formatRange("2024-12-27T23:30:00+01:00", "2024-12-28T00:30:00+01:00", "conference", "en")).toBe(
      "Fri 27 Dec, 23:30–Sat 28 Dec 00:30",
    );
  });

  test("datetime input values round-trip in both modes", () => {
    const ms = parseStamp("2025-07-26T10:15:00+08:00")!.ms;
    expect(toInputValue(ms, "conference", 480)).toBe("2025-07-26T10:15");
    expect(fromInputValue("2025-07-26T10:15", "conference", 480)).toBe(ms);
    expect(toInputValue(ms, "local", 480)).toBe("2025-07-26T02:15");
    expect(fromInputValue("2025-07-26T02:15", "local", 480)).toBe(ms);
  });

  test("zone labels use the offset in force at the time shown", () => {
    const july = Date.parse("2025-07-26T12:00:00Z");
    const january = Date.parse("2026-01-31T12:00:00Z");
    expect(zoneLabel("conference", "Europe/Brussels", null, july)).toBe("Europe/Brussels (UTC+02:00)");
    expect(zoneLabel("conference", "Europe/Brussels", null, january)).toBe("Europe/Brussels (UTC+01:00)");
    expect(zoneLabel("conference", "US/Eastern", -240, july)).toBe("US/Eastern (UTC−04:00)");
  });

  test("zone offsets come from Intl", () => {
    expect(zoneOffset("Asia/Shanghai")).toBe(480);
    expect(zoneOffset("No/Such_Zone")).toBeNull();
  });
});
