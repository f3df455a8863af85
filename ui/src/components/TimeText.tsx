import { formatRange, formatTime } from "../lib/time";
import { lang, timeMode } from "../state/settings";

/** A start–end range in the zone the settings choose. */
export function TimeRange({ start, end, withDate = false }: { start: string; end: string; withDate?: boolean }) {
  const text = withDate
    ? formatRange(start, end, timeMode.value, lang.value)
    : `${formatTime(start, timeMode.value, lang.value)}–${formatTime(end, timeMode.value, lang.value)}`;
  return (
    <time dateTime={start} class="time" data-testid="time">
      {text}
    </time>
  );
}
