// The user's settings, as signals: anything that reads them re-renders when they change.
// Persisted in localStorage; a missing or damaged entry falls back to the defaults.
import { effect, signal } from "@preact/signals";
import type { TimeMode } from "../lib/time";

export type Lang = "en" | "zh";
export type Theme = "system" | "light" | "dark";

interface Stored {
  timeMode: TimeMode;
  lang: Lang;
  theme: Theme;
}

const KEY = "plenary.settings";

function defaultLang(): Lang {
  return typeof navigator !== "undefined" && /^zh\b/i.test(navigator.language) ? "zh" : "en";
}

function load(): Stored {
  const defaults: Stored = { timeMode: "conference", lang: defaultLang(), theme: "system" };
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<Stored>;
    return {
      timeMode: raw.timeMode === "local" ? "local" : "conference",
      lang: raw.lang === "zh" || raw.lang === "en" ? raw.lang : defaults.lang,
      theme: raw.theme === "light" || raw.theme === "dark" ? raw.theme : "system",
    };
  } catch {
    return defaults;
  }
}

const initial = load();
export const timeMode = signal<TimeMode>(initial.timeMode);
export const lang = signal<Lang>(initial.lang);
export const theme = signal<Theme>(initial.theme);

/** Saves the settings and applies theme and language to the document. Returns a disposer. */
export function startSettingsSync(): () => void {
  return effect(() => {
    const stored: Stored = { timeMode: timeMode.value, lang: lang.value, theme: theme.value };
    try {
      localStorage.setItem(KEY, JSON.stringify(stored));
    } catch {
      // Private mode or a full disk: the settings still apply for this run.
    }
    applyToDocument(stored);
  });
}

/** Sets the document's language and theme from the settings, as the first frame needs them. */
export function applyToDocument(stored: Pick<Stored, "lang" | "theme"> = { lang: lang.value, theme: theme.value }): void {
  const root = document.documentElement;
  root.lang = stored.lang === "zh" ? "zh-CN" : "en";
  if (stored.theme === "system") delete root.dataset.theme;
  else root.dataset.theme = stored.theme;
}
