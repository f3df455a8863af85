import { afterEach, describe, expect, test } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as ipc from "./index";
import { clearMockBackend, emitMockEvent, installMockBackend } from "./mock";

afterEach(() => clearMockBackend());

describe("openExternal", () => {
  test("refuses javascript: and data: URLs without calling the opener", async () => {
    const calls = installMockBackend({ "plugin:opener|open_url": () => null });
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "/relative/path",
      "not a url",
    ]) {
      await expect(ipc.openExternal(url), url).rejects.toMatchObject({ kind: "refused" });
    }
    expect(calls).toEqual([]);
  });

  test("opens http, https and mailto through the opener plugin", async () => {
    const calls = installMockBackend({ "plugin:opener|open_url": () => null });
    await ipc.openExternal("https://www.worldaic.com.cn/");
    await ipc.openExternal("http://example.org/a?b=c");
    await ipc.openExternal("mailto:info@example.org");
    expect(calls.map((c) => c.args.url)).toEqual([
      "https://www.worldaic.com.cn/",
      "http://example.org/a?b=c",
      "mailto:info@example.org",
    ]);
  });
});

describe("commands", () => {
  test("pass arguments by the Rust parameter names of the contract", async () => {
    const calls = installMockBackend({
      session: () => ({}) as never,
      remove_bookmark: () => true,
      import_file: () => ({}) as never,
      export_session_ics: () => null,
      export_agenda_ics: () => null,
      sessions: () => [],
    });
    await ipc.session("k1");
    await ipc.removeBookmark("waic-2025", "session", "k1");
    await ipc.importFile("/tmp/x.csv", "waic-2025");
    await ipc.exportSessionIcs("k1", "/tmp/a.ics");
    await ipc.exportAgendaIcs("/tmp/b.ics");
    await ipc.sessions({ day: "2025-07-26" });
    expect(calls).toEqual([
      { cmd: "session", args: { conference: null, key: "k1" } },
      { cmd: "remove_bookmark", args: { conference: "waic-2025", kind: "session", key: "k1" } },
      { cmd: "import_file", args: { path: "/tmp/x.csv", conference: "waic-2025" } },
      { cmd: "export_session_ics", args: { conference: null, key: "k1", path: "/tmp/a.ics" } },
      { cmd: "export_agenda_ics", args: { conference: null, path: "/tmp/b.ics" } },
      { cmd: "sessions", args: { filter: { day: "2025-07-26" } } },
    ]);
  });

  test("normalise a CommandError to {kind, message}", async () => {
    installMockBackend({
      import_file: () => {
        throw { kind: "syntax", message: "line 3, column 7: unexpected end of file" };
      },
    });
    await expect(ipc.importFile("/x.xml", null)).rejects.toMatchObject({
      kind: "syntax",
      message: "line 3, column 7: unexpected end of file",
    });
  });

  test("normalise bridge failures (plain strings) to kind ipc", async () => {
    installMockBackend({});
    const error = await ipc.conferences().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ipc.IpcError);
    expect(error).toMatchObject({ kind: "ipc", message: "command conferences not found" });
  });
});

test("onImportProgress delivers import-progress payloads until unlistened", async () => {
  installMockBackend({});
  const seen: unknown[] = [];
  const unlisten = await ipc.onImportProgress((p) => seen.push(p));
  await emitMockEvent("import-progress", { phase: "parse", done: 1, total: 3 });
  unlisten();
  await emitMockEvent("import-progress", { phase: "write", done: 3, total: 3 });
  expect(seen).toEqual([{ phase: "parse", done: 1, total: 3 }]);
});

test("reminder and unsubscribe commands pass the contract's argument names", async () => {
  const defaults = { must: 15, want: 10, maybe: null };
  const calls = installMockBackend({
    reminder_defaults: () => defaults,
    set_reminder_defaults: ({ defaults: d }) => d,
    pending_reminders: () => [],
    unsubscribe: () => null,
  });
  expect(await ipc.reminderDefaults()).toEqual(defaults);
  await ipc.setReminderDefaults({ ...defaults, maybe: 5 });
  await ipc.pendingReminders();
  await ipc.unsubscribe();
  expect(calls).toEqual([
    { cmd: "reminder_defaults", args: {} },
    { cmd: "set_reminder_defaults", args: { defaults: { must: 15, want: 10, maybe: 5 } } },
    { cmd: "pending_reminders", args: {} },
    { cmd: "unsubscribe", args: { conference: null } },
  ]);
});

test("onNotice delivers notice payloads until unlistened", async () => {
  installMockBackend({});
  const seen: unknown[] = [];
  const unlisten = await ipc.onNotice((n) => seen.push(n));
  const notice = { kind: "reminder", conference: "waic-2025", key: "waic-hinton", title: "Hinton", body: "In 10 minutes" };
  await emitMockEvent("notice", notice);
  unlisten();
  await emitMockEvent("notice", { ...notice, title: "Later" });
  expect(seen).toEqual([notice]);
});

test("onFileDrop reports dropped paths", async () => {
  installMockBackend({});
  const seen: ipc.FileDrop[] = [];
  const unlisten = await ipc.onFileDrop((d) => seen.push(d));
  await emitMockEvent("tauri://drag-drop", { paths: ["/home/me/a.xml"], position: { x: 1, y: 2 } });
  unlisten();
  expect(seen).toEqual([{ type: "drop", paths: ["/home/me/a.xml"] }]);
});

test("only src/ipc/ imports @tauri-apps packages", () => {
  const root = join(__dirname, "..");
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !relative(root, path).startsWith("ipc")) {
        if (/from\s+["']@tauri-apps\//.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    }
  };
  walk(root);
  expect(offenders).toEqual([]);
});
