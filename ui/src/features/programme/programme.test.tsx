import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { gridLayout } from "./grid";
import { Programme } from "./Programme";
import { sessionsFixture } from "../../mocks/fixtures";

describe("Programme", () => {
  test("a 10,000-session programme keeps only the visible rows in the DOM", async () => {
    const backend = await startBackend({}, { bigProgramme: 10_000 });
    render(<Programme />);
    const list = await screen.findByTestId("programme-list");
    const perDay = Number(list.getAttribute("data-count"));
    expect(perDay).toBeGreaterThan(3000); // one day of the three
    const rows = within(list).getAllByTestId("session-row");
    expect(rows.length).toBeLessThan(30);
    expect(callsTo(backend, "sessions")[0]).toEqual({ filter: { day: "2025-07-26", with_text: false } });
  });

  test("day tabs load that day; filters narrow the list", async () => {
    const backend = await startBackend();
    render(<Programme />);
    await screen.findByTestId("programme-list");
    expect(screen.getAllByTestId("session-row").map((r) => r.dataset.key)).toEqual([
      "waic-opening", "waic-hinton", "waic-yan", "waic-schmidt-shum",
    ]);
    fireEvent.change(screen.getByTestId("filter-kind"), { target: { value: "keynote" } });
    await waitFor(() => expect(screen.getAllByTestId("session-row").map((r) => r.dataset.key)).toEqual(["waic-hinton", "waic-yan"]));
    fireEvent.click(screen.getByTestId("filter-clear"));
    const day2 = screen.getAllByTestId("day-tab")[1]!;
    fireEvent.click(day2);
    await waitFor(() => expect(screen.getAllByTestId("session-row").map((r) => r.dataset.key)).toEqual(["waic-nova", "waic-robots"]));
    expect(callsTo(backend, "sessions").at(-1)).toEqual({ filter: { day: "2025-07-27", with_text: false } });
    expect(day2.getAttribute("aria-selected")).toBe("true");
  });

  test("the grid view puts sessions in room columns", async () => {
    await startBackend();
    render(<Programme />);
    await screen.findByTestId("programme-list");
    fireEvent.click(screen.getByTestId("view-grid"));
    const grid = await screen.findByTestId("programme-grid");
    expect(within(grid).getAllByTestId("grid-room").map((r) => r.textContent)).toEqual(["Main Hall", "Hall B 分会场"]);
    expect(within(grid).getAllByTestId("grid-session")).toHaveLength(4);
    fireEvent.click(screen.getByTestId("view-list"));
  });
});

test("gridLayout gives sessions that overlap in one room their own lanes", () => {
  const [a, b] = sessionsFixture();
  const clash = { ...b!, room: a!.room, start: "2025-07-26T09:30:00+08:00" };
  const layout = gridLayout([a!, clash], "—");
  expect(layout.rooms).toEqual([{ name: "Main Hall", column: 2, lanes: 2 }]);
  expect(layout.cells.map((c) => [c.column, c.rowStart, c.rowEnd])).toEqual([[2, 2, 6], [3, 4, 9]]);
});
