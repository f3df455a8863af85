import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import type { SearchHit } from "../../ipc/bindings";
import { searchOpen } from "../../state/app";
import { route } from "../../state/router";
import { callsTo, startBackend } from "../../test/backend";
import { App } from "../shell/App";
import { Highlighted, SearchDialog } from "./SearchDialog";

const hit = (label: string, highlights: [number, number][], entity: SearchHit["entity"] = "session", key = label): SearchHit => ({
  entity, key, label, other_label: null, detail: null, start: null, highlights, rank: 0,
});

describe("search dialog", () => {
  test("Ctrl+K opens it; arrows move; Enter opens the result; Esc closes", async () => {
    await startBackend();
    render(<App />);
    await screen.findByTestId("app-ready");
    fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    const input = await screen.findByTestId("search-input");
    expect(document.activeElement).toBe(input);

    fireEvent.input(input, { target: { value: "robot" } });
    await waitFor(() => expect(screen.getAllByTestId("search-result").length).toBeGreaterThan(1));
    const results = screen.getAllByTestId("search-result");
    // Grouped: sessions, then exhibitors, then products.
    expect(results.map((r) => r.dataset.entity)).toEqual(["session", "exhibitor"]);
    expect(results[0]!.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(results[1]!.getAttribute("aria-selected")).toBe("true");
    expect(input.getAttribute("aria-activedescendant")).toBe(results[1]!.id);
    fireEvent.keyDown(input, { key: "ArrowDown" }); // wraps
    expect(results[0]!.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "ArrowUp" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(screen.queryByTestId("search-dialog")).toBeNull();
    expect(route.value).toEqual({ view: "exhibitor", key: "e-unitree" });

    fireEvent.keyDown(document.body, { key: "/" });
    await screen.findByTestId("search-dialog");
    fireEvent.keyDown(screen.getByTestId("search-input"), { key: "Escape" });
    expect(screen.queryByTestId("search-dialog")).toBeNull();
  });

  test("finds Chinese text and marks the matched characters", async () => {
    await startBackend();
    searchOpen.value = true;
    render(<SearchDialog />);
    fireEvent.input(screen.getByTestId("search-input"), { target: { value: "宇树" } });
    const result = await screen.findByTestId("search-result");
    expect(result.dataset.key).toBe("e-unitree");
    expect(screen.getByTestId("search-group-exhibitor")).toBeTruthy();
  });

  test("a slow answer to an older query never replaces a newer one", async () => {
    const pending: Record<string, (hits: SearchHit[]) => void> = {};
    await startBackend({
      search: ({ query }) => new Promise<SearchHit[]>((resolve) => (pending[query.text] = resolve)),
    });
    searchOpen.value = true;
    render(<SearchDialog />);
    const input = screen.getByTestId("search-input");
    fireEvent.input(input, { target: { value: "hin" } });
    await waitFor(() => expect(pending.hin).toBeDefined());
    fireEvent.input(input, { target: { value: "hinton" } });
    await waitFor(() => expect(pending.hinton).toBeDefined());
    pending.hinton!([hit("Geoffrey Hinton", [[9, 15]], "person", "p-hinton")]);
    await screen.findByText("Hinton");
    pending.hin!([hit("Hindi track", [[0, 3]])]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getAllByTestId("search-result").map((r) => r.dataset.key)).toEqual(["p-hinton"]);
  });

  test("records search:keystroke and search:painted marks", async () => {
    await startBackend();
    performance.clearMarks();
    searchOpen.value = true;
    render(<SearchDialog />);
    fireEvent.input(screen.getByTestId("search-input"), { target: { value: "Hinton" } });
    await screen.findAllByTestId("search-result");
    await waitFor(() => expect(performance.getEntriesByName("search:painted")).toHaveLength(1));
    expect(performance.getEntriesByName("search:keystroke")).toHaveLength(1);
  });

  test("a keystroke asks for its results at once, not after the frame that shows the letter", async () => {
    const backend = await startBackend();
    searchOpen.value = true;
    render(<SearchDialog />);
    const input = screen.getByTestId("search-input") as HTMLInputElement;
    input.value = "robot";
    // Dispatched directly, not through fireEvent, whose act() would run pending effects too.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // Synchronously: an effect would have waited for the next animation frame.
    expect(callsTo(backend, "search")).toEqual([{ query: { text: "robot", entities: [], limit: 60 } }]);
    await screen.findAllByTestId("search-result");
  });

  test("a letter typed as the dialog opens is searched after the text left in the box", async () => {
    await startBackend({ search: ({ query }) => [hit(`${query.text} result`, [[0, query.text.length]])] });
    render(<SearchDialog />);
    // Opened outside act(), so its effects are still pending when the letter comes.
    searchOpen.value = true;
    for (let i = 0; i < 10 && !document.querySelector("[data-testid=search-input]"); i++) await Promise.resolve();
    const input = document.querySelector("[data-testid=search-input]") as HTMLInputElement;
    input.value = "robot";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await waitFor(() => expect(screen.getByTestId("search-result").dataset.key).toBe("robot result"));
  });

  test("each keystroke searches once, and reopening searches the text left in the box once", async () => {
    const sent: string[] = [];
    await startBackend({
      search: ({ query }) => {
        sent.push(query.text);
        return [hit(`${query.text} result`, [[0, query.text.length]])];
      },
    });
    searchOpen.value = true;
    render(<SearchDialog />);
    const input = screen.getByTestId("search-input");
    fireEvent.input(input, { target: { value: "r" } });
    fireEvent.input(input, { target: { value: "ro" } });
    await waitFor(() => expect(screen.getByTestId("search-result").dataset.key).toBe("ro result"));
    expect(sent).toEqual(["r", "ro"]);
    searchOpen.value = false;
    await waitFor(() => expect(screen.queryByTestId("search-dialog")).toBeNull());
    searchOpen.value = true;
    await screen.findByTestId("search-dialog");
    await waitFor(() => expect(sent).toEqual(["r", "ro", "ro"]));
    await waitFor(() => expect(performance.getEntriesByName("search:painted").length).toBeGreaterThan(0));
  });
});

describe("highlights", () => {
  test("render <mark> around character ranges, astral characters intact", () => {
    const { container } = render(<Highlighted label="𠮷野家 AI 机器人" ranges={[[1, 3], [7, 10]]} />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["野家", "机器人"]);
    expect(container.textContent).toBe("𠮷野家 AI 机器人");
  });
});
