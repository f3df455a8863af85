import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test, vi } from "vitest";
import type { SessionView } from "../../ipc/bindings";
import { parseHash, route } from "../../state/router";
import { lang } from "../../state/settings";
import { callsTo, startBackend, type TestBackend } from "../../test/backend";
import { App } from "../shell/App";
import { PlanDay } from "./PlanDay";

/** A bookmarked session across the river from the first morning's keynotes: too far to walk. */
function addWestBankSession(backend: TestBackend) {
  const nova = backend.state.sessions.find((s) => s.key === "waic-nova")!;
  const session: SessionView = {
    ...nova, key: "waic-westbank", title: "Lunch talk by the river", other_title: null, day: "2025-07-26",
    start: "2025-07-26T11:10:00+08:00", end: "2025-07-26T12:00:00+08:00", duration_minutes: 50,
  };
  backend.state.sessions.push(session);
  backend.state.bookmarks.push({ ...backend.state.bookmarks[0]!, key: session.key, title: session.title, priority: "want" });
}

describe("plan my day", () => {
  test("shows chosen, left-out and can't-make-it sessions with reasons, and suggestions", async () => {
    const backend = await startBackend();
    addWestBankSession(backend);
    render(<PlanDay date="2025-07-26" />);
    const chosen = await screen.findByTestId("plan-chosen");
    expect(within(chosen).getAllByTestId("session-row").map((r) => r.dataset.key)).toEqual(["waic-hinton"]);
    expect(screen.getByTestId("plan-reason-waic-hinton").textContent).toBe(
      "Chosen over “Everyone's AI: MiniMax keynote” (Want), “Lunch talk by the river” (Want).",
    );
    expect(screen.getByTestId("plan-left-waic-yan")).toBeTruthy();
    expect(screen.getByTestId("plan-reason-waic-yan").textContent).toBe(
      "It overlaps “Will Digital Intelligence Replace Biological Intelligence?” (Must), which the plan keeps.",
    );
    expect(screen.getByTestId("plan-reason-waic-westbank").textContent).toBe(
      "No time to walk between it and “Will Digital Intelligence Replace Biological Intelligence?” (Must): the walk takes 42 min, 30 min between.",
    );
    expect(screen.getByTestId("too-far-waic-yan-waic-westbank").textContent).toBe(
      "⚠ From “Everyone's AI: MiniMax keynote” to “Lunch talk by the river”: the walk takes 43 min, 10 min between. (walk illustrative)",
    );
    expect(within(screen.getByTestId("plan-too-far")).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByTestId("plan-tally").textContent).toBe("Keeps 1 must, 0 want and 0 maybe.");
    expect(screen.getByTestId("plan-suggestion-waic-opening").textContent).toContain(
      "Suggested: on the track Plenary, like “Will Digital Intelligence Replace Biological Intelligence?”.",
    );
    expect(screen.queryByTestId("plan-walks-unknown")).toBeNull();
    expect(screen.queryByTestId("plan-reset")).toBeNull();
    expect(screen.queryByTestId("plan-decided")).toBeNull();

    // The reasons are worded in the UI's language, not taken from core's English sentence.
    lang.value = "zh";
    await waitFor(() => expect(screen.getByTestId("plan-reason-waic-yan").textContent).toBe(
      "与“Will Digital Intelligence Replace Biological Intelligence?”（必去）时间冲突，计划保留了后者。",
    ));
  });

  test("a backup swaps the sessions; accepting and starting over call the planner", async () => {
    const backend = await startBackend();
    render(<PlanDay date="2025-07-26" />);
    fireEvent.click(await screen.findByTestId("plan-backup-waic-hinton-waic-yan"));
    await waitFor(() => expect(callsTo(backend, "change_plan")).toEqual([
      { conference: null, date: "2025-07-26", changes: [["waic-yan", "in"], ["waic-hinton", "out"]] },
    ]));
    // Reloaded: the backup is in the plan, put there by the user; the keynote is taken out.
    await screen.findByTestId("plan-item-waic-yan");
    expect(screen.getByTestId("plan-reason-waic-yan").textContent).toBe("You put it in the plan. Nothing else you bookmarked clashes with it.");
    expect(screen.getByTestId("plan-reason-waic-hinton").textContent).toBe("You took it out of the plan.");
    expect(within(screen.getByTestId("plan-left-waic-hinton")).getByTestId("plan-mark-badge").textContent).toBe("Skipped");
    expect(screen.getByTestId("plan-decided").textContent).toBe("You accepted or changed this plan.");

    fireEvent.click(screen.getByTestId("plan-put-in-waic-hinton"));
    await waitFor(() => expect(callsTo(backend, "set_plan_mark").at(-1)).toEqual({ conference: null, key: "waic-hinton", mark: "in" }));
    // Both are put in now; they clash, and the must wins.
    await waitFor(() => expect(screen.getByTestId("plan-reason-waic-hinton").textContent).toBe(
      "You put it in the plan. Chosen over “Everyone's AI: MiniMax keynote” (Want).",
    ));
    expect(screen.getByTestId("plan-accept").hasAttribute("disabled")).toBe(false);

    fireEvent.click(screen.getByTestId("plan-accept"));
    await waitFor(() => expect(callsTo(backend, "accept_plan")).toEqual([{ conference: null, date: "2025-07-26" }]));
    expect((await screen.findByTestId("plan-status")).textContent).toContain("Plan accepted");

    fireEvent.click(screen.getByTestId("plan-reset"));
    await waitFor(() => expect(callsTo(backend, "reset_plan")).toEqual([{ conference: null, date: "2025-07-26" }]));
    await waitFor(() => expect(screen.queryByTestId("plan-reset")).toBeNull());
    expect(screen.getByTestId("plan-reason-waic-hinton").textContent).toBe("Chosen over “Everyone's AI: MiniMax keynote” (Want).");
  });

  test("a suggestion can be bookmarked as a maybe", async () => {
    const backend = await startBackend();
    render(<PlanDay date="2025-07-26" />);
    fireEvent.click(await screen.findByTestId("plan-suggest-bookmark-waic-schmidt-shum"));
    await waitFor(() => expect(callsTo(backend, "set_bookmark")).toEqual([
      { change: { conference: "waic-2025", kind: "session", key: "waic-schmidt-shum", priority: "maybe" } },
    ]));
    // Now bookmarked, it is planned rather than suggested.
    await screen.findByTestId("plan-item-waic-schmidt-shum");
    expect(screen.queryByTestId("plan-suggestion-waic-schmidt-shum")).toBeNull();
  });

  test("without a day it plans the first day with bookmarks, shows walks, and says when the map is missing", async () => {
    const backend = await startBackend();
    backend.state.bookmarks = backend.state.bookmarks.filter((b) => !["waic-hinton", "waic-yan"].includes(b.key));
    const { unmount } = render(<PlanDay />);
    await screen.findByTestId("plan-chosen");
    expect(screen.getByTestId("view-plan").dataset.day).toBe("2025-07-27");
    expect(screen.getByRole("tab", { selected: true }).dataset.day).toBe("2025-07-27");
    // From the West Bank to the Expo halls: 40 minutes across the river plus the walks either side.
    expect(screen.getByTestId("plan-walk-waic-robots").textContent).toContain("42 min walk");
    expect(screen.queryByTestId("plan-walk-waic-nova")).toBeNull();
    unmount();

    delete backend.state.venueMaps["waic-2025"];
    render(<PlanDay date="2025-07-27" />);
    expect((await screen.findByTestId("plan-walks-unknown")).textContent).toContain("no venue map");
    expect(screen.queryByTestId("plan-walk-waic-robots")).toBeNull();
  });

  test("#/plan/<day> opens that day's plan; the day tabs and the sidebar lead there", async () => {
    expect(parseHash("#/plan/2025-07-27")).toEqual({ view: "plan", key: "2025-07-27" });
    expect(parseHash("#/route")).toEqual({ view: "route" });
    location.hash = "#/plan/2025-07-27";
    await startBackend();
    render(<App />);
    await screen.findByTestId("plan-item-waic-nova");
    expect(screen.getByTestId("nav-plan").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("nav-route").getAttribute("href")).toBe("#/route");
    fireEvent.click(screen.getAllByTestId("day-tab").find((d) => d.dataset.day === "2025-07-26")!);
    await screen.findByTestId("plan-item-waic-hinton");
    expect(location.hash).toBe("#/plan/2025-07-26");
    expect(route.value).toEqual({ view: "plan", key: "2025-07-26" });
    expect(screen.queryByTestId("plan-item-waic-nova")).toBeNull();
  });

  test("Print or save as PDF calls the print dialog; the printout names the day, the conference and illustrative walks", async () => {
    const backend = await startBackend();
    addWestBankSession(backend);
    // happy-dom has no print dialog: stand one in.
    const print = vi.fn();
    Object.defineProperty(window, "print", { configurable: true, writable: true, value: print });
    try {
      render(<PlanDay date="2025-07-26" />);
      fireEvent.click(await screen.findByTestId("plan-print"));
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      delete (window as { print?: unknown }).print;
    }
    // Print-only lines (hidden on screen by the stylesheet).
    const heading = screen.getByTestId("plan-print-heading");
    expect(heading.classList.contains("print-only")).toBe(true);
    expect(heading.textContent).toBe("Saturday, 26 July 2025 · World Artificial Intelligence Conference 2025");
    const note = screen.getByTestId("plan-print-illustrative");
    expect(note.classList.contains("print-only")).toBe(true);
    expect(note.textContent).toBe("* Walking times are illustrative: the venue layout is not from the organisers.");
  });

  test("Save as PDF asks where, writes the day's plan there, and says so only once it is saved", async () => {
    const backend = await startBackend();
    render(<PlanDay date="2025-07-26" />);
    fireEvent.click(await screen.findByTestId("plan-pdf"));
    await waitFor(() => expect(callsTo(backend, "export_plan_pdf")).toHaveLength(1));
    expect(callsTo(backend, "export_plan_pdf")[0]).toEqual({
      conference: null,
      date: "2025-07-26",
      path: "/home/me/waic-2025-plan-2025-07-26.pdf",
    });
    await waitFor(() => expect(screen.getByTestId("plan-status").textContent).toBe("Saved the day plan as a PDF."));
  });

  test("without walks to show, the printout has no footnote on them; with nothing planned there is nothing to print", async () => {
    const backend = await startBackend();
    delete backend.state.venueMaps["waic-2025"];
    const { unmount } = render(<PlanDay date="2025-07-26" />);
    await screen.findByTestId("plan-chosen");
    expect(screen.queryByTestId("plan-print-illustrative")).toBeNull();
    expect((screen.getByTestId("plan-print") as HTMLButtonElement).disabled).toBe(false);
    unmount();
    render(<PlanDay date="2025-07-28" />);
    await screen.findByTestId("empty-state");
    expect((screen.getByTestId("plan-print") as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId("share-open-day") as HTMLButtonElement).disabled).toBe(true);
  });

  test("a day with nothing bookmarked says so", async () => {
    await startBackend();
    render(<PlanDay date="2025-07-28" />);
    expect((await screen.findByTestId("empty-state")).textContent).toContain("Nothing bookmarked on this day.");
    expect(screen.getByTestId("plan-accept").hasAttribute("disabled")).toBe(true);
  });
});
