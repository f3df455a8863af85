// Every UI string, by key, in English and Simplified Chinese. `t` reads the language signal, so a
// component that calls it re-renders when the language changes.
import { lang } from "../state/settings";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey };
export const dictionaries = { en, zh } as const;

/**
 * The message `key` in the current language, with `{name}` placeholders filled from `params`.
 * When `params.count` is 1 and `key.one` exists, that singular form is used instead.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const one = params?.count === 1 && `${key}.one` in en ? (`${key}.one` as MessageKey) : null;
  const chosen = one ?? key;
  const text: string = dictionaries[lang.value][chosen] ?? en[chosen];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
