// The default reminder of each priority: how long before a bookmarked session starts the shell
// shows a desktop notification, unless the session's page chose its own. Kept in the store, not
// with the display settings, because the shell reads them when no window asks.
import { useEffect, useRef, useState } from "preact/hooks";
import { PRIORITIES } from "../../components/BookmarkEditor";
import { MinuteOptions } from "../../components/ReminderOptions";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { Priority, ReminderDefaults } from "../../ipc/bindings";

export function Reminders() {
  const [defaults, setDefaultsState] = useState<ReminderDefaults | null>(null);
  // The latest choices even before the next render, so a quick second change never sends a stale first.
  const latest = useRef<ReminderDefaults | null>(null);
  const setDefaults = (d: ReminderDefaults) => {
    latest.current = d;
    setDefaultsState(d);
  };
  // Which change is the newest: an older one's answer must not undo a newer choice.
  const newest = useRef(0);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<ipc.IpcError | null>(null);
  useEffect(() => {
    let live = true;
    ipc.reminderDefaults().then(
      (d) => live && setDefaults(d),
      (e) => live && setError(ipc.toIpcError(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const change = async (priority: Priority, value: string) => {
    const before = latest.current;
    if (!before) return;
    const next = { ...before, [priority]: value === "none" ? null : Number(value) };
    const mine = ++newest.current;
    setDefaults(next);
    try {
      const saved = await ipc.setReminderDefaults(next);
      if (mine !== newest.current) return;
      setDefaults(saved);
      setError(null);
      setStatus(t("reminders.saved"));
    } catch (e) {
      if (mine === newest.current) setDefaults(before);
      setStatus("");
      setError(ipc.toIpcError(e));
    }
  };

  return (
    <fieldset class="choice reminder-defaults" data-testid="setting-reminders" aria-busy={!defaults && !error}>
      <legend>{t("reminders.legend")}</legend>
      <p class="muted">{t("reminders.explain")}</p>
      {/* While the defaults load, the rows stand with a disabled "Loading" choice, so nothing
          below them moves when they arrive. */}
      {(defaults || !error) &&
        PRIORITIES.map((p) => (
          <label key={p} class="field field-inline">
            <span>{t(`priority.${p}`)}</span>
            {defaults ? (
              <select
                value={defaults[p] === null ? "none" : String(defaults[p])}
                data-testid={`setting-reminder-${p}`}
                onChange={(e) => void change(p, (e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="none">{t("reminder.off")}</option>
                <MinuteOptions chosen={defaults[p]} />
              </select>
            ) : (
              <select disabled aria-busy="true" data-testid="setting-reminder-loading">
                <option>{t("common.loading")}</option>
              </select>
            )}
          </label>
        ))}
      <p class="status" role="status" data-testid="reminders-status">
        {status}
      </p>
      {error && (
        <p class="inline-error" role="alert" data-testid="reminders-error">
          {error.kind}: {error.message}
        </p>
      )}
    </fieldset>
  );
}
