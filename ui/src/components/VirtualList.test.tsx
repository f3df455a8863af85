import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { VirtualList, visibleRange } from "./VirtualList";
import "../test/backend";

const items = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, title: `Session ${i}` }));

function List() {
  return (
    <VirtualList
      items={items}
      rowHeight={50}
      getKey={(x) => x.key}
      label="Sessions"
      testId="list"
      renderRow={(x, _i, tabIndex) => <a href={`#${x.key}`} tabIndex={tabIndex}>{x.title}</a>}
    />
  );
}

describe("VirtualList", () => {
  test("puts only the rows in view (plus overscan) in the DOM", () => {
    render(<List />);
    const rows = screen.getByTestId("list").querySelectorAll("[role=listitem]");
    // 600 px fallback viewport / 50 px rows = 12 visible, + 6 overscan below.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThanOrEqual(12 + 2 * 6);
    expect(rows[0]?.getAttribute("aria-setsize")).toBe("10000");
  });

  test("scrolling renders the rows at the new position", () => {
    render(<List />);
    const list = screen.getByTestId("list");
    list.scrollTop = 50 * 5000;
    fireEvent.scroll(list);
    expect(screen.getByText("Session 5000")).toBeTruthy();
    expect(screen.queryByText("Session 0")).toBeNull();
    expect(list.querySelectorAll("[role=listitem]").length).toBeLessThanOrEqual(24);
  });

  test("arrow keys and End move focus through rows, keeping one tab stop", () => {
    render(<List />);
    const first = screen.getByText("Session 0");
    expect(first.tabIndex).toBe(0);
    expect(screen.getByText("Session 1").tabIndex).toBe(-1);
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toBe("Session 1");
    fireEvent.keyDown(document.activeElement!, { key: "End" });
    expect(document.activeElement?.textContent).toBe("Session 9999");
    expect(screen.queryByText("Session 0")).toBeNull();
  });

  test("tabbing into a list scrolled away from its active row focuses the first row in view", async () => {
    render(<List />);
    const list = screen.getByTestId("list");
    list.scrollTop = 50 * 3000;
    fireEvent.scroll(list);
    expect(list.tabIndex).toBe(0); // the active row (0) is gone, so the list itself is the tab stop
    list.focus();
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Session 3000"));
  });

  test("visibleRange clamps at both ends", () => {
    expect(visibleRange(0, 600, 50, 5, 6)).toEqual({ first: 0, last: 5 });
    expect(visibleRange(10_000, 600, 50, 1000, 2)).toEqual({ first: 198, last: 214 });
  });
});
