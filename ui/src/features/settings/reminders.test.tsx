import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { Reminders } from "./Reminders";
import { Settings } from "./Settings";
import type { ReminderDefaults } from "../../ipc/bindings";

const select = (priority: string) => screen.getByTestId(`setting-reminder-${priority}`) as HTMLSelectElement;

test("loads the defaults per priority and saves each change at once, none as null", async () => {
  const backend = await startBackend();
  render(<Settings />);
  const section = screen.getByTestId("setting-reminders");
  expect(section.textContent).toContain("desktop notifications, shown while Plenary runs");
  await screen.findByTestId("setting-reminder-must");
  expect([select("must").value, select("want").value, select("maybe").value]).toEqual(["15", "10", "none"]);
  expect([...select("maybe").options].map((o) => o.value)).toEqual(["none", "0", "5", "10", "15", "30", "60"]);

  fireEvent.change(select("maybe"), { target: { value: "5" } });
  await waitFor(() => expect(callsTo(backend, "set_reminder_defaults")).toHaveLength(1));
  expect(callsTo(backend, "set_reminder_defaults")[0]).toEqual({ defaults: { must: 15, want: 10, maybe: 5 } });
  fireEvent.change(select("must"), { target: { value: "none" } });
  await waitFor(() => expect(callsTo(backend, "set_reminder_defaults")).toHaveLength(2));
  expect(callsTo(backend, "set_reminder_defaults")[1]).toEqual({ defaults: { must: null, want: 10, maybe: 5 } });
  expect(backend.state.reminderDefaults).toEqual({ must: null, want: 10, maybe: 5 });
  await waitFor(() => expect(screen.getByTestId("reminders-status").textContent).toBe("Reminder defaults saved."));
  expect([select("must").value, select("want").value, select("maybe").value]).toEqual(["none", "10", "5"]);
});

test("a refused change shows core's error inline and keeps what is stored", async () => {
  await startBackend({ set_reminder_defaults: () => { throw { kind: "bad-request", message: "a reminder is at most a week before" }; } });
  render(<Reminders />);
  await screen.findByTestId("setting-reminder-want");
  fireEvent.change(select("want"), { target: { value: "30" } });
  expect((await screen.findByRole("alert")).textContent).toBe("bad-request: a reminder is at most a week before");
  expect(select("want").value).toBe("10");
  expect(screen.getByTestId("reminders-status").textContent).toBe("");
});

test("defaults that cannot be read show the error instead of the choices", async () => {
  await startBackend({ reminder_defaults: () => { throw { kind: "database", message: "database is locked" }; } });
  render(<Reminders />);
  expect((await screen.findByTestId("reminders-error")).textContent).toContain("database is locked");
  expect(screen.queryByTestId("setting-reminder-must")).toBeNull();
});

test("while the defaults load, each priority's row stands with a disabled Loading choice, not a Loading line", async () => {
  let answer: (d: ReminderDefaults) => void = () => {};
  const backend = await startBackend({ reminder_defaults: () => new Promise((resolve) => (answer = resolve)) });
  render(<Settings />);
  await waitFor(() => expect(callsTo(backend, "reminder_defaults")).toHaveLength(1));
  expect(screen.getByTestId("setting-reminders").getAttribute("aria-busy")).toBe("true");
  expect(screen.queryByTestId("loading")).toBeNull();
  const waiting = screen.getAllByTestId("setting-reminder-loading") as HTMLSelectElement[];
  expect(waiting).toHaveLength(3);
  expect(waiting.every((s) => s.disabled)).toBe(true);
  expect(screen.getByTestId("setting-reminders").textContent).toContain("Must");
  answer({ must: 15, want: 10, maybe: null });
  await screen.findByTestId("setting-reminder-must");
  expect(screen.queryAllByTestId("setting-reminder-loading")).toHaveLength(0);
  expect(screen.getByTestId("setting-reminders").getAttribute("aria-busy")).toBe("false");
  expect([select("must").value, select("want").value, select("maybe").value]).toEqual(["15", "10", "none"]);
});
