// Taking in what someone shared: a pasted plenary:// link or a share file. Core adds the new
// bookmarks and leaves every existing one exactly as it was; the report says which was which.
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { ShareReport } from "../../ipc/bindings";
import { conferenceList, current, touched } from "../../state/app";
import { SHARE_FILTER } from "./ShareDialog";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "merged"; report: ShareReport }
  | { kind: "error"; error: ipc.IpcError };

export function MergeShare() {
  const [link, setLink] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const run = async (work: () => Promise<ShareReport | null>, clear = false) => {
    setOutcome({ kind: "busy" });
    try {
      const report = await work();
      setOutcome(report ? { kind: "merged", report } : { kind: "idle" });
      if (report) {
        if (clear) setLink("");
        touched();
      }
    } catch (e) {
      setOutcome({ kind: "error", error: ipc.toIpcError(e) });
    }
  };
  const mergeLink = () => {
    if (link.trim()) void run(() => ipc.mergeShareLink(link.trim()), true);
  };
  const mergeFile = () =>
    void run(async () => {
      const path = await ipc.openDialog({ title: t("merge.openTitle"), filters: SHARE_FILTER() });
      return path ? ipc.mergeShareFile(path) : null;
    });
  const busy = outcome.kind === "busy";

  return (
    <section class="merge-share" aria-labelledby="merge-heading" data-testid="merge-share">
      <h2 id="merge-heading">{t("merge.heading")}</h2>
      <p class="muted">{t("merge.explain")}</p>
      <form class="merge-form" onSubmit={(e) => { e.preventDefault(); mergeLink(); }}>
        <label class="field merge-link-field">
          <span>{t("merge.link")}</span>
          <input type="text" value={link} data-testid="merge-link-input" placeholder={t("merge.placeholder")} spellcheck={false}
            autocomplete="off" onInput={(e) => setLink((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <div class="actions">
          <button type="submit" class="button" data-testid="merge-link-go" disabled={busy || !link.trim()}>{t("merge.go")}</button>
          <button type="button" class="button button-quiet" data-testid="merge-file" disabled={busy} onClick={mergeFile}>{t("merge.file")}</button>
        </div>
      </form>
      <div class="merge-report" aria-live="polite" data-testid="merge-report" data-outcome={outcome.kind}>
        {outcome.kind === "merged" && <Report report={outcome.report} />}
        {outcome.kind === "error" && (
          <p class="inline-error" data-testid="merge-error">
            {t("merge.failed")} <code>{outcome.error.kind}</code> {outcome.error.message}
          </p>
        )}
      </div>
    </section>
  );
}

function Report({ report }: { report: ShareReport }) {
  const elsewhere = report.conference !== current.value?.slug;
  const title = conferenceList.value?.find((c) => c.slug === report.conference)?.title ?? report.conference;
  return (
    <>
      <p data-testid="merge-counts">{t("merge.report", { added: report.added, kept: report.kept })}</p>
      {report.unknown.length > 0 && (
        <p class="muted" data-testid="merge-unknown">{t("merge.unknown", { keys: report.unknown.join(t("common.listSeparator")) })}</p>
      )}
      {elsewhere && <p data-testid="merge-elsewhere">{t("merge.otherConference", { title })}</p>}
    </>
  );
}
