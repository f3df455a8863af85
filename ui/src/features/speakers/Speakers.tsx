import { signal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { FieldMark, IllustrativeNote, Sources } from "../../components/Provenance";
import { SafeHtml } from "../../components/Html";
import { SessionRow } from "../../components/SessionRow";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { VirtualList } from "../../components/VirtualList";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { href } from "../../state/router";
import { BackButton } from "../session/SessionDetail";

const query = signal("");

/** Case-insensitive match on any of the given texts. */
export function matches(needle: string, ...texts: (string | null | undefined)[]): boolean {
  const n = needle.trim().toLowerCase();
  return !n || texts.some((x) => x?.toLowerCase().includes(n));
}

export function Speakers() {
  const state = useAsync(() => ipc.speakers(), [current.value?.slug, dataVersion.value]);
  const shown = useMemo(
    () => (state.data ?? []).filter((p) => matches(query.value, p.name, p.other_name, p.affiliation)),
    [state.data, query.value],
  );
  return (
    <section class="view view-speakers" aria-labelledby="speakers-heading" data-testid="view-speakers">
      <header class="view-header">
        <h1 id="speakers-heading">{t("nav.speakers")}</h1>
      </header>
      <div class="filters">
        <label class="filter filter-grow">
          <span>{t("filter.find")}</span>
          <input type="search" value={query.value} data-testid="speakers-filter" placeholder={t("speakers.filterPlaceholder")}
            onInput={(e) => (query.value = (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <span class="count" role="status">{state.data ? t("common.count", { shown: shown.length, total: state.data.length }) : ""}</span>
      </div>
      {state.error ? <ErrorNote error={state.error} /> : !state.data ? <Loading /> : shown.length === 0 ? (
        <Empty><p>{state.data.length ? t("common.noMatch") : t("speakers.empty")}</p></Empty>
      ) : (
        <VirtualList items={shown} rowHeight={56} getKey={(p) => p.key} label={t("nav.speakers")} testId="speaker-list" resetKey={query.value}
          renderRow={(p, _i, tabIndex) => (
            <a class="row-link" href={href("speaker", p.key)} tabIndex={tabIndex} data-testid="speaker-row" data-key={p.key} title={p.name}>
              <span class="row-main">
                <span class="row-title">{p.name}{p.other_name && <span class="row-other"> · {p.other_name}</span>}</span>
                <span class="row-meta">{[p.affiliation, t("speakers.sessionCount", { n: p.sessions.length })].filter(Boolean).join(" · ")}</span>
              </span>
            </a>
          )} />
      )}
    </section>
  );
}

export function SpeakerDetail({ personKey }: { personKey: string }) {
  const state = useAsync(async () => {
    const person = (await ipc.speakers()).find((p) => p.key === personKey);
    if (!person) throw new ipc.IpcError("not-found", t("speakers.notFound", { key: personKey }));
    const sessions = person.sessions.length ? await ipc.sessions({ keys: person.sessions, with_text: false }) : [];
    return { person, sessions };
  }, [personKey, current.value?.slug, dataVersion.value]);
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.data) return <Loading />;
  const { person: p, sessions } = state.data;
  return (
    <article class="view detail" aria-labelledby="speaker-name" data-testid="speaker-detail" data-key={p.key}>
      <BackButton />
      <header class="detail-header">
        <h1 id="speaker-name">{p.name}</h1>
        {p.other_name && <p class="other-title">{p.other_name}</p>}
        {p.affiliation && <p class="subtitle" data-testid="speaker-affiliation">{p.affiliation} <FieldMark fields={p.illustrative} names={["affiliation"]} /></p>}
      </header>
      <IllustrativeNote fields={p.illustrative} />
      {p.bio ? <SafeHtml html={p.bio} testId="speaker-bio" /> : <p class="muted">{t("speakers.noBio")}</p>}
      <section aria-labelledby="speaker-sessions">
        <h2 id="speaker-sessions">{t("speakers.sessions")}</h2>
        {sessions.length ? (
          <ul class="plain-list" data-testid="speaker-sessions">
            {sessions.map((s) => <li key={s.key}><SessionRow s={s} withDate /></li>)}
          </ul>
        ) : <Empty><p>{t("speakers.noSessions")}</p></Empty>}
      </section>
      <Sources sources={p.sources} />
    </article>
  );
}

