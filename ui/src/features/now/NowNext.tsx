import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SessionRow } from "../../components/SessionRow";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { SessionView } from "../../ipc/bindings";
import { conferenceDay, fromInputValue, instant, toInputValue, zoneOffset } from "../../lib/time";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { timeMode } from "../../state/settings";
import { ZoneNote } from "../settings/ZoneNote";

/** A time the user picked; null follows the clock. */
export const chosenTime = signal<number | null>(null);

/** The conference clock, to the minute, so a render doesn't refetch on every tick. */
const clock = signal(minute());
function minute(): number {
  return Math.floor(Date.now() / 60_000) * 60_000;
}

/** How long after the first upcoming start a session still counts as "next". */
const NEXT_WINDOW_MS = 30 * 60_000;

export function splitNowNext(sessions: readonly SessionView[], at: number) {
  const now = sessions.filter((s) => instant(s.start) <= at && at < instant(s.end));
  const upcoming = sessions.filter((s) => instant(s.start) > at).sort((a, b) => instant(a.start) - instant(b.start));
  const first = upcoming[0] ? instant(upcoming[0].start) : 0;
  const next = upcoming.filter((s) => instant(s.start) <= first + NEXT_WINDOW_MS);
  return { now, next };
}

export function NowNext() {
  useEffect(() => {
    const timer = setInterval(() => (clock.value = minute()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const conf = current.value;
  const at = chosenTime.value ?? clock.value;
  const offset = (conf && zoneOffset(conf.time_zone, at)) ?? 0;
  const day = conferenceDay(at, offset);
  const days = conf?.days ?? [];
  const nextDay = days.find((d) => d > day);
  const state = useAsync(async () => {
    const today = await ipc.sessions({ day, with_text: false });
    const later = nextDay && !today.some((s) => instant(s.start) > at) ? await ipc.sessions({ day: nextDay, with_text: false }) : [];
    return [...today, ...later];
  }, [day, nextDay, at, conf?.slug, dataVersion.value]);

  const { now, next } = splitNowNext(state.data ?? [], at);
  const firstDay = days[0];
  const outside = chosenTime.value === null && firstDay && !days.includes(day);

  return (
    <section class="view view-now" aria-labelledby="now-heading" data-testid="view-now">
      <header class="view-header">
        <h1 id="now-heading">{t("nav.now")}</h1>
      </header>
      <div class="toolbar">
        <label class="field field-inline">
          <span>{t("now.at")}</span>
          <input
            type="datetime-local"
            data-testid="now-time-input"
            value={toInputValue(at, timeMode.value, offset)}
            onChange={(e) => {
              const ms = fromInputValue((e.currentTarget as HTMLInputElement).value, timeMode.value, offset);
              if (ms !== null) chosenTime.value = ms;
            }}
          />
        </label>
        <ZoneNote />
        {chosenTime.value !== null && (
          <button type="button" class="button button-quiet" data-testid="now-reset" onClick={() => (chosenTime.value = null)}>
            {t("now.useClock")}
          </button>
        )}
      </div>
      {outside && (
        <div class="notice" data-testid="now-outside">
          <p>{t("now.notOn")}</p>
          <button
            type="button"
            class="button"
            data-testid="now-jump"
            onClick={() => {
              const noonUtc = Date.parse(`${firstDay}T12:00:00Z`);
              const dayOffset = zoneOffset(conf?.time_zone ?? "UTC", noonUtc) ?? 0;
              chosenTime.value = fromInputValue(`${firstDay}T10:00`, "conference", dayOffset);
            }}
          >
            {t("now.jump")}
          </button>
        </div>
      )}
      {state.error ? (
        <ErrorNote error={state.error} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <div class="now-columns">
          <Group title={t("now.onNow")} sessions={now} testId="now-list" empty={t("now.nothingNow")} />
          <Group title={t("now.next")} sessions={next} testId="next-list" empty={t("now.nothingNext")} withDate={next.some((s) => s.day !== day)} />
        </div>
      )}
    </section>
  );
}

function Group({ title, sessions, testId, empty, withDate = false }: { title: string; sessions: SessionView[]; testId: string; empty: string; withDate?: boolean }) {
  const id = `${testId}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">{sessions.length}</span>
      </h2>
      {sessions.length ? (
        <ul class="plain-list" data-testid={testId}>
          {sessions.map((s) => (
            <li key={s.key}>
              <SessionRow s={s} withDate={withDate} />
            </li>
          ))}
        </ul>
      ) : (
        <Empty>
          <p>{empty}</p>
        </Empty>
      )}
    </section>
  );
}
