import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import { startBackend } from "../../test/backend";
import { SpeakerDetail, Speakers } from "./Speakers";

test("the speaker list filters by name, other name or affiliation", async () => {
  await startBackend();
  render(<Speakers />);
  await screen.findByTestId("speaker-list");
  fireEvent.input(screen.getByTestId("speakers-filter"), { target: { value: "沈向洋" } });
  await waitFor(() => expect(screen.getAllByTestId("speaker-row").map((r) => r.dataset.key)).toEqual(["p-shum"]));
  fireEvent.input(screen.getByTestId("speakers-filter"), { target: { value: "minimax" } });
  await waitFor(() => expect(screen.getAllByTestId("speaker-row").map((r) => r.dataset.key)).toEqual(["p-yan"]));
});

test("a speaker's page shows the bio and their sessions", async () => {
  await startBackend();
  render(<SpeakerDetail personKey="p-hinton" />);
  expect((await screen.findByTestId("speaker-bio")).textContent).toContain("Turing Award");
  expect([...screen.getByTestId("speaker-sessions").querySelectorAll("[data-testid=session-row]")].map((r) => (r as HTMLElement).dataset.key)).toEqual(["waic-hinton"]);
});
