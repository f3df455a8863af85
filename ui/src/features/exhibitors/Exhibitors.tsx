import { signal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { FieldMark } from "../../components/Provenance";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { VirtualList } from "../../components/VirtualList";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { ExhibitorView } from "../../ipc/bindings";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { href } from "../../state/router";
import { matches } from "../speakers/Speakers";

interface Filters {
  text: string;
  hall: string;
  category: string;
  country: string;
}
const EMPTY: Filters = { text: "", hall: "", category: "", country: "" };
const filters = signal<Filters>(EMPTY);

export function filterExhibitors(list: readonly ExhibitorView[], f: Filters): ExhibitorView[] {
  return list.filter(
    (e) =>
      (!f.hall || e.hall === f.hall) &&
      (!f.category || e.categories.includes(f.category)) &&
      (!f.country || e.country === f.country) &&
      (matches(f.text, e.name, e.other_name, ...e.booths) ||
        e.products.some((p) => matches(f.text, p.name, p.other_name))),
  );
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
}

export function Exhibitors() {
  const state = useAsync(() => ipc.exhibitors({ with_text: false }), [current.value?.slug, dataVersion.value]);
  const all = state.data ?? [];
  const options = useMemo(
    () => ({
      hall: distinct(all.map((e) => e.hall)),
      category: distinct(all.flatMap((e) => e.categories)),
      country: distinct(all.map((e) => e.country)),
    }),
    [all],
  );
  const shown = useMemo(() => filterExhibitors(all, filters.value), [all, filters.value]);
  const set = (name: keyof Filters, value: string) => (filters.value = { ...filters.value, [name]: value });
  const select = (name: "hall" | "category" | "country", label: string) => (
    <label class="filter">
      <span>{label}</span>
      <select value={filters.value[name]} data-testid={`exhibitor-filter-${name}`} onChange={(e) => set(name, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t("filter.all")}</option>
        {options[name].map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    </label>
  );

  return (
    <section class="view view-exhibitors" aria-labelledby="exhibitors-heading" data-testid="view-exhibitors">
      <header class="view-header">
        <h1 id="exhibitors-heading">{t("nav.exhibitors")}</h1>
      </header>
      <div class="filters" role="group" aria-label={t("filter.label")}>
        <label class="filter filter-grow">
          <span>{t("filter.find")}</span>
          <input type="search" value={filters.value.text} data-testid="exhibitor-search" placeholder={t("exhibitors.searchPlaceholder")}
            onInput={(e) => set("text", (e.currentTarget as HTMLInputElement).value)} />
        </label>
        {select("hall", t("filter.hall"))}
        {select("category", t("filter.category"))}
        {select("country", t("filter.country"))}
        <span class="count" role="status">{state.data ? t("common.count", { shown: shown.length, total: all.length }) : ""}</span>
      </div>
      {state.error ? <ErrorNote error={state.error} /> : !state.data ? <Loading /> : shown.length === 0 ? (
        <Empty><p>{all.length ? t("common.noMatch") : t("exhibitors.empty")}</p></Empty>
      ) : (
        <VirtualList items={shown} rowHeight={64} getKey={(e) => e.key} label={t("nav.exhibitors")} testId="exhibitor-list"
          resetKey={JSON.stringify(filters.value)}
          renderRow={(e, _i, tabIndex) => (
            <a class="row-link" href={href("exhibitor", e.key)} tabIndex={tabIndex} data-testid="exhibitor-row" data-key={e.key}
              title={e.other_name ? `${e.name}\n${e.other_name}` : e.name}>
              <span class="row-time">
                {e.booths.join(", ") || "—"}
                <FieldMark fields={e.illustrative} names={["booths", "booth", "hall"]} />
              </span>
              <span class="row-main">
                <span class="row-title">{e.name}{e.other_name && <span class="row-other"> · {e.other_name}</span>}</span>
                <span class="row-meta">{[e.hall, e.country, e.categories.join(", ")].filter(Boolean).join(" · ")}</span>
              </span>
              {e.visited && <span class="badge badge-visited" data-testid="exhibitor-visited-badge">{t("exhibitor.visited")}</span>}
              {e.bookmark && <span class={`badge priority-${e.bookmark}`}>{t(`priority.${e.bookmark}`)}</span>}
            </a>
          )} />
      )}
    </section>
  );
}
