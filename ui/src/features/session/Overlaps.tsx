import { TimeRange } from "../../components/TimeText";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { SessionView } from "../../ipc/bindings";
import { instant } from "../../lib/time";
import { useAsync } from "../../lib/useAsync";
import { dataVersion } from "../../state/app";
import { href } from "../../state/router";

/** Bookmarked sessions (from the agenda) that overlap this one in time. */
export function Overlaps({ session: s }: { session: SessionView }) {
  const state = useAsync(() => ipc.agenda(s.conference), [s.conference, dataVersion.value]);
  const a = instant(s.start);
  const b = instant(s.end);
  const clashes = (state.data?.days ?? [])
    .flatMap((d) => d.items)
    .filter((i) => i.session.key !== s.key && instant(i.session.start) < b && instant(i.session.end) > a);
  if (!clashes.length) return null;
  return (
    <section class="overlaps" aria-labelledby="overlaps-heading" data-testid="session-overlaps">
      <h2 id="overlaps-heading">
        <span class="flag" aria-hidden="true">⚠</span> {t("session.overlapsHeading")}
      </h2>
      <ul>
        {clashes.map((i) => (
          <li key={i.session.key}>
            <a href={href("session", i.session.key)} data-testid="overlap-link">{i.session.title}</a>{" "}
            <TimeRange start={i.session.start} end={i.session.end} />{" "}
            <span class={`badge priority-${i.priority}`}>{t(`priority.${i.priority}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
