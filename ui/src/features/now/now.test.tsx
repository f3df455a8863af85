import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, expect, test } from "vitest";
import { sessionsFixture } from "../../mocks/fixtures";
import { instant } from "../../lib/time";
import { startBackend } from "../../test/backend";
import { chosenTime, NowNext, splitNowNext } from "./NowNext";

afterEach(() => (chosenTime.value = null));

test("splitNowNext: on now, and what starts next", () => {
  const at = instant("2025-07-26T10:35:00+08:00");
  const { now, next } = splitNowNext(sessionsFixture(), at);
  expect(now.map((s) => s.key)).toEqual(["waic-hinton", "waic-yan"]);
  expect(next.map((s) => s.key)).toEqual(["waic-schmidt-shum"]);
});

test("a chosen time (in conference time) shows what is on then", async () => {
  await startBackend();
  render(<NowNext />);
  const input = (await screen.findByTestId("now-time-input")) as HTMLInputElement;
  fireEvent.change(input, { target: { value: "2025-07-26T09:15" } });
  await waitFor(() => expect(screen.getByTestId("now-list").textContent).toContain("Opening Ceremony"));
  expect([...screen.getByTestId("next-list").querySelectorAll("[data-testid=session-row]")].map((r) => (r as HTMLElement).dataset.key)).toEqual(["waic-hinton", "waic-yan"]);
  fireEvent.click(screen.getByTestId("now-reset"));
  expect(chosenTime.value).toBeNull();
});

test("outside the conference it offers to jump to the first day", async () => {
  await startBackend();
  render(<NowNext />);
  fireEvent.click(await screen.findByTestId("now-jump"));
  await waitFor(() => expect(screen.getByTestId("now-list").textContent).toContain("Will Digital Intelligence"));
});
