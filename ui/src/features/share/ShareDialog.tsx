// Sharing bookmarks with someone else: the agenda, a day's plan or the booth list, as a link to
// copy, its QR code, or a file (and a day's plan as iCalendar). Core builds the share; notes are
// never part of it. One dialog serves all three, opened by a ShareButton.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { ErrorNote, Loading } from "../../components/States";
import { t, type MessageKey } from "../../i18n";
import * as ipc from "../../ipc";
import type { ShareScope, ShareView } from "../../ipc/bindings";
import { formatDay } from "../../lib/time";
import { useAsync } from "../../lib/useAsync";
import { lang } from "../../state/settings";
import { ICS_FILTER } from "../session/CalendarButton";
import { QrSvg } from "./QrSvg";

export const SHARE_FILTER = () => [{ name: t("share.filter"), extensions: ["json"] }];

const OPEN: Record<ShareScope["kind"], MessageKey> = {
  agenda: "share.openAgenda",
  day: "share.openDay",
  booths: "share.openBooths",
};

/** Where a share is saved unless the user says otherwise: waic-2025-agenda.plenary-share.json. */
export function shareFileName(conference: string, scope: ShareScope): string {
  return `${conference}-${scope.kind === "day" ? `plan-${scope.date}` : scope.kind}.plenary-share.json`;
}

function title(scope: ShareScope): string {
  if (scope.kind === "day") return t("share.titleDay", { day: formatDay(scope.date, lang.value) });
  return t(scope.kind === "agenda" ? "share.titleAgenda" : "share.titleBooths");
}

/** "Share …": opens the share dialog for `scope`, and takes the focus back when it closes. */
export function ShareButton({ scope, disabled = false }: { scope: ShareScope; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" class="button button-quiet" data-testid={`share-open-${scope.kind}`} aria-haspopup="dialog"
        disabled={disabled} onClick={() => setOpen(true)}>
        {t(OPEN[scope.kind])}
      </button>
      {open && <ShareDialog scope={scope} onClose={close} />}
    </>
  );
}

/** Tab and Shift+Tab go round the dialog's controls instead of leaving it. */
function keepFocusIn(container: HTMLElement, event: KeyboardEvent): void {
  const controls = [...container.querySelectorAll<HTMLElement>("button, input, summary, a[href], [tabindex]:not([tabindex='-1'])")]
    .filter((el) => !(el as HTMLButtonElement).disabled);
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function ShareDialog({ scope, onClose }: { scope: ShareScope; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const state = useAsync(() => ipc.share(scope), [JSON.stringify(scope)]);
  // Into the dialog before it paints, so the first key pressed lands in it.
  useLayoutEffect(() => dialog.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    // The dialog is modal: the app's own shortcuts ("/", Ctrl+K) wait until it closes.
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    } else if (event.key === "Tab" && dialog.current) {
      keepFocusIn(dialog.current, event);
    }
  };
  return (
    <div class="modal-backdrop" data-testid="share-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} class="modal share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" aria-describedby="share-count"
        tabIndex={-1} data-testid="share-dialog" data-scope={scope.kind} onKeyDown={onKeyDown}>
        <h2 id="share-title" class="share-title">{title(scope)}</h2>
        {state.error ? <div class="share-body"><ErrorNote error={state.error} /></div>
          : !state.data ? <div class="share-body"><Loading /></div>
          : <ShareBody view={state.data} scope={scope} onClose={onClose} />}
        {!state.data && (
          <div class="actions share-actions">
            <button type="button" class="button button-quiet" data-testid="share-close" onClick={onClose}>{t("share.close")}</button>
          </div>
        )}
      </div>
    </div>
  );
}

type Note = { kind: "none" } | { kind: "busy" } | { kind: "done"; text: string } | { kind: "error"; error: ipc.IpcError };

function ShareBody({ view, scope, onClose }: { view: ShareView; scope: ShareScope; onClose: () => void }) {
  const [note, setNote] = useState<Note>({ kind: "none" });
  const linkInput = useRef<HTMLInputElement>(null);
  const items = view.share.items;
  const conference = view.share.conference;

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard here");
      await navigator.clipboard.writeText(view.link);
      setNote({ kind: "done", text: t("share.copied") });
    } catch (e) {
      linkInput.current?.focus();
      linkInput.current?.select();
      setNote({ kind: "done", text: t("share.copyFailed", { error: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const run = async (work: () => Promise<string | null>) => {
    setNote({ kind: "busy" });
    try {
      const text = await work();
      setNote(text ? { kind: "done", text } : { kind: "none" });
    } catch (e) {
      setNote({ kind: "error", error: ipc.toIpcError(e) });
    }
  };
  const save = () =>
    run(async () => {
      const path = await ipc.saveDialog({ title: t("share.saveTitle"), defaultPath: shareFileName(conference, scope), filters: SHARE_FILTER() });
      if (!path) return null;
      const count = await ipc.writeShare(scope, path);
      return t("share.saved", { count, path });
    });
  const ics = (date: string) =>
    run(async () => {
      const path = await ipc.saveDialog({ title: t("share.ics"), defaultPath: `${conference}-plan-${date}.ics`, filters: ICS_FILTER });
      if (!path) return null;
      await ipc.exportPlanIcs(date, path);
      return t("export.saved", { path });
    });
  const busy = note.kind === "busy";

  return (
    <>
      <div class="share-body">
        <p id="share-count" data-testid="share-count">{items.length ? t("share.count", { count: items.length }) : t("share.nothing")}</p>
        {items.length > 0 && (
          <>
            <details class="share-items" data-testid="share-items">
              <summary>{t("share.items")}</summary>
              <ul>
                {items.map((i) => (
                  <li key={`${i.kind}-${i.key}`} data-key={i.key}>
                    {i.title || i.key} <span class={`badge priority-${i.priority}`}>{t(`priority.${i.priority}`)}</span>
                  </li>
                ))}
              </ul>
            </details>
            <div class="share-columns">
              <div class="share-link-column">
                <label class="field" for="share-link-input">
                  <span>{t("share.link")}</span>
                </label>
                <div class="share-link-row">
                  <input ref={linkInput} id="share-link-input" type="text" class="share-link" readOnly value={view.link} data-testid="share-link"
                    spellcheck={false} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
                  <button type="button" class="button" data-testid="share-copy" onClick={() => void copy()}>{t("share.copy")}</button>
                </div>
                <p class="muted share-how">{t("share.how")}</p>
              </div>
              {view.qr ? <QrSvg code={view.qr} label={t("share.qr")} /> : (
                <p class="notice share-qr-missing" data-testid="share-qr-too-long">{t("share.qrTooLong")}</p>
              )}
            </div>
          </>
        )}
        <div class="share-result" aria-live="polite" data-testid="share-result">
          {note.kind === "done" && <p>{note.text}</p>}
          {note.kind === "error" && <p class="inline-error" data-testid="share-error">{note.error.kind}: {note.error.message}</p>}
        </div>
      </div>
      <div class="actions share-actions">
        <button type="button" class="button" data-testid="share-save" disabled={busy || !items.length} onClick={() => void save()}>
          {t("share.save")}
        </button>
        {scope.kind === "day" && (
          <button type="button" class="button button-quiet" data-testid="share-ics" disabled={busy || !items.length} onClick={() => void ics(scope.date)}>
            {t("share.ics")}
          </button>
        )}
        <button type="button" class="button button-quiet share-close" data-testid="share-close" onClick={onClose}>{t("share.close")}</button>
      </div>
    </>
  );
}
