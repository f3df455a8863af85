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

  test("the reminder choice saves at once with the priority and note, and names the priority's default", async () => {
    const backend = await startBackend();
    render(<SessionDetail sessionKey="waic-hinton" />);
    const select = (await screen.findByTestId("bookmark-reminder")) as HTMLSelectElement;
    expect(select.value).toBe("default");
    await waitFor(() => expect(select.selectedOptions[0]?.textContent).toBe("Default for Must (15 min before)"));
    expect([...select.options].map((o) => o.value)).toEqual(["default", "off", "0", "5", "10", "15", "30", "60"]);

    fireEvent.input(screen.getByTestId("bookmark-note"), { target: { value: "Sit near the front" } });
    fireEvent.change(select, { target: { value: "15" } });
    await waitFor(() => expect(callsTo(backend, "set_bookmark")).toHaveLength(1));
    expect(callsTo(backend, "set_bookmark")[0]).toEqual({
      change: { conference: "waic-2025", kind: "session", key: "waic-hinton", priority: "must", note: "Sit near the front", reminder: { kind: "before", minutes: 15 } },
    });
    await waitFor(() => expect(screen.getByTestId("bookmark-status").textContent).toBe("Reminder saved."));

    fireEvent.change(select, { target: { value: "off" } });
    await waitFor(() => expect(callsTo(backend, "set_bookmark")).toHaveLength(2));
    expect(callsTo(backend, "set_bookmark")[1]).toMatchObject({ change: { priority: "must", reminder: { kind: "off" } } });
    expect(backend.state.bookmarks.find((b) => b.key === "waic-hinton")?.reminder).toEqual({ kind: "off" });
    await waitFor(() => expect(select.value).toBe("off"));
  });

  test("a session not bookmarked yet offers Want's default; without defaults it says so plainly", async () => {
    const backend = await startBackend({ reminder_defaults: () => { throw { kind: "database", message: "locked" }; } });
    render(<SessionDetail sessionKey="waic-schmidt-shum" />);
    const select = (await screen.findByTestId("bookmark-reminder")) as HTMLSelectElement;
    await waitFor(() => expect(callsTo(backend, "reminder_defaults")).toHaveLength(1));
    expect(select.selectedOptions[0]?.textContent).toBe("Default for this priority");
    fireEvent.change(select, { target: { value: "5" } });
    await waitFor(() => expect(callsTo(backend, "set_bookmark")[0]).toMatchObject({
      change: { key: "waic-schmidt-shum", priority: "want", note: "", reminder: { kind: "before", minutes: 5 } },
    }));
    expect(await screen.findByTestId("bookmark-remove")).toBeTruthy();
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
