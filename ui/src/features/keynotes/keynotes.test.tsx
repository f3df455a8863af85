import { render, screen } from "@testing-library/preact";
import { expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { Keynotes } from "./Keynotes";

test("keynotes show speaker, summary and full text of every keynote", async () => {
  const backend = await startBackend();
  render(<Keynotes />);
  const keynotes = await screen.findAllByTestId("keynote");
  expect(callsTo(backend, "sessions")).toEqual([{ filter: { kind: "keynote" } }]);
  expect(keynotes.map((k) => k.dataset.key)).toEqual(["waic-hinton", "waic-yan"]);
  expect(screen.getAllByTestId("keynote-speakers").map((s) => s.textContent)).toEqual(["Geoffrey Hinton", "Yan Junjie 闫俊杰"]);
  expect(screen.getAllByTestId("keynote-summary")[0]!.textContent).toBe("His first public speech in China.");
  expect(screen.getAllByTestId("keynote-text")[0]!.querySelector("em")?.textContent).toBe("Shanghai Consensus");
  expect(screen.getAllByTestId("keynote-toc-link")).toHaveLength(2);
});
