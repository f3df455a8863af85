// The planner's reasons in the UI language. Core sends each reason as a structure (and an English
// sentence for the CLI); the UI words the structure itself, so Chinese gets Chinese.
import { t } from "../../i18n";
import type { Because, PlanItem, PlanMark, Priority, TooFar } from "../../ipc/bindings";

/** A session's title for use inside a sentence. */
export const quote = (title: string) => `“${title}”`;

/** Session titles by key, for the reasons that name other sessions. */
export type TitleOf = (key: string) => string;

const priority = (p: Priority) => t(`priority.${p}`);

/** Why `item` is in the plan or left out of it. */
export function reasonText(item: PlanItem, title: TitleOf, priorities: ReadonlyMap<string, Priority>): string {
  const r = item.reason;
  switch (r.kind) {
    case "no_clash":
    case "chosen_over": {
      const why = r.kind === "no_clash"
        ? t("plan.reason.noClash")
        : t("plan.reason.chosenOver", {
            titles: r.keys.map((k) => withPriority(title(k), priorities.get(k))).join(t("common.listSeparator")),
          });
      return item.mark === "in" ? `${t("plan.reason.pinned")} ${why}` : why;
    }
    case "overlaps":
      return t("plan.reason.overlaps", { title: quote(title(r.key)), priority: priority(r.priority) });
    case "taken_out":
      return t("plan.reason.takenOut");
    case "too_far":
      return t("plan.reason.tooFar", { title: quote(title(r.key)), priority: priority(r.priority), walk: r.walk_minutes, gap: r.gap_minutes });
  }
}

function withPriority(title: string, p: Priority | undefined): string {
  return p ? `${quote(title)} (${priority(p)})` : quote(title);
}

/** Why a session is suggested for free time: one clause per reason. */
export function becauseText(because: readonly Because[], title: TitleOf): string {
  const clauses = because.map((b) => {
    const like = quote(title(b.like));
    switch (b.kind) {
      case "track": return t("plan.because.track", { track: b.track, title: like });
      case "speaker": return t("plan.because.speaker", { name: b.name, title: like });
      case "word": return t("plan.because.word", { word: quote(b.word), title: like });
    }
  });
  return t("plan.suggested", { reasons: clauses.join(t("common.listSeparator")) });
}

/** "(walk illustrative)" after a walk that rests on an illustrative layout, else nothing. */
export function IllustrativeWalk({ pair }: { pair: Pick<TooFar, "illustrative"> }) {
  if (!pair.illustrative) return null;
  return <span class="walk-illustrative" data-testid="walk-illustrative"> {t("walk.illustrative")}</span>;
}

/** What the user decided for a session when planning its day, as a small badge. */
export function PlanMarkBadge({ mark }: { mark: PlanMark | null }) {
  if (!mark) return null;
  return (
    <span class={`badge badge-plan plan-${mark}`} data-testid="plan-mark-badge" data-mark={mark}>
      {t(mark === "in" ? "plan.markIn" : "plan.markOut")}
    </span>
  );
}
