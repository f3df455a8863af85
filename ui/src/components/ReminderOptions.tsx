// The reminder choices a session's bookmark and the defaults in Settings share: the minutes
// before a start, as `<option>`s whose values are those minutes.
import { t } from "../i18n";
import type { Reminder } from "../ipc/bindings";

export const REMINDER_MINUTES: readonly number[] = [0, 5, 10, 15, 30, 60];

/**
 * One option per usual minute count. `chosen` is listed too when it is not a usual one (the CLI
 * takes any), so the select shows what is stored rather than a wrong choice.
 */
export function MinuteOptions({ chosen }: { chosen?: number | null }) {
  const minutes =
    chosen == null || REMINDER_MINUTES.includes(chosen) ? REMINDER_MINUTES : [...REMINDER_MINUTES, chosen].sort((a, b) => a - b);
  return (
    <>
      {minutes.map((m) => (
        <option key={m} value={String(m)}>
          {m === 0 ? t("reminder.atStart") : t("reminder.before", { minutes: m })}
        </option>
      ))}
    </>
  );
}

/** A reminder as a select's value: "default", "off", or its minutes. */
export function reminderValue(reminder: Reminder): string {
  return reminder.kind === "before" ? String(reminder.minutes) : reminder.kind;
}

export function reminderFromValue(value: string): Reminder {
  if (value === "default" || value === "off") return { kind: value };
  return { kind: "before", minutes: Number(value) };
}

/** A default as it reads inside a sentence: "10 min before", "at the start", "no reminder". */
export function reminderWhen(minutes: number | null): string {
  if (minutes === null) return t("reminder.whenOff");
  return minutes === 0 ? t("reminder.whenStart") : t("reminder.whenBefore", { minutes });
}
