import { t } from "../../i18n";
import { parseStamp, zoneLabel } from "../../lib/time";
import { current } from "../../state/app";
import { timeMode } from "../../state/settings";

/**
 * Names the zone times are shown in, so nobody mistakes conference time for their own. `at`, a
 * time from the data, gives the conference's offset on that day (DST included).
 */
export function ZoneNote({ at }: { at?: string }) {
  const offset = at ? (parseStamp(at)?.offset ?? null) : null;
  const label = zoneLabel(timeMode.value, current.value?.time_zone ?? null, offset);
  return (
    <span class="zone-note" data-testid="zone-label">
      {timeMode.value === "conference" ? t("zone.conference", { zone: label }) : t("zone.local", { zone: label })}
    </span>
  );
}
