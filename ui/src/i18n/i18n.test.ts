import { describe, expect, test } from "vitest";
import { dictionaries, t } from "./index";
import { lang } from "../state/settings";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  const { en, zh } = dictionaries;
  const keys = Object.keys(en) as (keyof typeof en)[];

  test("every English key has a non-empty Chinese translation", () => {
    const missing = keys.filter((k) => typeof zh[k] !== "string" || !zh[k].trim());
    expect(missing).toEqual([]);
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
  });

  test("translations keep the same placeholders", () => {
    const wrong = keys.filter((k) => placeholders(en[k]).join() !== placeholders(zh[k]).join());
    expect(wrong).toEqual([]);
  });

  test("Chinese messages are translated, not copied", () => {
    // A few may legitimately match (a bare placeholder); anything more is an untranslated copy.
    const copied = keys.filter((k) => en[k] === zh[k] && /[a-z]{3}/i.test(en[k]));
    expect(copied).toEqual([]);
  });

  test("a count of one takes the singular form where there is one", () => {
    lang.value = "en";
    expect(t("changes.updated", { count: 1 })).toBe("Updated: 1 change.");
    expect(t("changes.updated", { count: 2 })).toBe("Updated: 2 changes.");
    expect(t("changes.updated", { count: 0 })).toBe("Updated: 0 changes.");
    expect(t("backup.saved", { count: 1, path: "/tmp/b.json" })).toBe("Saved 1 bookmark to /tmp/b.json.");
    expect(t("programme.listLabel", { count: 1 })).toBe("Sessions (1)");
  });

  test("t follows the language signal and fills placeholders", () => {
    lang.value = "en";
    expect(t("programme.dayN", { n: 2 })).toBe("Day 2");
    lang.value = "zh";
    expect(t("programme.dayN", { n: 2 })).toBe("第 2 天");
    lang.value = "en";
  });
});
