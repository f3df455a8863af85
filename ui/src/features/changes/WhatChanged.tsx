// "What changed": the conference's schedule subscription (its URL, when the copy in the store was
// fetched, the last error) and every change its refreshes found since the user last looked,
// bookmarked sessions that moved or were cancelled first. From here the user subscribes,
// refreshes now, marks the changes seen, and unsubscribes.
import { useEffect, useRef, useState } from "preact/hooks";
import { Empty, ErrorNote } from "../../components/States";
import { t, type MessageKey } from "../../i18n";
import * as ipc from "../../ipc";
import type { StoredChange } from "../../ipc/bindings";
import { current, loadWhatChanged, refreshSubscription, switchConference, whatChanged } from "../../state/app";
import { href } from "../../state/router";
import { lang } from "../../state/settings";

type Outcome = { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "error"; error: ipc.IpcError };

/** An instant (RFC 3339) in the conference's own zone when the browser knows it, else as given. */
function when(text: string, zone: string | undefined): string {
  try {
    return new Date(text).toLocaleString(lang.value, { timeZone: zone, dateStyle: "medium", timeStyle: "short" });
  } catch {
    return text;
  }
}

/** A change's old or new value, as people read it. */
function value(change: StoredChange, text: string | null, zone: string | undefined): string {
  if (text === null) return "—";
  if (change.field === "start") return when(text, zone);
  if (change.field === "duration") return t("changes.minutes", { minutes: text });
  return text;
}

export function WhatChangedView() {
  const [url, setUrl] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const unsubscribeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const state = whatChanged.value;
  const conf = current.value;
  const zone = conf?.time_zone;
  const run = async (work: () => Promise<string>) => {
    setOutcome({ kind: "busy" });
    try {
      setOutcome({ kind: "done", message: await work() });
    } catch (error) {
      setOutcome({ kind: "error", error: ipc.toIpcError(error) });
      await loadWhatChanged();
    }
  };
  const subscribe = () =>
    run(async () => {
      // The conference the schedule describes (created, or replaced if it is already here),
      // never the current one: subscribing must not overwrite another conference's programme.
      const report = await ipc.subscribe(url.trim(), null);
      await switchConference(report.conference);
      return t("changes.subscribed", { url: report.url, count: report.changes.length });
    });
  const refresh = () =>
    run(async () => {
      const report = await refreshSubscription();
      if (!report) return "";
      return report.status === "unchanged" ? t("changes.unchanged") : t("changes.updated", { count: report.changes.length });
    });
  const markSeen = () =>
    run(async () => {
      await ipc.markChangesSeen(conf?.slug ?? null);
      await loadWhatChanged();
      return t("changes.markedSeen");
    });
  // The programme, the bookmarks and the change log stay: only the URL is no longer followed.
  const unsubscribe = () =>
    run(async () => {
      setConfirming(false);
      const url = await ipc.unsubscribe(conf?.slug ?? null);
      await loadWhatChanged();
      return url ? t("changes.unsubscribed", { url }) : t("changes.notSubscribed");
    });
  const busy = outcome.kind === "busy";
  const sub = state?.subscription ?? null;
  const changes = state?.changes ?? [];
  return (
    <section class="view view-changes" aria-labelledby="changes-heading" data-testid="view-changes">
      <header class="view-header">
        <h1 id="changes-heading">{t("nav.changes")}</h1>
      </header>
      {sub ? (
        <div class="subscription" data-testid="subscription">
          <p>
            {t("changes.source")} <code data-testid="subscription-url">{sub.url}</code>
          </p>
          <p class="muted" data-testid="subscription-fetched">
            {t("changes.fetchedAt", { at: when(sub.fetched_at, undefined) })}
            {" · "}
            {t("changes.checkedAt", { at: when(sub.checked_at, undefined) })}
          </p>
          {sub.last_error && (
            <p class="error-text" role="alert" data-testid="subscription-error">
              {t("changes.lastError", { error: sub.last_error })}
            </p>
          )}
          <div class="toolbar">
            <button type="button" class="button" data-testid="refresh-now" disabled={busy} onClick={() => void refresh()}>
              {t("changes.refresh")}
            </button>
            <button type="button" class="button button-quiet" data-testid="mark-seen" disabled={busy || !changes.length} onClick={() => void markSeen()}>
              {t("changes.markSeen")}
            </button>
            <button type="button" class="button button-quiet" ref={unsubscribeButton} data-testid="changes-unsubscribe" disabled={busy}
              aria-expanded={confirming} onClick={() => setConfirming(true)}>
              {t("changes.unsubscribe")}
            </button>
          </div>
          {confirming && (
            <div class="confirm" role="group" aria-labelledby="unsubscribe-ask" data-testid="changes-unsubscribe-ask">
              <p id="unsubscribe-ask">{t("changes.unsubscribeAsk", { url: sub.url })}</p>
              <div class="toolbar">
                <button type="button" class="button button-danger" ref={confirmButton} data-testid="changes-unsubscribe-confirm" disabled={busy}
                  onClick={() => void unsubscribe()}>
                  {t("changes.unsubscribeConfirm")}
                </button>
                <button type="button" class="button button-quiet" data-testid="changes-unsubscribe-cancel" onClick={() => {
                  setConfirming(false);
                  unsubscribeButton.current?.focus();
                }}>
                  {t("common.cancel")}
                </button>
              </div>
            </div>
          )}
        </div>
      ) : (
        <form class="subscription" data-testid="subscribe-form" onSubmit={(e) => { e.preventDefault(); void subscribe(); }}>
          <p class="muted">{t("changes.explain")}</p>
          <label class="filter filter-grow">
            <span>{t("changes.url")}</span>
            <input type="url" required value={url} placeholder="https://…/schedule.xml" data-testid="subscribe-url"
              onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="button" data-testid="subscribe-submit" disabled={busy || !url.trim()}>
            {t("changes.subscribe")}
          </button>
        </form>
      )}
      <div aria-live="polite" data-testid="changes-result">
        {outcome.kind === "done" && outcome.message && <p>{outcome.message}</p>}
        {outcome.kind === "error" && <ErrorNote error={outcome.error} />}
      </div>
      {changes.length === 0 ? (
        <Empty><p data-testid="changes-empty">{t("changes.none")}</p></Empty>
      ) : (
        <ul class="change-list" data-testid="change-list">
          {changes.map((c, i) => (
            <li key={`${c.refreshed_at}-${c.session_key}-${c.field}-${i}`} class={c.bookmarked ? "change bookmarked" : "change"}
              data-testid="change" data-key={c.current_key} data-field={c.field}>
              {c.bookmarked && <span class="badge priority-must" data-testid="change-bookmarked">{t("changes.bookmarked")}</span>}
              <a href={href("session", c.current_key)} class="change-title">{c.title}</a>
              <span class="change-field">{t(`changes.field.${c.field}` as MessageKey)}</span>
              {c.field !== "new" && (
                <span class="change-values">
                  <del>{value(c, c.old, zone)}</del> → <ins>{value(c, c.new, zone)}</ins>
                </span>
              )}
              <span class="muted change-when">{when(c.refreshed_at, undefined)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
