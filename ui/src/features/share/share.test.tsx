import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { QrCode, ShareView } from "../../ipc/bindings";
import { WAIC } from "../../mocks/fixtures";
import { qrMatrix, readShareLink, shareLink } from "../../mocks/share";
import { callsTo, startBackend } from "../../test/backend";
import { AgendaView } from "../agenda/Agenda";
import { PlanDay } from "../plan/PlanDay";
import { BoothRouteView } from "../route/BoothRoute";
import { darkRuns, QUIET_ZONE } from "./QrSvg";

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
}

afterEach(() => {
  // Back to happy-dom's own clipboard (the stub is an own property shadowing its getter).
  delete (navigator as unknown as { clipboard?: unknown }).clipboard;
});

/** Opens the dialog from `testid` the way a keyboard user would: focus the button, press it. */
async function openShare(testid: string) {
  const opener = await screen.findByTestId(testid);
  await waitFor(() => expect((opener as HTMLButtonElement).disabled).toBe(false));
  opener.focus();
  fireEvent.click(opener);
  const dialog = await screen.findByTestId("share-dialog");
  await within(dialog).findByTestId("share-save");
  return { opener, dialog };
}

describe("share dialog", () => {
  test("from My agenda: the count, the link and its QR code, drawn from the matrix with a quiet zone", async () => {
    const backend = await startBackend();
    render(<AgendaView />);
    const { dialog } = await openShare("share-open-agenda");
    expect(callsTo(backend, "share")).toEqual([{ conference: null, scope: { kind: "agenda" } }]);
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.getElementById(dialog.getAttribute("aria-labelledby")!)?.textContent).toBe("Share your agenda");
    expect(screen.getByTestId("share-count").textContent).toBe("Shares 4 bookmarks with their priorities. Your notes are not included.");

    // The link names the conference and carries the four session bookmarks (not the exhibitor,
    // not the orphan), and no note.
    const link = (screen.getByTestId("share-link") as HTMLInputElement).value;
    expect(link).toMatch(/^plenary:\/\/share\?v=1&c=waic-2025&d=[A-Za-z0-9_-]+$/);
    expect(readShareLink(link).items.map((i) => `${i.key}:${i.priority}`)).toEqual([
      "waic-hinton:must", "waic-yan:want", "waic-nova:want", "waic-robots:maybe",
    ]);
    expect(within(screen.getByTestId("share-items")).getAllByRole("listitem")).toHaveLength(4);
    expect(dialog.textContent).not.toContain("数学之问");

    const qr = screen.getByTestId("share-qr");
    expect(qr.tagName.toLowerCase()).toBe("svg");
    expect(qr.getAttribute("role")).toBe("img");
    expect(qr.getAttribute("aria-label")).toContain("QR code");
    const code = qrMatrix(link)!;
    const size = code.width + 2 * QUIET_ZONE;
    expect(qr.getAttribute("viewBox")).toBe(`0 0 ${size} ${size}`);
    expect(qr.getAttribute("shape-rendering")).toBe("crispEdges");
    const rects = [...qr.querySelectorAll("rect.qr-dark")];
    const modules = rects.reduce((sum, r) => sum + Number(r.getAttribute("width")), 0);
    expect(modules).toBe(code.dark.filter(Boolean).length);
    expect(modules).toBeGreaterThan(code.width * code.width * 0.25);
    // Every dark module sits inside the quiet zone's frame.
    for (const r of rects) {
      const x = Number(r.getAttribute("x"));
      const y = Number(r.getAttribute("y"));
      expect(x).toBeGreaterThanOrEqual(QUIET_ZONE);
      expect(y).toBeGreaterThanOrEqual(QUIET_ZONE);
      expect(x + Number(r.getAttribute("width"))).toBeLessThanOrEqual(QUIET_ZONE + code.width);
      expect(y).toBeLessThan(QUIET_ZONE + code.width);
    }
    expect(screen.queryByTestId("share-ics")).toBeNull();
  });

  test("the QR code's rects are exactly the matrix's dark modules, runs merged, offset by the quiet zone", async () => {
    // Row by row: ##. / .## / #.#
    const qr: QrCode = { width: 3, dark: [true, true, false, false, true, true, true, false, true] };
    expect(darkRuns(qr)).toEqual([[0, 0, 2], [1, 1, 2], [0, 2, 1], [2, 2, 1]]);
    await startBackend({
      share: (): ShareView => ({
        share: { format: "plenary-share/1", conference: WAIC, items: [{ kind: "session", key: "waic-hinton", priority: "must", title: "Hinton" }] },
        link: "plenary://share?v=1&c=waic-2025&d=cz09d2FpYy1oaW50b24",
        qr,
      }),
    });
    render(<AgendaView />);
    await openShare("share-open-agenda");
    const svg = screen.getByTestId("share-qr");
    expect(svg.getAttribute("viewBox")).toBe("0 0 11 11");
    expect([...svg.querySelectorAll("rect.qr-dark")].map((r) => ["x", "y", "width", "height"].map((a) => r.getAttribute(a)).join(" "))).toEqual([
      "4 4 2 1", "5 5 2 1", "4 6 1 1", "6 6 1 1",
    ]);
    expect(svg.querySelector("rect.qr-light")?.getAttribute("width")).toBe("11");
    expect(screen.getByTestId("share-count").textContent).toBe("Shares 1 bookmark with its priority. Your notes are not included.");
  });

  test("a list too long for a QR code says to save a file instead", async () => {
    await startBackend({
      share: (): ShareView => ({
        share: { format: "plenary-share/1", conference: WAIC, items: [{ kind: "session", key: "waic-hinton", priority: "must", title: "Hinton" }] },
        link: `plenary://share?v=1&c=waic-2025&d=${"A".repeat(4000)}`,
        qr: null,
      }),
    });
    render(<AgendaView />);
    await openShare("share-open-agenda");
    expect(screen.queryByTestId("share-qr")).toBeNull();
    expect(screen.getByTestId("share-qr-too-long").textContent).toContain("too long for a QR code");
    expect(screen.getByTestId("share-qr-too-long").textContent).toContain("save it as a file");
  });

  test("Copy writes the link to the clipboard and says so; a refusal is shown", async () => {
    await startBackend();
    const writeText = vi.fn(async (_text: string) => {});
    stubClipboard(writeText);
    render(<AgendaView />);
    await openShare("share-open-agenda");
    const link = (screen.getByTestId("share-link") as HTMLInputElement).value;
    fireEvent.click(screen.getByTestId("share-copy"));
    await waitFor(() => expect(screen.getByTestId("share-result").textContent).toBe("Copied the link."));
    expect(writeText).toHaveBeenCalledWith(link);

    stubClipboard(async () => {
      throw new Error("Write permission denied");
    });
    fireEvent.click(screen.getByTestId("share-copy"));
    await waitFor(() => expect(screen.getByTestId("share-result").textContent).toContain("Could not copy the link (Write permission denied)"));
    expect(document.activeElement).toBe(screen.getByTestId("share-link"));
  });

  test("Save as file asks where with a .json filter and a default name, then writes the share there", async () => {
    const backend = await startBackend();
    render(<AgendaView />);
    await openShare("share-open-agenda");
    fireEvent.click(screen.getByTestId("share-save"));
    await waitFor(() => expect(screen.getByTestId("share-result").textContent).toBe(
      "Saved 4 bookmarks to /home/me/waic-2025-agenda.plenary-share.json.",
    ));
    const dialog = callsTo(backend, "plugin:dialog|save")[0]!.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(dialog.defaultPath).toBe("waic-2025-agenda.plenary-share.json");
    expect(dialog.filters).toEqual([{ name: "Plenary share", extensions: ["json"] }]);
    expect(callsTo(backend, "write_share")).toEqual([
      { conference: null, scope: { kind: "agenda" }, path: "/home/me/waic-2025-agenda.plenary-share.json" },
    ]);
  });

  test("a cancelled save writes nothing; a failed write shows core's error", async () => {
    const backend = await startBackend({
      "plugin:dialog|save": () => null,
    });
    render(<BoothRouteView />);
    await openShare("share-open-booths");
    expect(callsTo(backend, "share")).toEqual([{ conference: null, scope: { kind: "booths" } }]);
    expect(screen.getByTestId("share-count").textContent).toContain("Shares 1 bookmark");
    expect(readShareLink((screen.getByTestId("share-link") as HTMLInputElement).value).items).toEqual([
      { kind: "exhibitor", key: "e-unitree", priority: "want", title: "" },
    ]);
    fireEvent.click(screen.getByTestId("share-save"));
    await waitFor(() => expect((screen.getByTestId("share-save") as HTMLButtonElement).disabled).toBe(false));
    expect(callsTo(backend, "write_share")).toEqual([]);
    expect(screen.getByTestId("share-result").textContent).toBe("");

    await startBackend({
      "plugin:dialog|save": () => "/read-only/booths.json",
      write_share: () => {
        throw { kind: "io", message: "/read-only/booths.json: Permission denied (os error 13)" };
      },
    });
    fireEvent.click(screen.getByTestId("share-save"));
    expect((await screen.findByTestId("share-error")).textContent).toBe("io: /read-only/booths.json: Permission denied (os error 13)");
  });

  test("a day's plan shares what the plan keeps, and saves it as iCalendar", async () => {
    const backend = await startBackend();
    render(<PlanDay date="2025-07-26" />);
    const { dialog } = await openShare("share-open-day");
    expect(callsTo(backend, "share")).toEqual([{ conference: null, scope: { kind: "day", date: "2025-07-26" } }]);
    expect(within(dialog).getByRole("heading").textContent).toContain("Share your plan for");
    expect(within(dialog).getByRole("heading").textContent).toContain("26");
    // The keynote the plan keeps; not the one it leaves out.
    expect(screen.getByTestId("share-count").textContent).toContain("Shares 1 bookmark");
    expect(readShareLink((screen.getByTestId("share-link") as HTMLInputElement).value).items.map((i) => i.key)).toEqual(["waic-hinton"]);

    fireEvent.click(screen.getByTestId("share-ics"));
    await waitFor(() => expect(screen.getByTestId("share-result").textContent).toBe("Saved to /home/me/waic-2025-plan-2025-07-26.ics"));
    const options = callsTo(backend, "plugin:dialog|save")[0]!.options as { filters: { extensions: string[] }[] };
    expect(options.filters[0]!.extensions).toEqual(["ics"]);
    expect(callsTo(backend, "export_plan_ics")).toEqual([
      { conference: null, date: "2025-07-26", path: "/home/me/waic-2025-plan-2025-07-26.ics" },
    ]);

    fireEvent.click(screen.getByTestId("share-save"));
    await waitFor(() => expect(callsTo(backend, "write_share")).toEqual([
      { conference: null, scope: { kind: "day", date: "2025-07-26" }, path: "/home/me/waic-2025-plan-2025-07-26.plenary-share.json" },
    ]));
  });

  test("Esc closes the dialog and the focus goes back to the button that opened it; so does Close", async () => {
    await startBackend();
    render(<AgendaView />);
    const { opener, dialog } = await openShare("share-open-agenda");
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(screen.getByTestId("share-link"), { key: "Escape" });
    expect(screen.queryByTestId("share-dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);

    await openShare("share-open-agenda");
    fireEvent.click(screen.getByTestId("share-close"));
    expect(screen.queryByTestId("share-dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  test("Tab stays inside the dialog", async () => {
    await startBackend();
    render(<AgendaView />);
    const { dialog } = await openShare("share-open-agenda");
    const close = screen.getByTestId("share-close");
    close.focus();
    fireEvent.keyDown(close, { key: "Tab" });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(close);
    fireEvent.keyDown(document.activeElement!, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(close);
  });

  test("nothing to share: the buttons that open the dialog are disabled", async () => {
    const backend = await startBackend();
    backend.state.bookmarks.length = 0;
    render(<AgendaView />);
    await screen.findByTestId("empty-state");
    expect((screen.getByTestId("share-open-agenda") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("merging a shared list", () => {
  const friend = () =>
    shareLink({
      format: "plenary-share/1",
      conference: WAIC,
      items: [
        { kind: "session", key: "waic-schmidt-shum", priority: "want", title: "" },
        { kind: "session", key: "waic-hinton", priority: "maybe", title: "" },
        { kind: "session", key: "waic-gone", priority: "must", title: "" },
      ],
    });

  test("a pasted link is merged: new bookmarks appear, existing ones stay, unknown keys are named", async () => {
    const backend = await startBackend();
    render(<AgendaView />);
    await screen.findAllByTestId("agenda-item");
    const go = screen.getByTestId("merge-link-go") as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    const input = screen.getByTestId("merge-link-input");
    fireEvent.input(input, { target: { value: "   " } });
    expect(go.disabled).toBe(true);
    fireEvent.input(input, { target: { value: ` ${friend()}\n` } });
    expect(go.disabled).toBe(false);
    // Enter in the field submits the form.
    fireEvent.submit(input.closest("form")!);

    const report = screen.getByTestId("merge-report");
    await waitFor(() => expect(within(report).getByTestId("merge-counts").textContent).toBe("Added 1, already yours 1 (left as they were)."));
    expect(within(report).getByTestId("merge-unknown").textContent).toBe("Not in this programme: waic-gone.");
    expect(callsTo(backend, "merge_share_link")).toEqual([{ link: friend() }]);
    // The agenda reloaded with the new bookmark; the keynote kept its own priority.
    await waitFor(() => expect(screen.getAllByTestId("agenda-item").map((i) => i.dataset.key)).toContain("waic-schmidt-shum"));
    expect(backend.state.bookmarks.find((b) => b.key === "waic-hinton")?.priority).toBe("must");
    expect((input as HTMLInputElement).value).toBe("");
  });

  test("text that is not a share link, or a share for a conference not here, shows core's message", async () => {
    const backend = await startBackend();
    render(<AgendaView />);
    const input = screen.getByTestId("merge-link-input");
    fireEvent.input(input, { target: { value: "hello" } });
    fireEvent.click(screen.getByTestId("merge-link-go"));
    const error = await screen.findByTestId("merge-error");
    expect(screen.getByTestId("merge-report").contains(error)).toBe(true);
    expect(error.textContent).toContain("bad-request");
    expect(error.textContent).toContain("not a Plenary share link: it should start with");
    expect(backend.state.bookmarks).toHaveLength(6);

    fireEvent.input(input, { target: { value: shareLink({ format: "plenary-share/1", conference: "fosdem-2026", items: [] }) } });
    fireEvent.click(screen.getByTestId("merge-link-go"));
    await waitFor(() => expect(screen.getByTestId("merge-error").textContent).toContain("import its programme first"));
    expect((input as HTMLInputElement).value).toContain("fosdem-2026");
  });

  test("a share file is opened with a .json filter and merged", async () => {
    const backend = await startBackend({ "plugin:dialog|open": () => "/home/me/friend.plenary-share.json" });
    render(<AgendaView />);
    fireEvent.click(screen.getByTestId("merge-file"));
    await waitFor(() => expect(screen.getByTestId("merge-counts").textContent).toBe("Added 2, already yours 1 (left as they were)."));
    expect(screen.getByTestId("merge-unknown").textContent).toBe("Not in this programme: waic-2024-closing.");
    expect(callsTo(backend, "merge_share_file")).toEqual([{ path: "/home/me/friend.plenary-share.json" }]);
    const options = callsTo(backend, "plugin:dialog|open")[0]!.options as { filters: { extensions: string[] }[] };
    expect(options.filters[0]!.extensions).toEqual(["json"]);
    await waitFor(() => expect(screen.getByTestId("agenda-exhibitors").textContent).toContain("Huawei"));
  });
});
