import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { emitMockEvent } from "../../ipc/mock";
import type { ImportReport } from "../../ipc/bindings";
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

test("guessKind: XML and iCalendar are programmes; CSV and JSON need asking", () => {
  expect(guessKind("/a/b.xml")).toEqual({ kind: "programme", ask: false });
  expect(guessKind("/a/b.ICS")).toEqual({ kind: "programme", ask: false });
  expect(guessKind("/a/b.csv")).toEqual({ kind: "exhibitors", ask: true });
  expect(guessKind("/a/b.json")).toEqual({ kind: "programme", ask: true });
});
