import { t } from "../../i18n";
import { parseStamp, zoneLabel } from "../../lib/time";
import { current } from "../../state/app";
import { timeMode } from "../../state/settings";

/**
 * Names the zone times are shown in, so nobody mistakes conference time for their own. `at`, a
 * time from the data, gives the conference's offset on that day (DST included).
 */
export function ZoneNote({ at }: { at?: string }) {
  const stamp = at ? parseStamp(at) : null;
  const start = current.value?.start_date;
  // Without a time at hand, the conference's first day tells which offsets are in force.
  const atMs = stamp?.ms ?? (start ? Date.parse(`${start}T12:00:00Z`) : Date.now());
  const label = zoneLabel(timeMode.value, current.value?.time_zone ?? null, stamp?.offset ?? null, atMs);
  return (
    <span class="zone-note" data-testid="zone-label">
      {timeMode.value === "conference" ? t("zone.conference", { zone: label }) : t("zone.local", { zone: label })}
    </span>
  );
}
