import { formatDay } from "../lib/time";
import { t } from "../i18n";
import { lang } from "../state/settings";

/** Conference days as tabs; arrow keys move between them (the WAI-ARIA tabs pattern). */
export function DayTabs({ days, selected, onSelect }: { days: readonly string[]; selected: string | null; onSelect: (day: string) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const i = days.indexOf(selected ?? "");
    const next =
      event.key === "ArrowRight" ? i + 1 : event.key === "ArrowLeft" ? i - 1 : event.key === "Home" ? 0 : event.key === "End" ? days.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const day = days[(next + days.length) % days.length];
    if (!day) return;
    const list = event.currentTarget as HTMLElement;
    onSelect(day);
    requestAnimationFrame(() => list.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus());
  };
  return (
    <div class="day-tabs" role="tablist" aria-label={t("programme.days")} onKeyDown={onKeyDown}>
      {days.map((day, i) => (
        <button
          key={day}
          type="button"
          role="tab"
          aria-selected={day === selected}
          tabIndex={day === selected ? 0 : -1}
          data-testid="day-tab"
          data-day={day}
          onClick={() => onSelect(day)}
        >
          <span class="day-tab-n">{t("programme.dayN", { n: i + 1 })}</span>
          <span class="day-tab-date">{formatDay(day, lang.value)}</span>
        </button>
      ))}
    </div>
  );
}
