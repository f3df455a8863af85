import { useEffect, useRef, useState } from "preact/hooks";
import { DayTabs } from "../../components/DayTabs";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { Agenda, DayPlan, Priority, VenueMap } from "../../ipc/bindings";
import { formatDay } from "../../lib/time";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion, touched } from "../../state/app";
import { href, navigate } from "../../state/router";
import { lang } from "../../state/settings";
import { ShareButton } from "../share/ShareDialog";
import { ChosenList, LeftOutList, SuggestionList, TooFarList, type Run } from "./PlanSections";

/** The first of the conference's days with a bookmarked session, else its first day. */
export function firstPlannedDay(agenda: Agenda | null, days: readonly string[]): string | null {
  return agenda?.days.map((d) => d.date).find((d) => days.includes(d)) ?? days[0] ?? null;
}

/** Whether any of the map's layout or walks is illustrative rather than the organisers'. */
export function mapIllustrative(map: VenueMap | null | undefined): boolean {
  return !!map && (map.venues.some((v) => v.illustrative || v.halls.some((h) => h.illustrative)) || map.walks.some((w) => w.illustrative));
}

/** "Plan my day" for `date` (YYYY-MM-DD), or for the first day with bookmarks when none is asked for. */
export function PlanDay({ date: asked }: { date?: string }) {
  const conf = current.value;
  const days = conf?.days ?? [];
  const agenda = useAsync(() => (asked ? Promise.resolve(null) : ipc.agenda()), [asked, conf?.slug, dataVersion.value]);
  const date = asked ?? (agenda.data !== undefined || agenda.error ? firstPlannedDay(agenda.data ?? null, days) : undefined);
  const state = useAsync(() => (date ? ipc.planDay(date) : Promise.resolve(null)), [date, conf?.slug, dataVersion.value]);
  // While another day loads, show that it loads rather than the day before under the new tab.
  const plan = state.data && state.data.date === date ? state.data : undefined;
  const map = useAsync(() => ipc.venueMap(), [conf?.slug, dataVersion.value]);

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ipc.IpcError | null>(null);
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const refocus = useRef(false);
  const run: Run = async (work, done = "") => {
    setBusy(true);
    refocus.current = true;
    try {
      await work();
      setError(null);
      setStatus(done);
    } catch (e) {
      setError(ipc.toIpcError(e));
      setStatus("");
    } finally {
      setBusy(false);
      touched();
    }
  };
  // The button pressed may be gone once the plan reloads (a session moved between lists):
  // keyboard users then land on the status line instead of the top of the page.
  useEffect(() => {
    if (!refocus.current || state.loading) return;
    refocus.current = false;
    if (!document.activeElement || document.activeElement === document.body) statusRef.current?.focus();
  }, [state.data, state.loading]);

  return (
    <section class="view view-plan" aria-labelledby="plan-heading" data-testid="view-plan" data-day={date ?? ""}>
      <header class="view-header">
        <h1 id="plan-heading">{t("nav.plan")}</h1>
        {date && (
          <p class="print-only plan-print-heading" data-testid="plan-print-heading">
            {t("plan.printHeading", { day: formatDay(date, lang.value, true), conference: conf?.title ?? "" })}
          </p>
        )}
        {plan && <PlanActions plan={plan} busy={busy} run={run} />}
      </header>
      {days.length > 0 && <DayTabs days={days} selected={date ?? null} onSelect={(d) => navigate("plan", d)} />}
      <p class="status" role="status" tabIndex={-1} ref={statusRef} data-testid="plan-status">{status}</p>
      {error && <p class="inline-error" role="alert" data-testid="plan-error">{error.kind}: {error.message}</p>}
      {state.error ? <ErrorNote error={state.error} /> : date === null ? (
        <Empty><p>{t("plan.empty")}</p></Empty>
      ) : !plan ? <Loading /> : <PlanBody plan={plan} illustrative={mapIllustrative(map.data)} busy={busy} run={run} />}
    </section>
  );
}

function PlanActions({ plan, busy, run }: { plan: DayPlan; busy: boolean; run: Run }) {
  const empty = !plan.chosen.length && !plan.left_out.length;
  return (
    <div class="actions">
      <button type="button" class="button" data-testid="plan-accept" disabled={busy || empty}
        onClick={() => void run(() => ipc.acceptPlan(plan.date), t("plan.accepted"))}>
        {t("plan.accept")}
      </button>
      {plan.decided && (
        <button type="button" class="button button-quiet" data-testid="plan-reset" disabled={busy}
          onClick={() => void run(() => ipc.resetPlan(plan.date), t("plan.wasReset"))}>
          {t("plan.reset")}
        </button>
      )}
      <ShareButton scope={{ kind: "day", date: plan.date }} disabled={!plan.chosen.length} />
      <button type="button" class="button button-quiet" data-testid="plan-print" disabled={!plan.chosen.length} onClick={() => window.print()}>
        {t("plan.print")}
      </button>
      <button type="button" class="button button-quiet" data-testid="plan-pdf" disabled={busy || !plan.chosen.length}
        onClick={async () => {
          // The dialog first (its errors show like any other), then the file; "saved" only
          // when it was.
          let path: string | null = null;
          await run(async () => {
            path = await ipc.saveDialog({
              title: t("plan.pdf"),
              defaultPath: `${plan.conference}-plan-${plan.date}.pdf`,
              filters: [{ name: "PDF", extensions: ["pdf"] }],
            });
          });
          const chosen: string | null = path;
          if (chosen) await run(() => ipc.exportPlanPdf(plan.date, chosen), t("plan.pdfSaved"));
        }}>
        {t("plan.pdf")}
      </button>
    </div>
  );
}

function PlanBody({ plan, illustrative, busy, run }: { plan: DayPlan; illustrative: boolean; busy: boolean; run: Run }) {
  const items = [...plan.chosen, ...plan.left_out];
  const titles = new Map([...items, ...plan.suggestions].map((i) => [i.session.key, i.session.title] as const));
  const title = (key: string) => titles.get(key) ?? key;
  const priorities = new Map<string, Priority>(items.map((i) => [i.session.key, i.priority]));
  // What the printout's footnote is about: the walks it shows.
  const showsWalks = plan.walks_known && (plan.chosen.some((i) => !!i.walk_minutes) || plan.too_far.length > 0);
  return (
    <>
      {plan.decided && <p class="notice plan-decided" data-testid="plan-decided">{t("plan.decided")}</p>}
      {!plan.walks_known && <p class="notice notice-warn" data-testid="plan-walks-unknown">{t("plan.walksUnknown")}</p>}
      {!items.length ? (
        <Empty>
          <p>{t("plan.empty")}</p>
          <p><a href={href("programme")} data-testid="plan-browse">{t("plan.browse")}</a></p>
        </Empty>
      ) : (
        <>
          <ChosenList plan={plan} title={title} priorities={priorities} busy={busy} run={run} />
          <LeftOutList plan={plan} title={title} priorities={priorities} busy={busy} run={run} />
          <TooFarList pairs={plan.too_far} title={title} />
        </>
      )}
      <SuggestionList plan={plan} title={title} busy={busy} run={run} />
      {showsWalks && (illustrative || plan.too_far.some((p) => p.illustrative)) && (
        <p class="print-only plan-print-note" data-testid="plan-print-illustrative">* {t("plan.printIllustrative")}</p>
      )}
    </>
  );
}
