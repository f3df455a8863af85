// Search everywhere: Ctrl+K or "/" opens it, results come as you type. Each keystroke is marked
// `search:keystroke` and each painted result list `search:painted` (performance.mark, once the
// frame that shows it has been painted), so keystroke-to-paint can be measured in the real app.
// There is no debounce: a search takes about a millisecond at WAIC scale (docs/benchmarks.md),
// and an answer that a newer keystroke overtook is dropped.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import type { Entity, SearchHit } from "../../ipc/bindings";
import { highlightSegments } from "../../lib/highlight";
import { afterPaint } from "../../lib/perf";
import { formatStart } from "../../lib/time";
import { searchOpen } from "../../state/app";
import { navigate } from "../../state/router";
import { lang, timeMode } from "../../state/settings";

const ORDER: Entity[] = ["session", "person", "exhibitor", "product"];

/** Hits grouped by entity in a fixed order; keyboard order follows the groups. */
export function groupHits(hits: readonly SearchHit[]): { entity: Entity; hits: SearchHit[] }[] {
  return ORDER.map((entity) => ({ entity, hits: hits.filter((h) => h.entity === entity) })).filter((g) => g.hits.length);
}

export function openHit(hit: SearchHit): void {
  if (hit.entity === "session") navigate("session", hit.key);
  else if (hit.entity === "person") navigate("speaker", hit.key);
  else navigate("exhibitor", hit.key);
}

export function Highlighted({ label, ranges }: { label: string; ranges: SearchHit["highlights"] }) {
  return (
    <>
      {highlightSegments(label, ranges).map((seg, i) => (seg.hit ? <mark key={i}>{seg.text}</mark> : seg.text))}
    </>
  );
}

export function SearchDialog() {
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);
  const seq = useRef(0);
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ipc.IpcError | null>(null);
  const open = searchOpen.value;

  // Focus before the dialog paints: done after paint, a keystroke typed in between would be
  // selected and then overwritten by the next one (the first letter was lost).
  useLayoutEffect(() => {
    if (!open) return;
    opener.current = document.activeElement;
    input.current?.focus();
    input.current?.select();
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, [open]);

  // The benchmark's breakdown: when new results are in the DOM, before their paint.
  useLayoutEffect(() => {
    if (open) performance.mark("search:rendered");
  }, [hits, open]);

  // Searches `query`, and shows its answer unless a newer keystroke searched since.
  const search = (query: string) => {
    const mine = ++seq.current;
    if (!query.trim()) {
      setHits([]);
      setBusy(false);
      return;
    }
    setBusy(true);
    ipc.search({ text: query, entities: [], limit: 60 }).then(
      (found) => {
        if (mine !== seq.current) return; // a newer keystroke owns the list now
        performance.mark("search:answered");
        setHits(found);
        setActive(0);
        setError(null);
        setBusy(false);
        afterPaint(() => {
          performance.mark("search:painted", { detail: { text: query, hits: found.length } });
          try {
            performance.measure("search", "search:keystroke", "search:painted");
          } catch {
            // No keystroke mark yet (results restored on open): nothing to measure.
          }
        });
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(ipc.toIpcError(e));
        setBusy(false);
      },
    );
  };

  // Opened again with text left in the box: search it again, as the store may have changed.
  // In a layout effect, before any keystroke: an effect would run after the next frame, and
  // a letter typed before it would be searched first and then overwritten by this search.
  useLayoutEffect(() => {
    if (open) search(text);
  }, [open]);

  if (!open) return null;
  const groups = groupHits(hits);
  const flat = groups.flatMap((g) => g.hits);
  const close = () => (searchOpen.value = false);
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    openHit(hit);
  };
  const optionId = (i: number) => `search-option-${i}`;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!flat.length) return;
      const next = (active + (event.key === "ArrowDown" ? 1 : -1) + flat.length) % flat.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: "nearest" });
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(flat[active]);
    } else if (event.key === "Tab") {
      event.preventDefault(); // keep focus inside the dialog: the input is its one control
    }
  };

  let index = -1;
  return (
    <div class="modal-backdrop" data-testid="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div class="modal search-dialog" role="dialog" aria-modal="true" aria-label={t("search.title")} data-testid="search-dialog" onKeyDown={onKeyDown}>
        <input
          ref={input}
          type="text"
          class="search-input"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-activedescendant={flat.length ? optionId(active) : undefined}
          aria-label={t("search.title")}
          placeholder={t("search.placeholder")}
          data-testid="search-input"
          value={text}
          onInput={(e) => {
            performance.mark("search:keystroke");
            const value = (e.currentTarget as HTMLInputElement).value;
            setText(value);
            // Asked here rather than in an effect, which would run only after the frame that
            // shows the typed letter.
            search(value);
          }}
        />
        <div id="search-results" role="listbox" aria-label={t("search.results")} class="search-results" data-testid="search-results" aria-busy={busy}>
          {groups.map((g) => (
            <div key={g.entity} role="group" aria-labelledby={`search-group-${g.entity}`} data-testid={`search-group-${g.entity}`}>
              <div id={`search-group-${g.entity}`} class="search-group-title" role="presentation">
                {t(`search.group.${g.entity}`)}
              </div>
              {g.hits.map((hit) => {
                index++;
                const i = index;
                return (
                  <div
                    key={`${hit.entity}-${hit.key}-${i}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    class="search-option"
                    data-testid="search-result"
                    data-entity={hit.entity}
                    data-key={hit.key}
                    onMouseMove={() => i !== active && setActive(i)}
                    onClick={() => choose(hit)}
                  >
                    <span class="search-label" data-testid="search-label">
                      <Highlighted label={hit.label} ranges={hit.highlights} />
                      {hit.other_label && <span class="row-other"> · {hit.other_label}</span>}
                    </span>
                    <span class="search-detail">
                      {[hit.start ? formatStart(hit.start, timeMode.value, lang.value) : null, hit.detail]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
          {!busy && text.trim() && !flat.length && !error && (
            <p class="state state-empty" data-testid="search-empty">{t("search.none", { text })}</p>
          )}
          {error && <p class="inline-error" role="alert">{error.kind}: {error.message}</p>}
        </div>
        <p class="search-help">{t("search.help")}</p>
      </div>
    </div>
  );
}
