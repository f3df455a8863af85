import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import type { Bookmark } from "../../ipc/bindings";
import { callsTo, startBackend, type TestBackend } from "../../test/backend";
import { BoothRouteView } from "./BoothRoute";

/** Bookmarks Huawei (must) and Tesla (maybe) besides Unitree (want), and AgiBot as already visited. */
function bookmarkBooths(backend: TestBackend) {
  const unitree = backend.state.bookmarks.find((b) => b.key === "e-unitree")!;
  const add = (key: string, title: string, priority: Bookmark["priority"], visited = false) =>
    backend.state.bookmarks.push({ ...unitree, key, title, priority, visited });
  add("e-huawei", "Huawei", "must");
  add("e-tesla", "Tesla", "maybe");
  add("e-agibot", "AgiBot", "want", true);
}

const stopKeys = () => screen.getAllByTestId(/^route-stop-\d+$/).map((s) => s.dataset.key);

describe("booth route", () => {
  test("shows the numbered stops, the summary and the route on the floor plan", async () => {
    const backend = await startBackend();
    bookmarkBooths(backend);
    render(<BoothRouteView />);
    expect((await screen.findByTestId("route-summary")).textContent).toBe("3 stops · 44 min: 14 walking, 30 at booths");
    expect(stopKeys()).toEqual(["e-unitree", "e-tesla", "e-huawei"]);
    const second = screen.getByTestId("route-stop-2");
    expect(second.textContent).toContain("Tesla");
    expect(second.textContent).toContain("H2-F01 · Industrial Applications 产业应用馆");
    expect(second.textContent).toContain("6 min walk");
    expect(second.textContent).toContain("+19 min");
    expect(screen.getByTestId("route-ends").textContent).toBe("Starts at Shanghai World Expo Exhibition & Convention Center entrance.");
    expect(callsTo(backend, "booth_route")[0]).toEqual({
      request: { conference: null, after: null, before: null, from: null, minutes: null, visit_minutes: 10, include_visited: false },
    });

    // The plan: the venue's halls, its booths, and the path from the entrance through the doors.
    const map = await screen.findByTestId("route-map");
    expect(map.getAttribute("role")).toBe("img");
    expect(map.getAttribute("aria-label")).toBe("Floor plan of Shanghai World Expo Exhibition & Convention Center with the route through 3 booths");
    expect(map.getAttribute("viewBox")).toBe("-10.8 -10.8 381.6 261.6");
    expect([...map.querySelectorAll("[data-hall]")].map((h) => h.getAttribute("data-hall"))).toEqual([
      "Core Technologies 核心技术馆", "Industrial Applications 产业应用馆", "Smart Devices 智能终端馆",
    ]);
    expect(map.querySelectorAll(".map-booth")).toHaveLength(9);
    expect(screen.getByTestId("route-path").getAttribute("points")).toBe(
      "180,240 170,170 70,160 170,170 190,60 310,80 190,60 170,60 30,30",
    );
    const marker = screen.getByTestId("route-marker-1");
    expect(marker.textContent).toBe("1");
    expect(marker.querySelector("circle")?.getAttribute("cx")).toBe("70");
    expect(screen.getByTestId("route-marker-3").getAttribute("data-booth")).toBe("H1-A01");
    expect(screen.getByTestId("route-illustrative").textContent).toContain("not from the organisers");
    const left = within(screen.getByTestId("route-left-off")).getAllByTestId("route-left");
    expect(left.map((l) => [l.dataset.key, l.dataset.why])).toEqual([["e-agibot", "visited"]]);
    expect(left[0]!.textContent).toContain("already visited");
  });

  test("the time available drops the least wanted stops; the form recomputes the route", async () => {
    const backend = await startBackend();
    bookmarkBooths(backend);
    backend.state.bookmarks.push({ ...backend.state.bookmarks[0]!, key: "waic-schmidt-shum", title: "Dialogue", priority: "maybe" });
    render(<BoothRouteView />);
    await screen.findByTestId("route-stop-3");
    fireEvent.input(screen.getByTestId("route-minutes"), { target: { value: "30" } });
    await waitFor(() => expect(screen.getByTestId("route-summary").textContent).toBe("2 stops · 29 min: 9 walking, 20 at booths of 30 available"));
    expect(stopKeys()).toEqual(["e-unitree", "e-huawei"]);
    expect(screen.getByTestId("route-left-off").querySelector("[data-key='e-tesla']")?.textContent).toContain("no time for it");

    fireEvent.input(screen.getByTestId("route-minutes"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("route-include-visited"));
    await waitFor(() => expect(stopKeys()).toHaveLength(4));
    expect(stopKeys()).toContain("e-agibot");
    expect((screen.getByTestId("route-visited-e-agibot") as HTMLInputElement).checked).toBe(true);

    fireEvent.change(screen.getByTestId("route-after"), { target: { value: "waic-hinton" } });
    fireEvent.change(screen.getByTestId("route-before"), { target: { value: "waic-schmidt-shum" } });
    fireEvent.input(screen.getByTestId("route-visit"), { target: { value: "5" } });
    await waitFor(() => expect(callsTo(backend, "booth_route").at(-1)).toEqual({
      request: { conference: null, after: "waic-hinton", before: "waic-schmidt-shum", from: null, minutes: null, visit_minutes: 5, include_visited: true },
    }));
    await waitFor(() => expect(screen.getByTestId("route-summary").textContent).toContain("of 200 available"));
    expect(screen.getByTestId("route-ends").textContent).toMatch(/^Starts at Main Hall\. Ends at Main Hall, \d+ min walk from the last booth\.$/);
  });

  test("ticking a booth visited saves it and takes the stop off the route", async () => {
    const backend = await startBackend();
    bookmarkBooths(backend);
    render(<BoothRouteView />);
    fireEvent.click(await screen.findByTestId("route-visited-e-unitree"));
    await waitFor(() => expect(callsTo(backend, "set_bookmark")).toEqual([
      { change: { conference: "waic-2025", kind: "exhibitor", key: "e-unitree", visited: true } },
    ]));
    await waitFor(() => expect(stopKeys()).not.toContain("e-unitree"));
    expect(screen.getByTestId("route-summary").textContent).toMatch(/^2 stops/);
  });

  test("no bookmarked exhibitor points to the list; no venue map shows the error", async () => {
    const backend = await startBackend();
    backend.state.bookmarks = backend.state.bookmarks.filter((b) => b.kind !== "exhibitor");
    const { unmount } = render(<BoothRouteView />);
    expect((await screen.findByTestId("empty-state")).textContent).toContain("No exhibitor is bookmarked yet.");
    expect(screen.getByTestId("route-browse").getAttribute("href")).toBe("#/exhibitors");
    unmount();

    const other = await startBackend();
    delete other.state.venueMaps["waic-2025"];
    render(<BoothRouteView />);
    expect((await screen.findByTestId("error-kind")).textContent).toBe("bad-request");
    expect(screen.getByTestId("error-message").textContent).toContain("has no venue map");
  });
});
