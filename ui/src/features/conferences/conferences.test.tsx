import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { emitMockEvent } from "../../ipc/mock";
import type { ImportReport, VenueMapReport } from "../../ipc/bindings";
import { current, pendingImport } from "../../state/app";
import { callsTo, startBackend } from "../../test/backend";
import { Conferences } from "./Conferences";
import { guessKind } from "./ImportPanel";

describe("conferences", () => {
  test("lists conferences and switches the current one", async () => {
    const backend = await startBackend();
    render(<Conferences />);
    const items = screen.getAllByTestId("conference-item");
    expect(items.map((i) => i.dataset.slug)).toEqual(["waic-2025", "good-2025"]);
    expect(screen.getByTestId("conference-current")).toBeTruthy();
    fireEvent.click(screen.getByTestId("conference-switch"));
    await waitFor(() => expect(current.value?.slug).toBe("good-2025"));
    expect(callsTo(backend, "set_current_conference")).toEqual([{ slug: "good-2025" }]);
  });

  test("a failed import shows the kind and message and says nothing changed", async () => {
    await startBackend({ "plugin:dialog|open": () => "/data/broken.schedule.xml" });
    render(<Conferences />);
    fireEvent.click(screen.getByTestId("import-button"));
    fireEvent.click(await screen.findByTestId("import-start"));
    const error = await screen.findByTestId("import-error");
    expect(screen.getByTestId("import-error-kind").textContent).toBe("syntax");
    expect(screen.getByTestId("import-error-message").textContent).toContain("line 12, column 5");
    expect(error.textContent).toContain("Nothing was changed");
  });

  test("progress events show while an import runs, then the summary", async () => {
    let finish: (r: ImportReport) => void = () => {};
    const backend = await startBackend({
      import_file: () => new Promise<ImportReport>((resolve) => (finish = resolve)),
    });
    render(<Conferences />);
    fireEvent.click(screen.getByTestId("import-button"));
    fireEvent.click(await screen.findByTestId("import-start"));
    await screen.findByTestId("import-progress");
    await waitFor(() => expect(callsTo(backend, "import_file")).toHaveLength(1));
    await emitMockEvent("import-progress", { phase: "parse", done: 40, total: 100 });
    await waitFor(() => expect(screen.getByTestId("import-progress").textContent).toContain("Reading the programme: 40 of 100"));
    finish({
      conference: "fosdem-2026", title: "FOSDEM 2026", format: "frab-xml", days: 2, rooms: 37, tracks: 71, sessions: 1079,
      persons: 1216, exhibitors: 0, products: 0, warnings: [], bookmarks: { attached: 0, reattached: 0, orphaned: 0 },
    });
    const summary = await screen.findByTestId("import-summary");
    expect(summary.textContent).toContain("Imported FOSDEM 2026");
    expect(summary.textContent).toContain("1079");
    expect(callsTo(backend, "import_file")[0]).toEqual({ path: "/home/me/Downloads/fosdem-2026.schedule.xml", conference: null });
  });

  test("a CSV dropped on the window asks for the target conference", async () => {
    const backend = await startBackend();
    pendingImport.value = "/data/ces-2026.exhibitors-iot.csv";
    render(<Conferences />);
    await screen.findByTestId("import-confirm");
    expect((screen.getByTestId("import-kind-exhibitors") as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByTestId("import-target"), { target: { value: "good-2025" } });
    fireEvent.click(screen.getByTestId("import-start"));
    await screen.findByTestId("import-summary");
    expect(callsTo(backend, "import_file")[0]).toEqual({ path: "/data/ces-2026.exhibitors-iot.csv", conference: "good-2025" });
  });
});

describe("venue map", () => {
  test("reads a venue file for the current conference and reports what it places", async () => {
    const report: VenueMapReport = {
      conference: "waic-2025", venues: 5, halls: 0, booths: 0, rooms_placed: 35, rooms: 37,
      rooms_unplaced: ["K.4.201", "UD2.120 (Chavanne)"], booths_placed: 0, booths_listed: 0,
    };
    const backend = await startBackend({
      "plugin:dialog|open": () => "/home/me/fosdem-2026.venues.json",
      import_venue_file: () => report,
    });
    render(<Conferences />);
    expect(screen.getByTestId("venue-import").textContent).toContain("docs/venues.md");
    expect(screen.getByTestId("venue-import").textContent).toContain("Plan my day and the Booth route");
    fireEvent.click(screen.getByTestId("venue-map-import"));
    const shown = screen.getByTestId("venue-map-report");
    await waitFor(() => expect(within(shown).getByTestId("venue-map-placed").textContent).toBe(
      "Placed 35 of 37 rooms and 0 of 0 exhibitor booths.",
    ));
    expect(within(shown).getByTestId("venue-map-unplaced").textContent).toBe(
      "Not on the map, so walks to and from them are unknown: K.4.201, UD2.120 (Chavanne).",
    );
    expect(shown.textContent).toContain("Venue map of World Artificial Intelligence Conference 2025: 5 venue(s)");
    expect(callsTo(backend, "import_venue_file")).toEqual([{ conference: "waic-2025", path: "/home/me/fosdem-2026.venues.json" }]);
    const options = callsTo(backend, "plugin:dialog|open")[0]!.options as { filters: { extensions: string[] }[] };
    expect(options.filters[0]!.extensions).toEqual(["json"]);
  });

  test("the mock backend places the fixture's rooms and booths on its map", async () => {
    await startBackend({ "plugin:dialog|open": () => "/home/me/waic.venues.json" });
    render(<Conferences />);
    fireEvent.click(screen.getByTestId("venue-map-import"));
    await waitFor(() => expect(screen.getByTestId("venue-map-placed").textContent).toMatch(/^Placed \d+ of \d+ rooms and 7 of 7 exhibitor booths\.$/));
  });

  test("a bad venue file shows the file, line and field, and says the map in use stays", async () => {
    await startBackend({ "plugin:dialog|open": () => "/home/me/broken.venues.json" });
    render(<Conferences />);
    fireEvent.click(screen.getByTestId("venue-map-import"));
    const error = await screen.findByTestId("venue-map-error");
    expect(screen.getByTestId("venue-map-report").contains(error)).toBe(true);
    expect(screen.getByTestId("venue-map-error-kind").textContent).toBe("invalid");
    expect(screen.getByTestId("venue-map-error-message").textContent).toBe(
      "/home/me/broken.venues.json:10:23: field `venues[0].halls[0].booths.A1`: [5.0, 35.0] is outside the hall",
    );
    expect(error.textContent).toContain("The map already in use stays.");
    expect(screen.queryByTestId("venue-map-placed")).toBeNull();
  });
});

test("guessKind: XML and iCalendar are programmes; CSV and JSON need asking", () => {
  expect(guessKind("/a/b.xml")).toEqual({ kind: "programme", ask: false });
  expect(guessKind("/a/b.ICS")).toEqual({ kind: "programme", ask: false });
  expect(guessKind("/a/b.csv")).toEqual({ kind: "exhibitors", ask: true });
  expect(guessKind("/a/b.json")).toEqual({ kind: "programme", ask: true });
});
