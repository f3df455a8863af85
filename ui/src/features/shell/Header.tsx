import { t } from "../../i18n";
import { current, searchOpen } from "../../state/app";
import { ZoneNote } from "../settings/ZoneNote";

export function Header() {
  const conf = current.value;
  return (
    <header class="topbar">
      <div class="brand" aria-hidden="true">Plenary</div>
      <div class="conference" data-testid="conference-title" title={conf ? [conf.title, conf.other_title].filter(Boolean).join("\n") : undefined}>
        {conf ? (
          <>
            <span class="conference-name">{conf.title}</span>
            {conf.other_title && <span class="conference-other">{conf.other_title}</span>}
          </>
        ) : (
          <span class="conference-name muted">{t("conferences.noneShort")}</span>
        )}
      </div>
      {conf && <ZoneNote />}
      <button type="button" class="search-button" data-testid="search-button" aria-keyshortcuts="Control+K /" onClick={() => (searchOpen.value = true)}>
        <span aria-hidden="true">⌕</span> {t("search.button")} <kbd>Ctrl K</kbd>
      </button>
    </header>
  );
}
