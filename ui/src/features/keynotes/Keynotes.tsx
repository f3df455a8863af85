import { SafeHtml } from "../../components/Html";
import { IllustrativeNote, Sources } from "../../components/Provenance";
import { place } from "../../components/SessionRow";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { TimeRange } from "../../components/TimeText";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { href } from "../../state/router";

/** Every keynote in full, set for reading: a contents list, then one article per keynote. */
export function Keynotes() {
  const state = useAsync(() => ipc.sessions({ kind: "keynote" }), [current.value?.slug, dataVersion.value]);
  return (
    <section class="view view-keynotes" aria-labelledby="keynotes-heading" data-testid="view-keynotes">
      <header class="view-header">
        <h1 id="keynotes-heading">{t("nav.keynotes")}</h1>
      </header>
      {state.error ? <ErrorNote error={state.error} /> : !state.data ? <Loading /> : state.data.length === 0 ? (
        <Empty><p>{t("keynotes.empty")}</p></Empty>
      ) : (
        <div class="reading">
          <nav class="toc" aria-label={t("keynotes.contents")}>
            <ol>
              {state.data.map((s) => (
                <li key={s.key}><a href={`#keynote-${s.key}`} data-testid="keynote-toc-link" onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(`keynote-${s.key}`)?.focus();
                  document.getElementById(`keynote-${s.key}`)?.scrollIntoView({ block: "start" });
                }}>{s.title}</a></li>
              ))}
            </ol>
          </nav>
          {state.data.map((s) => (
            <article key={s.key} id={`keynote-${s.key}`} class="keynote" tabIndex={-1} data-testid="keynote" data-key={s.key} aria-labelledby={`kt-${s.key}`}>
              <h2 id={`kt-${s.key}`}>{s.title}</h2>
              {s.other_title && <p class="other-title">{s.other_title}</p>}
              <p class="keynote-meta">
                {s.speakers.length > 0 && <strong data-testid="keynote-speakers">{s.speakers.join(t("common.listSeparator"))}</strong>}
                {s.speakers.length > 0 && " · "}
                <TimeRange start={s.start} end={s.end} withDate />
                {place(s) && ` · ${place(s)}`}
              </p>
              <IllustrativeNote fields={s.illustrative} />
              {s.abstract_html && (
                <section class="summary" aria-label={t("keynotes.summary")}>
                  <h3>{t("keynotes.summary")}</h3>
                  <SafeHtml html={s.abstract_html} testId="keynote-summary" />
                </section>
              )}
              {s.description_html ? <SafeHtml html={s.description_html} testId="keynote-text" /> : <p class="muted">{t("keynotes.noText")}</p>}
              <p><a href={href("session", s.key)} data-testid="keynote-open">{t("keynotes.openSession")}</a></p>
              <Sources sources={s.sources} />
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
