import { t, type MessageKey } from "../../i18n";
import { href, type View } from "../../state/router";

const ITEMS: { view: View; label: MessageKey; icon: string; also?: View[] }[] = [
  { view: "now", label: "nav.now", icon: "◷" },
  { view: "programme", label: "nav.programme", icon: "☰", also: ["session"] },
  { view: "keynotes", label: "nav.keynotes", icon: "★" },
  { view: "speakers", label: "nav.speakers", icon: "☺", also: ["speaker"] },
  { view: "exhibitors", label: "nav.exhibitors", icon: "▦", also: ["exhibitor"] },
  { view: "agenda", label: "nav.agenda", icon: "✓" },
  { view: "plan", label: "nav.plan", icon: "◔" },
  { view: "route", label: "nav.route", icon: "⇢" },
  { view: "changes", label: "nav.changes", icon: "↻" },
  { view: "conferences", label: "nav.conferences", icon: "⌂" },
  { view: "settings", label: "nav.settings", icon: "⚙" },
];

export function Sidebar({ active }: { active: View }) {
  return (
    <nav class="sidebar" aria-label={t("nav.label")}>
      <ul>
        {ITEMS.map((item) => {
          const here = item.view === active || !!item.also?.includes(active);
          return (
            <li key={item.view}>
              <a href={href(item.view)} class={here ? "active" : ""} aria-current={item.view === active ? "page" : undefined} data-testid={`nav-${item.view}`}>
                <span class="nav-icon" aria-hidden="true">{item.icon}</span>
                <span class="nav-label">{t(item.label)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
