import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import type { SessionView } from "../ipc/bindings";
import { changedKeys } from "../state/app";
import { href } from "../state/router";
import { FieldMark } from "./Provenance";
import { TimeRange } from "./TimeText";

/** Where a session happens, as one line. */
export function place(s: SessionView): string {
  return [s.room, s.hall && s.hall !== s.room ? s.hall : null, s.venue].filter(Boolean).join(" · ");
}

/**
 * One session as a two-line link: time and title, then place, track and kind. Long titles in any
 * script are cut with an ellipsis; the full title is in the tooltip and on the detail page.
 * `badges` go before the priority badge (a plan mark, say).
 */
export function SessionRow({ s, tabIndex, withDate = false, badges }: { s: SessionView; tabIndex?: number; withDate?: boolean; badges?: ComponentChildren }) {
  return (
    <a
      class="row-link session-row"
      href={href("session", s.key)}
      tabIndex={tabIndex}
      data-testid="session-row"
      data-key={s.key}
      title={s.other_title ? `${s.title}\n${s.other_title}` : s.title}
    >
      <span class="row-time">
        <TimeRange start={s.start} end={s.end} withDate={withDate} />
        <FieldMark fields={s.illustrative} names={["start", "end"]} />
      </span>
      <span class="row-main">
        <span class="row-title">
          {s.title}
          {s.other_title && <span class="row-other"> · {s.other_title}</span>}
        </span>
        <span class="row-meta">
          {[place(s), s.track, s.kind && kindLabel(s.kind)].filter(Boolean).join(" · ")}
        </span>
      </span>
      {changedKeys.value.has(s.key) && (
        <span class="badge badge-changed" data-testid="session-changed-badge" title={t("changes.markerTitle")}>
          {t("changes.marker")}
        </span>
      )}
      {badges}
      {s.bookmark && (
        <span class={`badge priority-${s.bookmark}`} data-testid="session-bookmark-badge">
          {t(`priority.${s.bookmark}`)}
        </span>
      )}
    </a>
  );
}

const KINDS = ["keynote", "talk", "panel", "forum", "workshop", "ceremony", "lightning"] as const;

/** A session kind in the UI language when it is a known one, else as the source wrote it. */
export function kindLabel(kind: string): string {
  return (KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as (typeof KINDS)[number]}`) : kind;
}
