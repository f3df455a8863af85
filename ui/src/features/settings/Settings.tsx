import { t } from "../../i18n";
import { Backup } from "./Backup";
import { Reminders } from "./Reminders";
import { zoneLabel } from "../../lib/time";
import { current } from "../../state/app";
import { lang, theme, timeMode, type Lang, type Theme } from "../../state/settings";
import type { TimeMode } from "../../lib/time";

function Choice<T extends string>({ name, legend, value, options, onChange }: {
  name: string;
  legend: string;
  value: T;
  options: { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="choice" data-testid={`setting-${name}`}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="check">
          <input type="radio" name={name} value={o.value} checked={value === o.value} data-testid={`setting-${name}-${o.value}`}
            onChange={() => onChange(o.value)} />
          <span>
            {o.label}
            {o.hint && <span class="muted"> — {o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Settings() {
  const conf = current.value;
  const atMs = conf?.start_date ? Date.parse(`${conf.start_date}T12:00:00Z`) : Date.now();
  return (
    <section class="view view-settings" aria-labelledby="settings-heading" data-testid="view-settings">
      <header class="view-header">
        <h1 id="settings-heading">{t("nav.settings")}</h1>
      </header>
      <Choice<TimeMode>
        name="time"
        legend={t("settings.time")}
        value={timeMode.value}
        onChange={(v) => (timeMode.value = v)}
        options={[
          { value: "conference", label: t("settings.timeConference"), hint: conf ? zoneLabel("conference", conf.time_zone, null, atMs) : undefined },
          { value: "local", label: t("settings.timeLocal"), hint: zoneLabel("local", null, null, atMs) },
        ]}
      />
      <Choice<Lang>
        name="language"
        legend={t("settings.language")}
        value={lang.value}
        onChange={(v) => (lang.value = v)}
        options={[
          { value: "en", label: "English" },
          { value: "zh", label: "简体中文" },
        ]}
      />
      <Choice<Theme>
        name="theme"
        legend={t("settings.theme")}
        value={theme.value}
        onChange={(v) => (theme.value = v)}
        options={[
          { value: "system", label: t("settings.themeSystem") },
          { value: "light", label: t("settings.themeLight") },
          { value: "dark", label: t("settings.themeDark") },
        ]}
      />
      <p class="muted">{t("settings.saved")}</p>
      <Reminders />
      <Backup />
    </section>
  );
}
