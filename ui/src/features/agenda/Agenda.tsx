import { useState } from "preact/hooks";
import { SessionRow } from "../../components/SessionRow";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { TimeRange } from "../../components/TimeText";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { AgendaDay, AgendaItem, Bookmark, Gap, TooFar } from "../../ipc/bindings";
import { formatDay, instant } from "../../lib/time";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion, touched } from "../../state/app";
import { href } from "../../state/router";
import { lang } from "../../state/settings";
import { IllustrativeWalk, PlanMarkBadge, quote } from "../plan/explain";
import { ICS_FILTER, fileName } from "../session/CalendarButton";
import { MergeShare } from "../share/MergeShare";
import { ShareButton } from "../share/ShareDialog";

type Entry = ({ type: "item"; item: AgendaItem } | { type: "gap"; gap: Gap }) & { at: number };

/** A day's sessions with its free gaps between them, in time order. */
export function dayEntries(day: AgendaDay): Entry[] {
  const entries: Entry[] = [
    ...day.items.map((item) => ({ type: "item" as const, item, at: instant(item.session.start) })),
    ...day.gaps.map((gap) => ({ type: "gap" as const, gap, at: instant(gap.start) })),
  ];
  return entries.sort((a, b) => a.at - b.at || (a.type === "gap" ? -1 : 1));
}

export function AgendaView() {
  const state = useAsync(() => ipc.agenda(), [current.value?.slug, dataVersion.value]);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<ipc.IpcError | null>(null);
  const exportAll = async () => {
    try {
      const path = await ipc.saveDialog({ title: t("agenda.export"), defaultPath: fileName(`${t("agenda.fileName")} ${current.value?.title ?? ""}`, "agenda"), filters: ICS_FILTER });
      if (!path) return;
      await ipc.exportAgendaIcs(path);
      setError(null);
      setStatus(t("export.saved", { path }));
    } catch (e) {
      setError(ipc.toIpcError(e));
    }
  };
  const agenda = state.data;
  const titles = new Map((agenda?.days ?? []).flatMap((d) => d.items.map((i) => [i.session.key, i.session.title] as const)));
  const empty = agenda && !agenda.days.length && !agenda.exhibitors.length && !agenda.orphans.length;

  return (
    <section class="view view-agenda" aria-labelledby="agenda-heading" data-testid="view-agenda">
      <header class="view-header">
        <h1 id="agenda-heading">{t("nav.agenda")}</h1>
        <div class="actions">
          <button type="button" class="button" data-testid="agenda-export" onClick={() => void exportAll()} disabled={!agenda?.days.length}>
            {t("agenda.export")}
          </button>
          <ShareButton scope={{ kind: "agenda" }} disabled={!agenda?.days.length} />
        </div>
      </header>
      <p class="status" role="status" data-testid="agenda-export-status">{status}</p>
      {error && <p class="inline-error" role="alert">{error.kind}: {error.message}</p>}
      {state.error ? <ErrorNote error={state.error} /> : !agenda ? <Loading /> : empty ? (
        <Empty><p>{t("agenda.empty")}</p><p><a href={href("programme")} data-testid="agenda-browse">{t("agenda.browse")}</a></p></Empty>
      ) : (
        <>
          {agenda.overlap_count > 0 && (
            <p class="notice notice-warn" data-testid="agenda-overlap-count">{t("agenda.overlapCount", { n: agenda.overlap_count })}</p>
          )}
          {agenda.days.map((day) => (
            <section key={day.date} class="agenda-day" aria-labelledby={`day-${day.date}`} data-testid="agenda-day" data-day={day.date}>
              <div class="agenda-day-header">
                <h2 id={`day-${day.date}`}>{formatDay(day.date, lang.value)}</h2>
                <a class="button button-quiet" href={href("plan", day.date)} data-testid={`plan-day-${day.date}`}>{t("agenda.planDay")}</a>
              </div>
              <ol class="plain-list">
                {dayEntries(day).map((e) =>
                  e.type === "gap" ? (
                    <li key={`gap-${e.gap.start}`} class="agenda-gap" data-testid="agenda-gap">
                      <TimeRange start={e.gap.start} end={e.gap.end} /> {t("agenda.free", { minutes: e.gap.minutes })}
                    </li>
                  ) : (
                    <li key={e.item.session.key} class={`agenda-item${e.item.overlaps.length || e.item.too_far.length ? " has-overlap" : ""}`} data-testid="agenda-item" data-key={e.item.session.key}>
                      <SessionRow s={{ ...e.item.session, bookmark: e.item.priority }} badges={<PlanMarkBadge mark={e.item.plan} />} />
                      {e.item.overlaps.length > 0 && (
                        <p class="overlap-flag" data-testid="overlap-flag">
                          <span aria-hidden="true">⚠ </span>
                          {t("agenda.overlapsWith", { titles: e.item.overlaps.map((k) => titles.get(k) ?? k).join(t("common.listSeparator")) })}
                        </p>
                      )}
                      <TooFarFlag item={e.item} pairs={agenda.too_far} title={(k) => titles.get(k) ?? k} />
                      {e.item.note && <p class="agenda-note" data-testid="agenda-note">{e.item.note}</p>}
                    </li>
                  ),
                )}
              </ol>
            </section>
          ))}
          <ExhibitorsToVisit exhibitors={agenda.exhibitors} />
          <Orphans orphans={agenda.orphans} />
        </>
      )}
      <MergeShare />
    </section>
  );
}

/** "Can't make it": the sessions this one is too far from to walk between in the time there is. */
function TooFarFlag({ item, pairs, title }: { item: AgendaItem; pairs: readonly TooFar[]; title: (key: string) => string }) {
  const key = item.session.key;
  const found = item.too_far
    .map((other) => pairs.find((p) => (p.from === key && p.to === other) || (p.to === key && p.from === other)))
    .filter((p): p is TooFar => !!p);
  if (!found.length) return null;
  return (
    <p class="overlap-flag too-far-flag" data-testid={`too-far-flag-${key}`}>
      <span aria-hidden="true">⚠ </span>
      {found.map((p, i) => {
        const params = { title: quote(title(p.from === key ? p.to : p.from)), walk: p.walk_minutes, gap: p.gap_minutes };
        return (
          <span key={`${p.from}|${p.to}`}>
            {i > 0 && " · "}
            {t(p.from === key ? "agenda.tooFarTo" : "agenda.tooFarFrom", params)}
            <IllustrativeWalk pair={p} />
          </span>
        );
      })}
    </p>
  );
}

function ExhibitorsToVisit({ exhibitors }: { exhibitors: ipc.Commands["agenda"]["result"]["exhibitors"] }) {
  if (!exhibitors.length) return null;
  return (
    <section aria-labelledby="agenda-exhibitors" data-testid="agenda-exhibitors">
      <h2 id="agenda-exhibitors">{t("agenda.exhibitors")}</h2>
      <ul class="plain-list">
        {exhibitors.map((e) => (
          <li key={e.key} data-testid="agenda-exhibitor" data-key={e.key} class={e.visited ? "visited" : ""}>
            <a class="row-link" href={href("exhibitor", e.key)} data-testid="agenda-exhibitor-link">
              <span class="row-time">{e.booths.join(", ") || "—"}</span>
              <span class="row-main">
                <span class="row-title">{e.name}{e.other_name && <span class="row-other"> · {e.other_name}</span>}</span>
                <span class="row-meta">{e.hall}</span>
              </span>
              {e.visited ? <span class="badge badge-visited">{t("exhibitor.visited")}</span> : e.bookmark && <span class={`badge priority-${e.bookmark}`}>{t(`priority.${e.bookmark}`)}</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Orphans({ orphans }: { orphans: Bookmark[] }) {
  if (!orphans.length) return null;
  const remove = async (b: Bookmark) => {
    await ipc.removeBookmark(b.conference, b.kind, b.key).catch(() => false);
    touched();
  };
  return (
    <section aria-labelledby="agenda-orphans" data-testid="agenda-orphans">
      <h2 id="agenda-orphans">{t("agenda.orphans")}</h2>
      <p class="muted">{t("agenda.orphansExplained")}</p>
      <ul class="plain-list">
        {orphans.map((b) => (
          <li key={`${b.kind}-${b.key}`} class="orphan" data-testid="agenda-orphan" data-key={b.key}>
            <span class="row-title">{b.title}</span> <span class="muted">({t(`bookmarkKind.${b.kind}`)}{b.note ? ` · ${b.note}` : ""})</span>{" "}
            <button type="button" class="button button-quiet" data-testid="orphan-remove" onClick={() => void remove(b)}>{t("bookmark.remove")}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
