import { BookmarkEditor } from "../../components/BookmarkEditor";
import { SafeHtml } from "../../components/Html";
import { ExternalLink, FieldMark, IllustrativeNote, Sources } from "../../components/Provenance";
import { kindLabel, place } from "../../components/SessionRow";
import { ErrorNote, Loading } from "../../components/States";
import { TimeRange } from "../../components/TimeText";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { Link } from "../../ipc/bindings";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { href } from "../../state/router";
import { ZoneNote } from "../settings/ZoneNote";
import { languageLabel } from "../programme/Programme";
import { CalendarButton } from "./CalendarButton";
import { Overlaps } from "./Overlaps";

export function SessionDetail({ sessionKey }: { sessionKey: string }) {
  const version = dataVersion.value;
  const state = useAsync(
    async () => {
      const s = await ipc.session(sessionKey);
      const [marks, people] = await Promise.all([ipc.bookmarks(s.conference), ipc.speakers(s.conference)]);
      const mark = marks.find((b) => b.kind === "session" && b.key === s.key);
      const speakerKeys = new Map(people.map((p) => [p.name, p.key]));
      return { s, note: mark?.note ?? "", reminder: mark?.reminder ?? { kind: "default" as const }, speakerKeys };
    },
    [sessionKey, version, current.value?.slug],
  );
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.data) return <Loading />;
  const { s, note, reminder, speakerKeys } = state.data;
  const links: Link[] = [...(s.url ? [{ url: s.url, title: t("session.pageLink") }] : []), ...s.links, ...s.attachments];

  return (
    <article class="view detail" aria-labelledby="session-title" data-testid="session-detail" data-key={s.key}>
      <BackButton />
      <header class="detail-header">
        {s.kind && <p class="eyebrow">{kindLabel(s.kind)}</p>}
        <h1 id="session-title" data-testid="session-title">{s.title}</h1>
        {s.other_title && <p class="other-title" data-testid="session-other-title">{s.other_title}</p>}
        {s.subtitle && <p class="subtitle">{s.subtitle}</p>}
      </header>
      <IllustrativeNote fields={s.illustrative} />
      <dl class="facts">
        <dt>{t("session.time")}</dt>
        <dd>
          <TimeRange start={s.start} end={s.end} withDate /> <FieldMark fields={s.illustrative} names={["start", "end"]} />
          <ZoneNote at={s.start} />
        </dd>
        {place(s) && (
          <>
            <dt>{t("session.place")}</dt>
            <dd data-testid="session-place">
              {place(s)} <FieldMark fields={s.illustrative} names={["room", "hall", "venue"]} />
            </dd>
          </>
        )}
        {s.track && (
          <>
            <dt>{t("session.track")}</dt>
            <dd>{s.track}</dd>
          </>
        )}
        {s.language && (
          <>
            <dt>{t("session.language")}</dt>
            <dd>{languageLabel(s.language)}</dd>
          </>
        )}
        {s.speakers.length > 0 && (
          <>
            <dt>{t("session.speakers")}</dt>
            <dd>
              <ul class="inline-list" data-testid="session-speakers">
                {s.speakers.map((name) => {
                  const key = speakerKeys.get(name);
                  return <li key={name}>{key ? <a href={href("speaker", key)} data-testid="speaker-link">{name}</a> : name}</li>;
                })}
              </ul>
              <FieldMark fields={s.illustrative} names={["speakers"]} />
            </dd>
          </>
        )}
      </dl>
      <div class="detail-columns">
        <div class="detail-main">
          {s.abstract_html && (
            <section aria-labelledby="abstract-heading">
              <h2 id="abstract-heading">{t("session.abstract")}</h2>
              <SafeHtml html={s.abstract_html} testId="session-abstract" />
            </section>
          )}
          {s.description_html && (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading">{t("session.description")}</h2>
              <SafeHtml html={s.description_html} testId="session-description" />
            </section>
          )}
          {!s.abstract_html && !s.description_html && <p class="muted">{t("session.noDescription")}</p>}
          {links.length > 0 && (
            <section aria-labelledby="links-heading">
              <h2 id="links-heading">{t("session.links")}</h2>
              <ul>
                {links.map((l) => (
                  <li key={l.url}>
                    <ExternalLink url={l.url} label={l.title} testId="session-link" />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Sources sources={s.sources} />
        </div>
        <aside class="detail-side">
          <BookmarkEditor conference={s.conference} kind="session" targetKey={s.key} priority={s.bookmark}
            note={note} reminder={reminder} />
          <Overlaps session={s} />
          <CalendarButton session={s} />
        </aside>
      </div>
    </article>
  );
}

export function BackButton() {
  return (
    <button type="button" class="button button-quiet back" data-testid="back" onClick={() => history.back()}>
      ← {t("common.back")}
    </button>
  );
}

