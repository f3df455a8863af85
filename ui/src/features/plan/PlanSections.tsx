// The parts of a day's plan: what is in it, what is left out, the pairs no one can make, and
// sessions for the free time. Every change goes through `run`, which reloads the plan after.
import { SessionRow } from "../../components/SessionRow";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { DayPlan, Priority, TooFar } from "../../ipc/bindings";
import { becauseText, IllustrativeWalk, PlanMarkBadge, quote, reasonText, type TitleOf } from "./explain";

/** Runs a change to the plan, then reloads it; `done` is announced when it worked. */
export type Run = (work: () => Promise<unknown>, done?: string) => Promise<void>;

interface Props {
  plan: DayPlan;
  title: TitleOf;
  priorities: ReadonlyMap<string, Priority>;
  busy: boolean;
  run: Run;
}

export function ChosenList({ plan, title, priorities, busy, run }: Props) {
  if (!plan.chosen.length) return null;
  const swap = (chosen: string, backup: string) =>
    run(() => ipc.changePlan(plan.date, [[backup, "in"], [chosen, "out"]]));
  return (
    <section class="plan-chosen" aria-labelledby="plan-chosen-heading" data-testid="plan-chosen">
      <h2 id="plan-chosen-heading">{t("plan.chosen")}</h2>
      <p class="muted" data-testid="plan-tally">{t("plan.tally", { musts: plan.musts, wants: plan.wants, maybes: plan.maybes })}</p>
      <ol class="plain-list">
        {plan.chosen.map((item) => {
          const key = item.session.key;
          return (
            <li key={key} class="plan-item" data-testid={`plan-item-${key}`} data-key={key}>
              {!!item.walk_minutes && (
                <p class="plan-walk" data-testid={`plan-walk-${key}`} title={t("plan.walkTitle")}>
                  <span aria-hidden="true">↓ </span>{t("plan.walk", { minutes: item.walk_minutes })}
                </p>
              )}
              <SessionRow s={{ ...item.session, bookmark: item.priority }} badges={<PlanMarkBadge mark={item.mark} />} />
              <p class="plan-reason" data-testid={`plan-reason-${key}`}>{reasonText(item, title, priorities)}</p>
              {item.backups.length > 0 && (
                <div class="actions plan-actions">
                  {item.backups.map((b) => (
                    <button key={b} type="button" class="button button-quiet" data-testid={`plan-backup-${key}-${b}`} disabled={busy}
                      onClick={() => void swap(key, b)}>
                      {t("plan.backup", { title: quote(title(b)) })}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function LeftOutList({ plan, title, priorities, busy, run }: Props) {
  if (!plan.left_out.length) return null;
  return (
    <section class="plan-left-out" aria-labelledby="plan-left-heading" data-testid="plan-left-out">
      <h2 id="plan-left-heading">{t("plan.leftOut")}</h2>
      <ul class="plain-list">
        {plan.left_out.map((item) => {
          const key = item.session.key;
          return (
            <li key={key} class="plan-item plan-left" data-testid={`plan-left-${key}`} data-key={key}>
              <SessionRow s={{ ...item.session, bookmark: item.priority }} badges={<PlanMarkBadge mark={item.mark} />} />
              <p class="plan-reason" data-testid={`plan-reason-${key}`}>{reasonText(item, title, priorities)}</p>
              <div class="actions plan-actions">
                <button type="button" class="button button-quiet" data-testid={`plan-put-in-${key}`} disabled={busy}
                  onClick={() => void run(() => ipc.setPlanMark(key, "in"))}>
                  {t("plan.putIn")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function TooFarList({ pairs, title }: { pairs: readonly TooFar[]; title: TitleOf }) {
  if (!pairs.length) return null;
  return (
    <section class="plan-too-far" aria-labelledby="plan-too-far-heading" data-testid="plan-too-far">
      <h2 id="plan-too-far-heading">{t("plan.tooFar")}</h2>
      <ul class="plain-list">
        {pairs.map((p) => (
          <li key={`${p.from}|${p.to}`} class="plan-pair" data-testid={`too-far-${p.from}-${p.to}`}>
            <span aria-hidden="true">⚠ </span>
            {t("plan.tooFarPair", { from: quote(title(p.from)), to: quote(title(p.to)), walk: p.walk_minutes, gap: p.gap_minutes })}
            <IllustrativeWalk pair={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SuggestionList({ plan, title, busy, run }: Omit<Props, "priorities">) {
  if (!plan.suggestions.length) return null;
  return (
    <section class="plan-suggestions" aria-labelledby="plan-suggestions-heading" data-testid="plan-suggestions">
      <h2 id="plan-suggestions-heading">{t("plan.suggestions")}</h2>
      <ul class="plain-list">
        {plan.suggestions.map((s) => {
          const key = s.session.key;
          return (
            <li key={key} class="plan-item" data-testid={`plan-suggestion-${key}`} data-key={key}>
              <SessionRow s={s.session} />
              <p class="plan-reason" data-testid={`plan-because-${key}`}>{becauseText(s.because, title)}</p>
              <div class="actions plan-actions">
                <button type="button" class="button button-quiet" data-testid={`plan-suggest-bookmark-${key}`} disabled={busy}
                  onClick={() => void run(() => ipc.setBookmark({ conference: plan.conference, kind: "session", key, priority: "maybe" }))}>
                  {t("plan.suggestBookmark")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
