import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { SessionDetail } from "./SessionDetail";

describe("session detail", () => {
  test("bookmarking calls set_bookmark with the conference, kind, key, priority and note", async () => {
    const backend = await startBackend();
    render(<SessionDetail sessionKey="waic-schmidt-shum" />);
    await screen.findByTestId("session-detail");
    expect(screen.queryByTestId("bookmark-remove")).toBeNull();

    fireEvent.click(screen.getByTestId("bookmark-priority-must"));
    await waitFor(() => expect(callsTo(backend, "set_bookmark")).toHaveLength(1));
    expect(callsTo(backend, "set_bookmark")[0]).toEqual({
      change: { conference: "waic-2025", kind: "session", key: "waic-schmidt-shum", priority: "must", note: "" },
    });

    fireEvent.input(screen.getByTestId("bookmark-note"), { target: { value: "Ask about open source 开源" } });
    fireEvent.click(screen.getByTestId("bookmark-save"));
    await waitFor(() => expect(callsTo(backend, "set_bookmark")).toHaveLength(2));
    expect(callsTo(backend, "set_bookmark")[1]).toEqual({
      change: { conference: "waic-2025", kind: "session", key: "waic-schmidt-shum", priority: "must", note: "Ask about open source 开源" },
    });

    fireEvent.click(await screen.findByTestId("bookmark-remove"));
    await waitFor(() =>
      expect(callsTo(backend, "remove_bookmark")).toEqual([{ conference: "waic-2025", kind: "session", key: "waic-schmidt-shum" }]),
    );
  });

  test("shows both titles, sanitised HTML, illustrative fields, sources and overlapping bookmarks", async () => {
    await startBackend();
    render(<SessionDetail sessionKey="waic-hinton" />);
    await screen.findByTestId("session-detail");
    expect(screen.getByTestId("session-other-title").textContent).toBe("数字智能会取代生物智能吗？");
    expect(screen.getByTestId("session-description").querySelector("em")?.textContent).toBe("Shanghai Consensus");
    expect(screen.getByTestId("illustrative-marker").textContent).toContain("start time, end time, room");
    expect(screen.getAllByTestId("source-link")[0]?.getAttribute("href")).toBe("https://eu.36kr.com/en/p/3397425411868809");
    const overlaps = await screen.findByTestId("session-overlaps");
    expect(overlaps.textContent).toContain("Everyone's AI: MiniMax keynote");
  });

  test("links in the description open through the opener, never in the webview", async () => {
    const backend = await startBackend();
    render(<SessionDetail sessionKey="waic-hinton" />);
    const link = (await screen.findByTestId("session-description")).querySelector("a")!;
    const event = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(callsTo(backend, "plugin:opener|open_url")[0]).toMatchObject({ url: "https://eu.36kr.com/en/p/3397425411868809" }));
  });

  test("Add to calendar asks where to save, then exports the session", async () => {
    const backend = await startBackend();
    render(<SessionDetail sessionKey="waic-hinton" />);
    fireEvent.click(await screen.findByTestId("session-add-calendar"));
    await waitFor(() => expect(callsTo(backend, "export_session_ics")).toHaveLength(1));
    expect(callsTo(backend, "export_session_ics")[0]).toEqual({
      conference: "waic-2025",
      key: "waic-hinton",
      path: "/home/me/Will Digital Intelligence Replace Biological Intelligence.ics",
    });
    expect((await screen.findByTestId("session-export-status")).textContent).toContain("Saved to /home/me/");
  });
});
