import { useState } from "preact/hooks";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { AgendaItem, BoothRoute, RouteRequest, VenueMap } from "../../ipc/bindings";
import { formatDay, formatTime } from "../../lib/time";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion, touched } from "../../state/app";
import { href } from "../../state/router";
import { lang, timeMode } from "../../state/settings";
import { routeVenue } from "./geometry";
import { ShareButton } from "../share/ShareDialog";
import { RouteMap } from "./RouteMap";

interface Form {
  after: string;
  before: string;
  minutes: string;
  visit: string;
  includeVisited: boolean;
}

/** A whole number of minutes from a field, or null when it is empty or not a number. */
export function minutesOf(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() === "" || !Number.isFinite(n) ? null : Math.round(n);
}

export function requestOf(form: Form): RouteRequest {
  return {
    conference: null,
    after: form.after || null,
    before: form.before || null,
    from: null,
    minutes: minutesOf(form.minutes),
    visit_minutes: minutesOf(form.visit),
    include_visited: form.includeVisited,
  };
}

export function BoothRouteView() {
  const [form, setForm] = useState<Form>({ after: "", before: "", minutes: "", visit: "10", includeVisited: false });
  const request = requestOf(form);
  const slug = current.value?.slug;
  const agenda = useAsync(() => ipc.agenda(), [slug, dataVersion.value]);
  const route = useAsync(() => ipc.boothRoute(request), [JSON.stringify(request), slug, dataVersion.value]);
  const map = useAsync(() => ipc.venueMap(), [slug, dataVersion.value]);
  const sessions = (agenda.data?.days ?? []).flatMap((d) => d.items);
  const noExhibitors = agenda.data && !agenda.data.exhibitors.length;

  return (
    <section class="view view-route" aria-labelledby="route-heading" data-testid="view-route">
      <header class="view-header">
        <h1 id="route-heading">{t("nav.route")}</h1>
        <div class="actions">
          <ShareButton scope={{ kind: "booths" }} disabled={!agenda.data?.exhibitors.length} />
        </div>
      </header>
      <RouteForm form={form} sessions={sessions} onChange={(change) => setForm((f) => ({ ...f, ...change }))} />
      {noExhibitors ? (
        <Empty>
          <p>{t("route.empty")}</p>
          <p><a href={href("exhibitors")} data-testid="route-browse">{t("route.browse")}</a></p>
        </Empty>
      ) : route.error ? <ErrorNote error={route.error} /> : !route.data ? <Loading /> : (
        <RouteResult route={route.data} map={map.data ?? null} />
      )}
    </section>
  );
}

function RouteForm({ form, sessions, onChange }: { form: Form; sessions: AgendaItem[]; onChange: (change: Partial<Form>) => void }) {
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const label = (i: AgendaItem) =>
    `${formatDay(i.session.day, lang.value)} ${formatTime(i.session.start, timeMode.value, lang.value)} · ${i.session.title}`;
  const select = (name: "after" | "before", text: string) => (
    <label class="filter">
      <span>{text}</span>
      <select value={form[name]} data-testid={`route-${name}`} onChange={(e) => onChange({ [name]: value(e) })}>
        <option value="">{t("route.none")}</option>
        {sessions.map((i) => <option key={i.session.key} value={i.session.key}>{label(i)}</option>)}
      </select>
    </label>
  );
  return (
    <div class="filters route-form" role="group" aria-label={t("route.form")}>
      {select("after", t("route.after"))}
      {select("before", t("route.before"))}
      <label class="filter">
        <span>{t("route.minutes")}</span>
        <input type="number" min={0} step={5} class="route-number-input" value={form.minutes} data-testid="route-minutes"
          onInput={(e) => onChange({ minutes: value(e) })} />
      </label>
      <label class="filter">
        <span>{t("route.visit")}</span>
        <input type="number" min={0} max={1440} class="route-number-input" value={form.visit} data-testid="route-visit"
          onInput={(e) => onChange({ visit: value(e) })} />
      </label>
      <label class="check route-check">
        <input type="checkbox" checked={form.includeVisited} data-testid="route-include-visited"
          onChange={(e) => onChange({ includeVisited: (e.currentTarget as HTMLInputElement).checked })} />
        {t("route.includeVisited")}
      </label>
    </div>
  );
}

function RouteResult({ route, map }: { route: BoothRoute; map: VenueMap | null }) {
  const venue = map ? routeVenue(map, route) : null;
  const illustrative = route.illustrative || !!venue?.illustrative || !!venue?.halls.some((h) => h.illustrative);
  return (
    <>
      <p class="route-summary" data-testid="route-summary">
        {t("route.summary", { count: route.stops.length, total: route.total_minutes, walk: route.walk_minutes, visit: route.visit_minutes })}
        {route.window_minutes !== null && t("route.ofWindow", { window: route.window_minutes })}
        {!route.exact && <span class="muted"> {t("route.heuristic")}</span>}
      </p>
      {!route.fits && (
        <p class="notice-warn" role="alert" data-testid="route-does-not-fit">
          {t("route.doesNotFit", { end: route.end ?? "", walk: route.walk_minutes, window: route.window_minutes ?? 0 })}
        </p>
      )}
      <p class="muted" data-testid="route-ends">
        {t("route.from", { start: route.start })}
        {route.end && ` ${t("route.to", { end: route.end, minutes: route.end_walk_minutes ?? 0 })}`}
      </p>
      {illustrative && (
        <p class="illustrative-note" role="note" data-testid="route-illustrative">
          <span class="badge badge-illustrative">{t("illustrative.badge")}</span> {t("route.illustrative")}
        </p>
      )}
      <div class="route-columns">
        <Stops route={route} />
        {venue && <RouteMap venue={venue} route={route} />}
      </div>
      <LeftOff route={route} />
    </>
  );
}

function Stops({ route }: { route: BoothRoute }) {
  const [error, setError] = useState<ipc.IpcError | null>(null);
  if (!route.stops.length) return <Empty><p data-testid="route-no-stops">{t("route.noStops")}</p></Empty>;
  const visited = async (key: string, value: boolean) => {
    try {
      await ipc.setBookmark({ conference: route.conference, kind: "exhibitor", key, visited: value });
      setError(null);
    } catch (e) {
      setError(ipc.toIpcError(e));
    }
    touched();
  };
  return (
    <div class="route-stops-column">
      {error && <p class="inline-error" role="alert">{error.kind}: {error.message}</p>}
      <ol class="plain-list route-stops" aria-label={t("route.stops")} data-testid="route-stops">
        {route.stops.map((s) => (
          <li key={s.number} class={`route-stop${s.visited ? " visited" : ""}`} data-testid={`route-stop-${s.number}`} data-key={s.exhibitor}>
            <span class={`route-number priority-${s.priority}`}>{s.number}</span>
            <span class="row-main">
              <a class="row-title" href={href("exhibitor", s.exhibitor)}>
                {s.name}{s.other_name && <span class="row-other"> · {s.other_name}</span>}
              </a>
              <span class="row-meta">{[s.booth, s.hall].filter(Boolean).join(" · ")}</span>
            </span>
            <span class="route-times">
              <span data-testid="route-stop-walk">{t("route.walk", { minutes: s.walk_minutes })}</span>
              <span class="muted" title={t("route.arriveTitle", { minutes: s.arrive_after_minutes })}>{t("route.arrive", { minutes: s.arrive_after_minutes })}</span>
            </span>
            <label class="check">
              <input type="checkbox" checked={s.visited} data-testid={`route-visited-${s.exhibitor}`} aria-label={t("route.visitedLabel", { name: s.name })}
                onChange={(e) => void visited(s.exhibitor, (e.currentTarget as HTMLInputElement).checked)} />
              <span aria-hidden="true">{t("route.visited")}</span>
            </label>
          </li>
        ))}
      </ol>
    </div>
  );
}

function LeftOff({ route }: { route: BoothRoute }) {
  if (!route.left_off.length) return null;
  return (
    <section aria-labelledby="route-left-heading" data-testid="route-left-off">
      <h2 id="route-left-heading">{t("route.leftOff")}</h2>
      <ul class="plain-list">
        {route.left_off.map((l) => (
          <li key={l.exhibitor} class="route-left" data-testid="route-left" data-key={l.exhibitor} data-why={l.why}>
            <a href={href("exhibitor", l.exhibitor)}>{l.name}</a> <span class={`badge priority-${l.priority}`}>{t(`priority.${l.priority}`)}</span>{" "}
            <span class="muted">{t(`route.why.${l.why}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
