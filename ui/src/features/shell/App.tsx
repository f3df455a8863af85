import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorNote, Loading } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { conferenceError, conferenceList, current, dataVersion, loadConferences, loadWhatChanged, pendingImport, searchOpen, startPeriodicRefresh } from "../../state/app";
import { navigate, route, startRouter } from "../../state/router";
import { startSettingsSync } from "../../state/settings";
import { bareHash, chooseStartView } from "../../state/startup";
import { SearchDialog } from "../search/SearchDialog";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { Routes } from "./Routes";
import { Sidebar } from "./Sidebar";

/** True when a keystroke goes into a text field, where "/" is a character, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export function App() {
  const [dragging, setDragging] = useState(false);

  // Opened with no view asked for: Now / Next while the conference runs, else its programme
  // (Now / Next would be empty). A view chosen while the conference was loading (a link, a
  // shortcut) wins: the address is checked again when the conference is known.
  const bareStart = useRef(bareHash());
  const conf = current.value;
  useEffect(() => {
    if (!bareStart.current || !conf) return;
    bareStart.current = false;
    chooseStartView(conf);
  }, [conf]);
  useEffect(() => {
    if (conf) void loadWhatChanged();
  }, [conf?.slug, dataVersion.value]);
  useEffect(() => {
    const stops = [startSettingsSync(), startRouter(), startPeriodicRefresh()];
    // Usually main.tsx has loaded them before the first render (state/startup.ts).
    if (conferenceList.value === null) void loadConferences();
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        searchOpen.value = true;
      } else if (event.key === "/" && !typing(event.target) && !searchOpen.value) {
        event.preventDefault();
        searchOpen.value = true;
      }
    };
    window.addEventListener("keydown", onKey);
    let unlistenDrop: ipc.Unlisten = () => {};
    void ipc
      .onFileDrop((drop) => {
        if (drop.type === "enter" || drop.type === "over") setDragging(true);
        else setDragging(false);
        if (drop.type === "drop" && drop.paths[0]) {
          pendingImport.value = drop.paths[0];
          navigate("conferences");
        }
      })
      .then((u) => (unlistenDrop = u), () => {});
    return () => {
      stops.forEach((stop) => stop());
      window.removeEventListener("keydown", onKey);
      unlistenDrop();
    };
  }, []);

  // A new view starts at its top, and keyboard and screen-reader users land in it.
  const view = `${route.value.view}/${route.value.key ?? ""}`;
  const firstView = useRef(true);
  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    main.scrollTop = 0;
    if (firstView.current) firstView.current = false;
    else if (!main.contains(document.activeElement) || document.activeElement === document.body) main.focus({ preventScroll: true });
  }, [view]);

  const loaded = conferenceList.value !== null;
  return (
    <div class="app">
      <a class="skip-link" href="#main" data-testid="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        {t("common.skip")}
      </a>
      <Header />
      <Sidebar active={route.value.view} />
      <main id="main" class="main" tabIndex={-1}>
        {conferenceError.value && !loaded ? (
          <ErrorNote error={conferenceError.value}>
            <button type="button" class="button" data-testid="retry" onClick={() => void loadConferences()}>{t("common.retry")}</button>
          </ErrorNote>
        ) : !loaded ? (
          <Loading />
        ) : (
          <>
            <span data-testid="app-ready" hidden />
            <Routes />
          </>
        )}
      </main>
      <SearchDialog />
      <Notices />
      {dragging && (
        <div class="drop-overlay" data-testid="drop-overlay" aria-live="polite">
          <p>{t("import.dropHere")}</p>
        </div>
      )}
    </div>
  );
}
