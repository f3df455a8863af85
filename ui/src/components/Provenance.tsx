// Which facts are reported and which are illustrative filler. Core names the illustrative fields
// of every item; "*" means the whole item is illustrative.
import { t, type MessageKey } from "../i18n";
import { isExternalUrl, openExternal } from "../ipc";

const FIELD_NAMES: Record<string, MessageKey> = {
  start: "field.start",
  end: "field.end",
  time: "field.start",
  room: "field.room",
  hall: "field.hall",
  venue: "field.venue",
  booths: "field.booths",
  booth: "field.booths",
  title: "field.title",
  speakers: "field.speakers",
  description: "field.description",
  abstract: "field.abstract",
  track: "field.track",
  country: "field.country",
  categories: "field.categories",
  products: "field.products",
};

export function isIllustrative(fields: readonly string[], ...names: string[]): boolean {
  return fields.includes("*") || names.some((n) => fields.includes(n));
}

function fieldName(field: string): string {
  const key = FIELD_NAMES[field];
  return key ? t(key) : field;
}

/** The banner that names the illustrative fields of an item. Renders nothing when there are none. */
export function IllustrativeNote({ fields }: { fields: readonly string[] }) {
  if (!fields.length) return null;
  const whole = fields.includes("*");
  return (
    <p class="illustrative-note" role="note" data-testid="illustrative-marker">
      <span class="badge badge-illustrative">{t("illustrative.badge")}</span>{" "}
      {whole
        ? t("illustrative.whole")
        : t("illustrative.fields", { fields: fields.map(fieldName).join(t("common.listSeparator")) })}
    </p>
  );
}

/** A small marker beside one field's value. */
export function FieldMark({ fields, names }: { fields: readonly string[]; names: string[] }) {
  if (!isIllustrative(fields, ...names)) return null;
  return (
    <span class="badge badge-illustrative badge-small" title={t("illustrative.fieldTitle")} data-testid="illustrative-field">
      {t("illustrative.short")}
    </span>
  );
}

/** The public pages an item comes from, opened outside the app. */
export function Sources({ sources }: { sources: readonly string[] }) {
  if (!sources.length) return null;
  return (
    <section class="sources" aria-label={t("sources.heading")}>
      <h2>{t("sources.heading")}</h2>
      <ul>
        {sources.map((url) => (
          <li key={url}>
            <ExternalLink url={url} testId="source-link" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A link that opens through the opener plugin (http, https and mailto only). Any other URL
 * (`javascript:`, `data:`, a relative path) is shown as text and never becomes a link at all.
 */
export function ExternalLink({ url, label, testId }: { url: string; label?: string; testId?: string }) {
  if (!isExternalUrl(url)) {
    return (
      <span class="external refused" data-testid={testId ?? "external-link"} data-refused="true" title={t("links.refused")}>
        {label || url}
      </span>
    );
  }
  return (
    <a
      href={url}
      class="external"
      data-testid={testId ?? "external-link"}
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        void openExternal(url).catch(() => {});
      }}
    >
      {label || url}
    </a>
  );
}
