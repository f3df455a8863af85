import { useState } from "preact/hooks";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { SessionView } from "../../ipc/bindings";

/** A file name from a title: keeps letters of any script, drops what file systems dislike. */
export function fileName(title: string, fallback: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 60);
  return `${base || fallback}.ics`;
}

export const ICS_FILTER = [{ name: "iCalendar", extensions: ["ics"] }];

/** "Add to calendar": asks where to save, then has core write the .ics file. */
export function CalendarButton({ session: s }: { session: SessionView }) {
  const [status, setStatus] = useState("");
  const [error, setError] = useState<ipc.IpcError | null>(null);
  const run = async () => {
    try {
      const path = await ipc.saveDialog({ title: t("session.addToCalendar"), defaultPath: fileName(s.title, s.key), filters: ICS_FILTER });
      if (!path) return;
      await ipc.exportSessionIcs(s.key, path, s.conference);
      setError(null);
      setStatus(t("export.saved", { path }));
    } catch (e) {
      setError(ipc.toIpcError(e));
    }
  };
  return (
    <section class="calendar">
      <button type="button" class="button" data-testid="session-add-calendar" onClick={() => void run()}>
        {t("session.addToCalendar")}
      </button>
      <p class="status" role="status" data-testid="session-export-status">{status}</p>
      {error && <p class="inline-error" role="alert">{error.kind}: {error.message}</p>}
    </section>
  );
}
