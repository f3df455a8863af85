import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import * as ipc from "../ipc";
import type { BookmarkKind, Priority, Reminder, ReminderDefaults } from "../ipc/bindings";
import { touched } from "../state/app";
import { MinuteOptions, reminderFromValue, reminderValue, reminderWhen } from "./ReminderOptions";

export const PRIORITIES: readonly Priority[] = ["must", "want", "maybe"];

interface Props {
  conference: string;
  kind: BookmarkKind;
  targetKey: string;
  priority: Priority | null;
  note: string;
  /** Exhibitors have a "visited" toggle; sessions don't. */
  visited?: boolean;
  /** Sessions have a reminder; people and exhibitors don't (undefined: no choice shown). */
  reminder?: Reminder;
}

/**
 * Bookmark a session or exhibitor with a priority and a note (and a session with a reminder).
 * Each change is saved at once with `set_bookmark`; the note when the user saves it.
 */
export function BookmarkEditor({ conference, kind, targetKey, priority, note, visited, reminder }: Props) {
  const [current, setCurrentState] = useState<Priority | null>(priority);
  // The latest priority even before the next render, so a quick second action never sends a stale one.
  const latest = useRef<Priority | null>(priority);
  const setCurrent = (p: Priority | null) => {
    latest.current = p;
    setCurrentState(p);
  };
  const [text, setText] = useState(note);
  const [seen, setSeen] = useState(visited ?? false);
  const [remind, setRemind] = useState<Reminder | undefined>(reminder);
  // What "the priority's default" means, for the default option's label; null if it can't be read.
  const [defaults, setDefaults] = useState<ReminderDefaults | null>(null);
  const hasReminder = reminder !== undefined;
  useEffect(() => {
    if (!hasReminder) return;
    let live = true;
    ipc.reminderDefaults().then(
      (d) => live && setDefaults(d),
      () => live && setDefaults(null),
    );
    return () => {
      live = false;
    };
  }, [hasReminder]);
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<ipc.IpcError | null>(null);
  // The editor owns its state once shown: a reload of the page behind it (after this very save)
  // must not wipe a note being typed. Only another target resets it.
  const shownKey = useRef(targetKey);
  useEffect(() => {
    if (shownKey.current === targetKey) return;
    shownKey.current = targetKey;
    setCurrent(priority);
    setText(note);
    setSeen(visited ?? false);
    setRemind(reminder);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetKey]);

  const save = async (change: { priority?: Priority; note?: string; visited?: boolean; reminder?: Reminder }, message: string) => {
    if (change.priority) setCurrent(change.priority);
    if (change.visited !== undefined) setSeen(change.visited);
    if (change.reminder) setRemind(change.reminder);
    try {
      const saved = await ipc.setBookmark({ conference, kind, key: targetKey, ...change });
      setCurrent(saved.priority);
      setSeen(saved.visited);
      if (hasReminder) setRemind(saved.reminder);
      setError(null);
      setStatus(message);
      touched();
    } catch (e) {
      setError(ipc.toIpcError(e));
    }
  };

  const remove = async () => {
    try {
      await ipc.removeBookmark(conference, kind, targetKey);
      setCurrent(null);
      setSeen(false);
      // A new bookmark starts from the priority's default again.
      if (hasReminder) setRemind({ kind: "default" });
      setError(null);
      setStatus(t("bookmark.removed"));
      touched();
    } catch (e) {
      setError(ipc.toIpcError(e));
    }
  };

  const name = `priority-${kind}-${targetKey}`;
  const shownPriority = current ?? "want";
  const defaultLabel = defaults
    ? t("bookmark.reminderDefault", { priority: t(`priority.${shownPriority}`), when: reminderWhen(defaults[shownPriority]) })
    : t("bookmark.reminderDefaultUnknown");
  return (
    <section class="bookmark-editor" aria-labelledby={`${name}-heading`} data-testid="bookmark-editor">
      <h2 id={`${name}-heading`}>{current ? t("bookmark.bookmarked") : t("bookmark.add")}</h2>
      <fieldset class="segmented">
        <legend>{t("bookmark.priority")}</legend>
        {PRIORITIES.map((p) => (
          <label key={p} class={`segment priority-${p}`}>
            <input
              type="radio"
              name={name}
              value={p}
              checked={current === p}
              data-testid={`bookmark-priority-${p}`}
              onChange={() => void save({ priority: p, note: text }, t("bookmark.saved"))}
            />
            <span>{t(`priority.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      {remind && (
        <label class="field">
          <span>{t("bookmark.reminder")}</span>
          <select
            value={reminderValue(remind)}
            data-testid="bookmark-reminder"
            onChange={(e) =>
              void save(
                { priority: latest.current ?? "want", note: text, reminder: reminderFromValue((e.currentTarget as HTMLSelectElement).value) },
                t("bookmark.reminderSaved"),
              )
            }
          >
            <option value="default">{defaultLabel}</option>
            <option value="off">{t("reminder.off")}</option>
            <MinuteOptions chosen={remind.kind === "before" ? remind.minutes : null} />
          </select>
        </label>
      )}
      <label class="field">
        <span>{t("bookmark.note")}</span>
        <textarea
          rows={3}
          value={text}
          data-testid="bookmark-note"
          placeholder={t("bookmark.notePlaceholder")}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="actions">
        <button
          type="button"
          class="button"
          data-testid="bookmark-save"
          onClick={() => void save({ priority: latest.current ?? "want", note: text }, t("bookmark.saved"))}
        >
          {current ? t("bookmark.saveNote") : t("bookmark.addWithNote")}
        </button>
        {current && (
          <button type="button" class="button button-quiet" data-testid="bookmark-remove" onClick={() => void remove()}>
            {t("bookmark.remove")}
          </button>
        )}
        {visited !== undefined && (
          <label class="check">
            <input
              type="checkbox"
              checked={seen}
              data-testid="exhibitor-visited"
              onChange={(e) => void save({ visited: (e.currentTarget as HTMLInputElement).checked }, t("bookmark.saved"))}
            />
            <span>{t("exhibitor.visited")}</span>
          </label>
        )}
      </div>
      <p class="status" role="status" data-testid="bookmark-status">
        {status}
      </p>
      {error && (
        <p class="inline-error" role="alert" data-testid="bookmark-error">
          {error.kind}: {error.message}
        </p>
      )}
    </section>
  );
}
