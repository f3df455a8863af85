import { useState } from "preact/hooks";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { formatDay } from "../../lib/time";
import { conferenceError, conferenceList, switchConference } from "../../state/app";
import { lang } from "../../state/settings";
import { ImportPanel } from "./ImportPanel";
import { VenueImport } from "./VenueImport";

export function Conferences() {
  const list = conferenceList.value;
  const [error, setError] = useState<ipc.IpcError | null>(null);
  const switchTo = async (slug: string) => {
    try {
      await switchConference(slug);
      setError(null);
    } catch (e) {
      setError(ipc.toIpcError(e));
    }
  };
  return (
    <section class="view view-conferences" aria-labelledby="conferences-heading" data-testid="view-conferences">
      <header class="view-header">
        <h1 id="conferences-heading">{t("nav.conferences")}</h1>
      </header>
      <p class="muted">{t("conferences.bookmarksKept")}</p>
      {error && <ErrorNote error={error} />}
      {conferenceError.value ? <ErrorNote error={conferenceError.value} /> : !list ? <Loading /> : list.length === 0 ? (
        <Empty><p>{t("conferences.empty")}</p></Empty>
      ) : (
        <ul class="cards" data-testid="conference-list">
          {list.map((c) => (
            <li key={c.slug} class={`card conference-card${c.current ? " current" : ""}`} data-testid="conference-item" data-slug={c.slug}>
              <h2>
                {c.title}
                {c.current && <span class="badge badge-current" data-testid="conference-current"> {t("conferences.current")}</span>}
              </h2>
              {c.other_title && <p class="other-title">{c.other_title}</p>}
              <p class="muted">
                {[c.start_date && c.end_date ? `${formatDay(c.start_date, lang.value)} – ${formatDay(c.end_date, lang.value)}` : null, c.time_zone]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <p>{t("conferences.counts", { sessions: c.sessions, exhibitors: c.exhibitors })}</p>
              {!c.current && (
                <button type="button" class="button" data-testid="conference-switch" data-slug={c.slug} onClick={() => void switchTo(c.slug)}>
                  {t("conferences.switch")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ImportPanel />
      <VenueImport />
    </section>
  );
}
