import { BookmarkEditor } from "../../components/BookmarkEditor";
import { SafeHtml } from "../../components/Html";
import { ExternalLink, FieldMark, IllustrativeNote, Sources } from "../../components/Provenance";
import { ErrorNote, Loading } from "../../components/States";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { useAsync } from "../../lib/useAsync";
import { current, dataVersion } from "../../state/app";
import { BackButton } from "../session/SessionDetail";

export function ExhibitorDetail({ exhibitorKey }: { exhibitorKey: string }) {
  const state = useAsync(async () => {
    const [e] = await ipc.exhibitors({ key: exhibitorKey });
    if (!e) throw new ipc.IpcError("not-found", t("exhibitors.notFound", { key: exhibitorKey }));
    const mark = (await ipc.bookmarks(e.conference)).find((b) => b.kind === "exhibitor" && b.key === e.key);
    return { e, note: mark?.note ?? "" };
  }, [exhibitorKey, current.value?.slug, dataVersion.value]);
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.data) return <Loading />;
  const { e, note } = state.data;
  return (
    <article class="view detail" aria-labelledby="exhibitor-name" data-testid="exhibitor-detail" data-key={e.key}>
      <BackButton />
      <header class="detail-header">
        <h1 id="exhibitor-name">{e.name}</h1>
        {e.other_name && <p class="other-title">{e.other_name}</p>}
      </header>
      <IllustrativeNote fields={e.illustrative} />
      <dl class="facts">
        <dt>{t("exhibitor.booths")}</dt>
        <dd data-testid="exhibitor-booths">
          {e.booths.join(", ") || t("common.unknown")} <FieldMark fields={e.illustrative} names={["booths", "booth"]} />
        </dd>
        <dt>{t("exhibitor.hall")}</dt>
        <dd>{e.hall ?? t("common.unknown")} <FieldMark fields={e.illustrative} names={["hall"]} /></dd>
        {e.country && (<><dt>{t("exhibitor.country")}</dt><dd>{e.country}</dd></>)}
        {e.categories.length > 0 && (<><dt>{t("exhibitor.categories")}</dt><dd>{e.categories.join(", ")}</dd></>)}
        {e.website && (<><dt>{t("exhibitor.website")}</dt><dd><ExternalLink url={e.website} testId="exhibitor-website" /></dd></>)}
      </dl>
      <div class="detail-columns">
        <div class="detail-main">
          {e.description ? <SafeHtml html={e.description} testId="exhibitor-description" /> : <p class="muted">{t("session.noDescription")}</p>}
          <section aria-labelledby="products-heading">
            <h2 id="products-heading">{t("exhibitor.products")}</h2>
            {e.products.length ? (
              <ul class="cards" data-testid="exhibitor-products">
                {e.products.map((p, i) => (
                  <li key={`${p.name}-${i}`} class="card" data-testid="product-item">
                    <h3>{p.name}{p.other_name && <span class="row-other"> · {p.other_name}</span>}</h3>
                    {p.category && <p class="muted">{p.category}</p>}
                    {p.description && <p>{p.description}</p>}
                    <IllustrativeNote fields={p.illustrative} />
                  </li>
                ))}
              </ul>
            ) : <p class="muted">{t("exhibitor.noProducts")}</p>}
          </section>
          <Sources sources={e.sources} />
        </div>
        <aside class="detail-side">
          <BookmarkEditor conference={e.conference} kind="exhibitor" targetKey={e.key} priority={e.bookmark} note={note} visited={e.visited} />
        </aside>
      </div>
    </article>
  );
}
