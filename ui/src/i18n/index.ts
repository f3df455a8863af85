// Every UI string, by key, in English and Simplified Chinese. `t` reads the language signal, so a
// component that calls it re-renders when the language changes.
import { lang } from "../state/settings";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey };
export const dictionaries = { en, zh } as const;

/** The message `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = dictionaries[lang.value][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
