// The window's copy of the desktop notifications. The shell emits each one it shows (a reminder
// before a bookmarked session, or a change a refresh made to one) as a `notice` event; the last
// few stay here, newest first, until dismissed, each with a way to open its session.
import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { Notice } from "../../ipc/bindings";
import { loadWhatChanged } from "../../state/app";
import { navigate } from "../../state/router";

export const MAX_NOTICES = 3;

interface Shown extends Notice {
  id: number;
}

export function Notices() {
  const [notices, setNotices] = useState<Shown[]>([]);
  useEffect(() => {
    let next = 0;
    let stopped = false;
    let unlisten: ipc.Unlisten = () => {};
    const onNotice = (notice: Notice) => {
      const id = next++;
      setNotices((shown) => [{ ...notice, id }, ...shown].slice(0, MAX_NOTICES));
      // A refresh changed a bookmarked session: the "Changed" markers follow.
      if (notice.kind === "change") void loadWhatChanged();
    };
    // The browser preview without the mock has no event bridge: no notices, and no error.
    ipc.onNotice(onNotice).then(
      (u) => {
        if (stopped) u();
        else unlisten = u;
      },
      () => {},
    );
    return () => {
      stopped = true;
      unlisten();
    };
  }, []);

  const dismiss = (id: number) => setNotices((shown) => shown.filter((n) => n.id !== id));
  // The key is the session's in the notice's conference. A notice from another conference opens
  // the key all the same (the page then says it is not found) rather than switching behind the
  // user's back.
  const open = (n: Shown) => {
    dismiss(n.id);
    navigate("session", n.key);
  };

  return (
    <div class="notices" role="status" aria-live="polite" aria-label={t("notices.label")} data-testid="notices">
      {notices.map((n) => (
        <section key={n.id} class={`notice-card notice-${n.kind}`} data-testid="notice" data-kind={n.kind} data-key={n.key}>
          <p class="notice-kind">{t(n.kind === "change" ? "notices.change" : "notices.reminder")}</p>
          <p class="notice-title" data-testid="notice-title">{n.title}</p>
          <p class="notice-body" data-testid="notice-body">{n.body}</p>
          <div class="actions">
            <button type="button" class="button" data-testid="notice-open" onClick={() => open(n)}>
              {t("notices.open")}
            </button>
            <button type="button" class="button button-quiet notice-dismiss" data-testid="notice-dismiss"
              aria-label={t("notices.dismiss", { title: n.title })} title={t("notices.dismiss", { title: n.title })}
              onClick={() => dismiss(n.id)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
