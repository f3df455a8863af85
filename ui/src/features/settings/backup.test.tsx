import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { Backup } from "./Backup";

test("backing up asks where to save, then names the file and the count", async () => {
  performance.clearMarks("dialog:asked");
  const backend = await startBackend();
  render(<Backup />);
  fireEvent.click(screen.getByTestId("backup-save"));
  await waitFor(() => expect(screen.getByTestId("backup-result").textContent).toContain(`Saved ${backend.state.bookmarks.length} bookmarks`));
  const args = callsTo(backend, "backup_user_data")[0]!;
  expect(args.path).toMatch(/^\/home\/me\/plenary-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(screen.getByTestId("backup-result").textContent).toContain(String(args.path));
  // The e2e harness reads this mark to tell a lost click from a slow dialog.
  const asked = performance.getEntriesByName("dialog:asked") as PerformanceMark[];
  expect(asked.map((mark) => mark.detail)).toContain("Back up bookmarks and notes");
});

test("restoring reads the picked file and says what was merged", async () => {
  const backend = await startBackend({ "plugin:dialog|open": () => "/home/me/plenary-backup.json" });
  render(<Backup />);
  fireEvent.click(screen.getByTestId("backup-restore"));
  await waitFor(() => expect(screen.getByTestId("backup-result").textContent).toContain("Read 2 bookmarks: 1 added, 0 updated, 1 already here"));
  expect(callsTo(backend, "restore_user_data")).toEqual([{ path: "/home/me/plenary-backup.json" }]);
});

test("a cancelled dialog changes nothing; a bad file shows core's error", async () => {
  const backend = await startBackend({
    "plugin:dialog|open": () => null,
  });
  render(<Backup />);
  fireEvent.click(screen.getByTestId("backup-restore"));
  await waitFor(() => expect((screen.getByTestId("backup-restore") as HTMLButtonElement).disabled).toBe(false));
  expect(callsTo(backend, "restore_user_data")).toEqual([]);
  expect(screen.queryByTestId("error")).toBeNull();

  await startBackend({
    "plugin:dialog|open": () => "/home/me/broken.json",
    restore_user_data: () => {
      throw { kind: "syntax", message: "/home/me/broken.json:1:2: expected value" };
    },
  });
  fireEvent.click(screen.getByTestId("backup-restore"));
  expect((await screen.findByTestId("error")).textContent).toContain("broken.json:1:2");
});
