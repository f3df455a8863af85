// A fixed-row-height virtual list: only the rows in view (plus a few either side) are in the
// DOM, so 10,000 sessions scroll as smoothly as 10. Row positions are CSS custom properties set
// through the CSSOM, which the app's CSP (style-src 'self') allows.
//
// Keyboard: one row at a time is in the tab order (a roving tabindex). Arrow keys, Page Up/Down,
// Home and End move between rows, scrolling as needed; Enter follows the row's link.
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  /** Row content; put `tabIndex` on the row's one focusable element. */
  renderRow: (item: T, index: number, tabIndex: number) => ComponentChildren;
  label: string;
  testId: string;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Scroll back to the top when this changes (a new day, a new filter). */
  resetKey?: unknown;
}

/** The viewport height used before layout tells the real one (and in DOMs without layout). */
const FALLBACK_HEIGHT = 600;

export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, getKey, renderRow, label, testId, overscan = 6, resetKey } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [resetKey]);

  const count = items.length;
  const current = Math.min(active, Math.max(0, count - 1));
  const { first, last } = visibleRange(scrollTop, height, rowHeight, count, overscan);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const row = ref.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    (row?.querySelector<HTMLElement>("[tabindex='0']") ?? row)?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const el = ref.current;
    const next = Math.max(0, Math.min(count - 1, index));
    if (el) {
      const top = next * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
      setScrollTop(el.scrollTop);
    }
    focusPending.current = true;
    setActive(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveTo(target);
  };

  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as Element | null)?.closest?.("[data-index]");
    if (row) setActive(Number(row.getAttribute("data-index")));
    // Tabbing into a list scrolled away from its active row: start from the top of the view.
    else if (event.target === ref.current) moveTo(Math.min(count - 1, Math.ceil(scrollTop / rowHeight)));
  };

  const activeRendered = current >= first && current < last;
  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i] as T;
    rows.push(
      <div
        key={getKey(item)}
        class="vlist-row"
        role="listitem"
        aria-setsize={count}
        aria-posinset={i + 1}
        data-index={i}
        style={{ "--row-y": `${i * rowHeight}px` }}
      >
        {renderRow(item, i, i === current ? 0 : -1)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      class="vlist"
      role="list"
      aria-label={label}
      data-testid={testId}
      data-count={count}
      tabIndex={activeRendered ? -1 : 0}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop)}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
      style={{ "--row-h": `${rowHeight}px` }}
    >
      <div class="vlist-space" style={{ "--vlist-height": `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
