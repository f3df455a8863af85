import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { AgendaView } from "./Agenda";

test("the agenda flags overlapping sessions and shows gaps, exhibitors and orphans", async () => {
  const backend = await startBackend();
  // Add a third session later that day, leaving a gap after the keynotes.
  backend.state.bookmarks.push({ ...backend.state.bookmarks[0]!, key: "waic-schmidt-shum", title: "Dialogue", priority: "maybe" });
  render(<AgendaView />);
  await screen.findAllByTestId("agenda-item");
  const day1 = screen.getAllByTestId("agenda-day")[0]!;
  const items = within(day1).getAllByTestId("agenda-item");
  expect(items.map((i) => i.dataset.key)).toEqual(["waic-hinton", "waic-yan", "waic-schmidt-shum"]);
  expect(screen.getAllByTestId("agenda-day").map((d) => d.dataset.day)).toEqual(["2025-07-26", "2025-07-27"]);
  const flags = screen.getAllByTestId("overlap-flag");
  expect(flags).toHaveLength(2);
  expect(within(items[0]!).getByTestId("overlap-flag").textContent).toContain("Everyone's AI: MiniMax keynote");
  expect(within(items[2]!).queryByTestId("overlap-flag")).toBeNull();
  expect(screen.getByTestId("agenda-overlap-count").textContent).toContain("1");
  expect(within(day1).getByTestId("agenda-gap").textContent).toContain("11:00–14:00");
  expect(screen.getAllByTestId("agenda-gap").map((g) => g.textContent)).toEqual(["11:00–14:00 free (180 min)", "12:00–13:30 free (90 min)"]);
  expect(screen.getByTestId("agenda-note").textContent).toBe("Bring questions on AI for maths 数学之问");
  expect(screen.getByTestId("agenda-exhibitor").dataset.key).toBe("e-unitree");
  expect(screen.getByTestId("agenda-orphan").textContent).toContain("Youth forum");

  fireEvent.click(screen.getByTestId("agenda-export"));
  await waitFor(() => expect(callsTo(backend, "export_agenda_ics")).toHaveLength(1));
  expect(callsTo(backend, "export_agenda_ics")[0]).toMatchObject({ conference: null, path: expect.stringMatching(/\.ics$/) });
});

test("an empty agenda says so", async () => {
  const backend = await startBackend();
  backend.state.bookmarks.length = 0;
  render(<AgendaView />);
  expect((await screen.findByTestId("empty-state")).textContent).toContain("Nothing bookmarked yet.");
});

test("the agenda flags sessions too far to walk between, shows plan marks and links each day to its plan", async () => {
  const backend = await startBackend();
  // A talk across the river ten minutes after the MiniMax keynote ends.
  const nova = backend.state.sessions.find((s) => s.key === "waic-nova")!;
  backend.state.sessions.push({
    ...nova, key: "waic-westbank", title: "Lunch talk by the river", day: "2025-07-26",
    start: "2025-07-26T11:10:00+08:00", end: "2025-07-26T12:00:00+08:00", duration_minutes: 50,
  });
  backend.state.bookmarks.push({ ...backend.state.bookmarks[0]!, key: "waic-westbank", title: "Lunch talk by the river", priority: "want" });
  backend.state.bookmarks.find((b) => b.key === "waic-yan")!.plan = "out";
  backend.state.bookmarks.find((b) => b.key === "waic-hinton")!.plan = "in";
  render(<AgendaView />);
  const flag = await screen.findByTestId("too-far-flag-waic-westbank");
  expect(flag.textContent).toBe(
    "⚠ Can't make it from “Will Digital Intelligence Replace Biological Intelligence?”: the walk takes 42 min, 30 min between (walk illustrative)" +
      " · Can't make it from “Everyone's AI: MiniMax keynote”: the walk takes 43 min, 10 min between (walk illustrative)",
  );
  expect(screen.getByTestId("too-far-flag-waic-yan").textContent).toContain("Can't make it to “Lunch talk by the river”: the walk takes 43 min, 10 min between");
  // Overlapping sessions are not "too far": they clash anyway.
  expect(screen.queryByTestId("too-far-flag-waic-nova")).toBeNull();
  const badge = (key: string) => screen.getAllByTestId("agenda-item").find((i) => i.dataset.key === key)!.querySelector("[data-testid=plan-mark-badge]");
  expect(badge("waic-hinton")?.textContent).toBe("In plan");
  expect(badge("waic-yan")?.textContent).toBe("Skipped");
  expect(badge("waic-westbank")).toBeNull();
  expect(screen.getByTestId("plan-day-2025-07-26").getAttribute("href")).toBe("#/plan/2025-07-26");
  expect(screen.getByTestId("plan-day-2025-07-27").textContent).toBe("Plan this day");
});
