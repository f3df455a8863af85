import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { ImportReport, Progress } from "../../ipc/bindings";
import { conferenceList, current, loadConferences, pendingImport, touched } from "../../state/app";

const filters = () => [
  { name: t("import.filterAll"), extensions: ["xml", "json", "ics", "csv"] },
  { name: t("import.filterSchedules"), extensions: ["xml", "json", "ics"] },
  { name: t("import.filterExhibitors"), extensions: ["csv", "json"] },
];

/** What a picked file looks like: XML and iCalendar are programmes, CSV is an exhibitor list, JSON can be either. */
export function guessKind(path: string): { kind: "programme" | "exhibitors"; ask: boolean } {
  const ext = path.toLowerCase().split(".").pop() ?? "";
  if (ext === "csv") return { kind: "exhibitors", ask: true };
  if (ext === "json") return { kind: "programme", ask: true };
  return { kind: "programme", ask: false };
}

const PHASES = ["read", "parse", "write", "index", "commit"] as const;

/** Core's progress phase in the UI language; an unknown one as core named it. */
function phaseLabel(name: string): string {
  return (PHASES as readonly string[]).includes(name) ? t(`import.phase.${name as (typeof PHASES)[number]}`) : name;
}

type Phase =
  | { step: "idle" }
  | { step: "confirm"; path: string }
  | { step: "running"; path: string; progress: Progress | null }
  | { step: "failed"; path: string; error: ipc.IpcError }
  | { step: "done"; report: ImportReport };

export function ImportPanel() {
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [kind, setKind] = useState<"programme" | "exhibitors">("programme");
  const [target, setTarget] = useState<string>("");

  const choose = (path: string) => {
    const guess = guessKind(path);
    setKind(guess.kind);
    setTarget(current.value?.slug ?? "");
    setPhase({ step: "confirm", path });
  };

  // A file dropped on the window lands here.
  useEffect(() => {
    if (pendingImport.value) {
      choose(pendingImport.value);
      pendingImport.value = null;
    }
  }, [pendingImport.value]);

  const pick = async () => {
    try {
      const path = await ipc.openDialog({ title: t("import.pick"), filters: filters() });
      if (path) choose(path);
    } catch (e) {
      setPhase({ step: "failed", path: "", error: ipc.toIpcError(e) });
    }
  };

  const run = async (path: string) => {
    setPhase({ step: "running", path, progress: null });
    let unlisten: ipc.Unlisten = () => {};
    try {
      unlisten = await ipc.onImportProgress((progress) => setPhase({ step: "running", path, progress }));
      const report = await ipc.importFile(path, kind === "exhibitors" ? target || null : null);
      setPhase({ step: "done", report });
      await loadConferences();
      touched();
    } catch (e) {
      setPhase({ step: "failed", path, error: ipc.toIpcError(e) });
    } finally {
      unlisten();
    }
  };

  const ask = phase.step === "confirm" && guessKind(phase.path).ask;
  return (
    <section class="import-panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{t("import.heading")}</h2>
      <p class="muted">{t("import.explain")}</p>
      <button type="button" class="button" data-testid="import-button" onClick={() => void pick()} disabled={phase.step === "running"}>
        {t("import.pick")}
      </button>
      {phase.step === "confirm" && (
        <form class="import-confirm" data-testid="import-confirm" onSubmit={(e) => { e.preventDefault(); void run(phase.path); }}>
          <p>{t("import.file")} <code data-testid="import-path">{phase.path}</code></p>
          {ask && (
            <fieldset>
              <legend>{t("import.whatIsIt")}</legend>
              <label class="check">
                <input type="radio" name="import-kind" checked={kind === "programme"} data-testid="import-kind-programme" onChange={() => setKind("programme")} />
                <span>{t("import.kindProgramme")}</span>
              </label>
              <label class="check">
                <input type="radio" name="import-kind" checked={kind === "exhibitors"} data-testid="import-kind-exhibitors" onChange={() => setKind("exhibitors")} />
                <span>{t("import.kindExhibitors")}</span>
              </label>
              {kind === "exhibitors" && (
                <label class="field">
                  <span>{t("import.target")}</span>
                  <select value={target} data-testid="import-target" onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
                    {(conferenceList.value ?? []).map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
                  </select>
                </label>
              )}
            </fieldset>
          )}
          <div class="actions">
            <button type="submit" class="button" data-testid="import-start" disabled={kind === "exhibitors" && !target}>{t("import.start")}</button>
            <button type="button" class="button button-quiet" data-testid="import-cancel" onClick={() => setPhase({ step: "idle" })}>{t("common.cancel")}</button>
          </div>
        </form>
      )}
      {phase.step === "running" && (
        <div class="import-progress" data-testid="import-progress" role="status">
          <p>{phase.progress ? t("import.phase", { phase: phaseLabel(phase.progress.phase), done: phase.progress.done, total: phase.progress.total }) : t("import.starting")}</p>
          <progress max={phase.progress?.total || 1} value={phase.progress ? phase.progress.done : undefined} aria-label={t("import.progress")} />
        </div>
      )}
      {phase.step === "failed" && (
        <div class="state state-error" role="alert" data-testid="import-error">
          <p><strong>{t("import.failed")}</strong> <code data-testid="import-error-kind">{phase.error.kind}</code></p>
          <p data-testid="import-error-message">{phase.error.message}</p>
          <p>{t("import.nothingChanged")}</p>
        </div>
      )}
      {phase.step === "done" && <ImportSummary report={phase.report} />}
    </section>
  );
}

function ImportSummary({ report: r }: { report: ImportReport }) {
  const rows: [string, number][] = [
    [t("import.days"), r.days], [t("import.rooms"), r.rooms], [t("import.tracks"), r.tracks], [t("import.sessions"), r.sessions],
    [t("import.persons"), r.persons], [t("import.exhibitors"), r.exhibitors], [t("import.products"), r.products],
  ];
  return (
    <div class="import-summary" role="status" data-testid="import-summary">
      <p><strong>{t("import.done", { title: r.title })}</strong> <span class="muted">({r.format})</span></p>
      <dl class="counts">
        {rows.filter(([, n]) => n > 0).map(([label, n]) => (<Fragment key={label}><dt>{label}</dt><dd>{n}</dd></Fragment>))}
      </dl>
      <p data-testid="import-bookmarks">{t("import.bookmarks", { attached: r.bookmarks.attached, reattached: r.bookmarks.reattached, orphaned: r.bookmarks.orphaned })}</p>
      {r.warnings.length > 0 && (
        <details data-testid="import-warnings">
          <summary>{t("import.warnings", { n: r.warnings.length })}</summary>
          <ul>
            {r.warnings.slice(0, 200).map((w, i) => <li key={i}>{w.line ? t("import.line", { line: w.line }) : ""}{w.message}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
