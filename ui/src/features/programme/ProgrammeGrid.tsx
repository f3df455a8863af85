import { useMemo } from "preact/hooks";
import { t } from "../../i18n";
import type { SessionView } from "../../ipc/bindings";
import { formatTime } from "../../lib/time";
import { lang, timeMode } from "../../state/settings";
import { href } from "../../state/router";
import { gridLayout, SLOT_MINUTES } from "./grid";

/** Rooms across, time down. Grid positions are custom properties read by the stylesheet. */
export function ProgrammeGrid({ sessions }: { sessions: readonly SessionView[] }) {
  const layout = useMemo(() => gridLayout(sessions, t("programme.noRoom")), [sessions]);
  const stamp = (ms: number) => new Date(ms + layout.offset * 60_000).toISOString().slice(0, 19) + offsetSuffix(layout.offset);
  return (
    <div class="grid-scroll" data-testid="programme-grid" role="region" aria-label={t("programme.gridLabel")} tabIndex={0}>
      <div class="grid" style={{ "--cols": String(layout.columns), "--rows": String(layout.slots.length) }}>
        <div class="grid-corner" />
        {layout.rooms.map((r) => (
          <div key={r.name} class="grid-room" data-testid="grid-room" title={r.name}
            style={{ "--c0": String(r.column), "--c1": String(r.column + r.lanes) }}>
            {r.name}
          </div>
        ))}
        {layout.slots.map((ms, i) =>
          i % (60 / SLOT_MINUTES) === 0 ? (
            <div key={ms} class="grid-time" style={{ "--r0": String(i + 2), "--r1": String(Math.min(i + 2 + 60 / SLOT_MINUTES, layout.slots.length + 2)) }}>
              {formatTime(stamp(ms), timeMode.value, lang.value)}
            </div>
          ) : null,
        )}
        {layout.cells.map(({ session: s, column, rowStart, rowEnd }) => (
          <a
            key={s.key}
            href={href("session", s.key)}
            class={`grid-cell${s.bookmark ? ` bookmarked priority-${s.bookmark}` : ""}`}
            data-testid="grid-session"
            data-key={s.key}
            title={s.other_title ? `${s.title}\n${s.other_title}` : s.title}
            style={{ "--c": String(column), "--r0": String(rowStart), "--r1": String(rowEnd) }}
          >
            <span class="grid-cell-time">{formatTime(s.start, timeMode.value, lang.value)}</span>
            <span class="grid-cell-title">{s.title}</span>
            {s.other_title && <span class="grid-cell-other">{s.other_title}</span>}
          </a>
        ))}
      </div>
    </div>
  );
}

function offsetSuffix(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
