// Reading a venue file (docs/venues.md) for the current conference: the floor plans and walks
// that walking times, Plan my day and the Booth route rest on. A bad file is refused with its
// file, line and field, and the map in use stays.
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { VenueMapReport } from "../../ipc/bindings";
import { conferenceList, current, touched } from "../../state/app";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "read"; report: VenueMapReport }
  | { kind: "error"; error: ipc.IpcError };

export function VenueImport() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const conf = current.value;
  const pick = async () => {
    setOutcome({ kind: "busy" });
    try {
      const path = await ipc.openDialog({ title: t("venue.pickTitle"), filters: [{ name: t("venue.filter"), extensions: ["json"] }] });
      if (!path) {
        setOutcome({ kind: "idle" });
        return;
      }
      const report = await ipc.importVenueFile(path, conf?.slug ?? null);
      setOutcome({ kind: "read", report });
      touched();
    } catch (e) {
      setOutcome({ kind: "error", error: ipc.toIpcError(e) });
    }
  };
  return (
    <section class="venue-import" aria-labelledby="venue-heading" data-testid="venue-import">
      <h2 id="venue-heading">{t("venue.heading")}</h2>
      <p class="muted">{t("venue.explain")}</p>
      <button type="button" class="button" data-testid="venue-map-import" disabled={!conf || outcome.kind === "busy"} onClick={() => void pick()}>
        {t("venue.import")}
      </button>
      <div aria-live="polite" data-testid="venue-map-report" data-outcome={outcome.kind} class={outcome.kind === "idle" || outcome.kind === "busy" ? "" : "venue-outcome"}>
        {outcome.kind === "read" && <Report report={outcome.report} />}
        {outcome.kind === "error" && (
          <div class="state state-error" data-testid="venue-map-error">
            <p><strong>{t("venue.failed")}</strong> <code data-testid="venue-map-error-kind">{outcome.error.kind}</code></p>
            <p data-testid="venue-map-error-message">{outcome.error.message}</p>
            <p>{t("venue.kept")}</p>
          </div>
        )}
      </div>
    </section>
  );
}

function Report({ report: r }: { report: VenueMapReport }) {
  const title = conferenceList.value?.find((c) => c.slug === r.conference)?.title ?? r.conference;
  return (
    <div class="venue-summary">
      <p><strong data-testid="venue-map-placed">{t("venue.report", { rooms_placed: r.rooms_placed, rooms: r.rooms, booths_placed: r.booths_placed, booths_listed: r.booths_listed })}</strong></p>
      <p class="muted">{t("venue.counts", { title, venues: r.venues, halls: r.halls, booths: r.booths })}</p>
      {r.rooms_unplaced.length > 0 && (
        <p data-testid="venue-map-unplaced">{t("venue.unplaced", { rooms: r.rooms_unplaced.join(t("common.listSeparator")) })}</p>
      )}
    </div>
  );
}
