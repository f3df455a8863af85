// Backing up and restoring what the user made (bookmarks, notes, priorities, visited marks) to a
// JSON file of their choosing. A restore merges: nothing already in the store is lost.
import { useState } from "preact/hooks";
import { ErrorNote } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { RestoreReport } from "../../ipc/bindings";
import { touched } from "../../state/app";

const FILTERS = [{ name: "Plenary backup", extensions: ["json"] }];

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "saved"; count: number; path: string }
  | { kind: "restored"; report: RestoreReport }
  | { kind: "error"; error: ipc.IpcError };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function Backup() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const run = async (work: () => Promise<Outcome | null>) => {
    setOutcome({ kind: "busy" });
    try {
      setOutcome((await work()) ?? { kind: "idle" });
    } catch (error) {
      setOutcome({ kind: "error", error: ipc.toIpcError(error) });
    }
  };
  const backup = () =>
    run(async () => {
      const path = await ipc.saveDialog({ title: t("backup.saveTitle"), defaultPath: `plenary-backup-${today()}.json`, filters: FILTERS });
      if (!path) return null;
      return { kind: "saved", count: await ipc.backupUserData(path), path };
    });
  const restore = () =>
    run(async () => {
      const path = await ipc.openDialog({ title: t("backup.openTitle"), filters: FILTERS });
      if (!path) return null;
      const report = await ipc.restoreUserData(path);
      touched();
      return { kind: "restored", report };
    });
  const busy = outcome.kind === "busy";
  return (
    <fieldset class="choice" data-testid="setting-backup">
      <legend>{t("backup.legend")}</legend>
      <p class="muted">{t("backup.explain")}</p>
      <div class="toolbar">
        <button type="button" class="button" data-testid="backup-save" disabled={busy} onClick={() => void backup()}>
          {t("backup.save")}
        </button>
        <button type="button" class="button button-quiet" data-testid="backup-restore" disabled={busy} onClick={() => void restore()}>
          {t("backup.restore")}
        </button>
      </div>
      <div aria-live="polite" data-testid="backup-result">
        {outcome.kind === "saved" && <p>{t("backup.saved", { count: outcome.count, path: outcome.path })}</p>}
        {outcome.kind === "restored" && (
          <p>
            {t("backup.restored", {
              count: outcome.report.read,
              added: outcome.report.added,
              updated: outcome.report.updated,
              kept: outcome.report.kept,
              orphaned: outcome.report.bookmarks.orphaned,
            })}
          </p>
        )}
      </div>
      {outcome.kind === "error" && <ErrorNote error={outcome.error} />}
    </fieldset>
  );
}
