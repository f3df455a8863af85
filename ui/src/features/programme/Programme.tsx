import { signal } from "@preact/signals";
import { useEffect, useMemo, useState } from "preact/hooks";
import { DayTabs } from "../../components/DayTabs";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { kindLabel } from "../../components/SessionRow";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { markPaintedOnce } from "../../lib/perf";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { takePrimedSessions } from "../../state/startup";
import { applyFilters, defaultDay, filterOptions, NO_FILTERS, programmeQuery, type ProgrammeFilters } from "./filters";
import { ProgrammeGrid } from "./ProgrammeGrid";
import { ProgrammeList } from "./ProgrammeList";

// Kept outside the component so the programme looks the same when the user comes back to it.
const chosenDay = signal<string | null>(null);
const filters = signal<ProgrammeFilters>(NO_FILTERS);
const layout = signal<"list" | "grid">("list");

/** Back to the first day, no filters, list layout. */
export function resetProgrammeView(): void {
  chosenDay.value = null;
  filters.value = NO_FILTERS;
  layout.value = "list";
}

export function Programme() {
  const conf = current.value;
  const days = conf?.days ?? [];
  const day = chosenDay.value && days.includes(chosenDay.value) ? chosenDay.value : defaultDay(days, conf?.time_zone);
  const query = programmeQuery(conf?.slug, day);
  const [primed] = useState(() => takePrimedSessions(query.key));
  const state = useAsync(() => ipc.sessions(query.filter), [day, conf?.slug, dataVersion.value], primed);
  const all = state.data ?? [];
  const options = useMemo(() => filterOptions(all), [all]);
  const shown = useMemo(() => applyFilters(all, filters.value), [all, filters.value]);
  const active = Object.values(filters.value).some(Boolean);
  useEffect(() => {
    if (shown.length) markPaintedOnce("programme:painted");
  }, [shown]);

  const select = (name: keyof ProgrammeFilters, label: string, values: string[], show: (v: string) => string = (v) => v) => (
    <label class="filter">
      <span>{label}</span>
      <select
        value={filters.value[name]}
        data-testid={`filter-${name}`}
        onChange={(e) => (filters.value = { ...filters.value, [name]: (e.currentTarget as HTMLSelectElement).value })}
      >
        <option value="">{t("filter.all")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {show(v)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section class="view view-programme" aria-labelledby="programme-heading" data-testid="view-programme">
      <header class="view-header">
        <h1 id="programme-heading">{t("nav.programme")}</h1>
        <div class="segmented-buttons" role="group" aria-label={t("programme.layout")}>
          <button type="button" aria-pressed={layout.value === "list"} data-testid="view-list" onClick={() => (layout.value = "list")}>
            {t("programme.list")}
          </button>
          <button type="button" aria-pressed={layout.value === "grid"} data-testid="view-grid" onClick={() => (layout.value = "grid")}>
            {t("programme.grid")}
          </button>
        </div>
      </header>
      {days.length > 0 && <DayTabs days={days} selected={day} onSelect={(d) => (chosenDay.value = d)} />}
      <div class="filters" role="group" aria-label={t("filter.label")}>
        {select("track", t("filter.track"), options.track)}
        {select("kind", t("filter.kind"), options.kind, kindLabel)}
        {select("venue", t("filter.venue"), options.venue)}
        {select("language", t("filter.language"), options.language, languageLabel)}
        {active && (
          <button type="button" class="button button-quiet" data-testid="filter-clear" onClick={() => (filters.value = NO_FILTERS)}>
            {t("filter.clear")}
          </button>
        )}
        <span class="count" role="status" data-testid="programme-count">
          {state.data ? t("programme.count", { shown: shown.length, total: all.length }) : ""}
        </span>
      </div>
      {state.error ? (
        <ErrorNote error={state.error} />
      ) : !state.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <Empty>
          <p>{all.length ? t("programme.noMatch") : t("programme.empty")}</p>
        </Empty>
      ) : layout.value === "list" ? (
        <ProgrammeList sessions={shown} resetKey={`${day}|${JSON.stringify(filters.value)}`} />
      ) : (
        <ProgrammeGrid sessions={shown} />
      )}
    </section>
  );
}

const LANGS: Record<string, "lang.en" | "lang.zh"> = { en: "lang.en", zh: "lang.zh" };

/** "en" → "English"; unknown codes as written. */
export function languageLabel(code: string): string {
  const key = LANGS[code.toLowerCase()];
  return key ? t(key) : code;
}
