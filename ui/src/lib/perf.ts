// Performance marks the benchmarks read in the real app (docs/benchmarks.md). They cost a
// timestamp each and change nothing the user sees.

/** Runs `cb` just after the next frame is painted: a frame callback runs before the paint, and
 * a message posted from it is delivered once the frame is on screen. */
export function afterPaint(cb: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => cb();
    channel.port2.postMessage(null);
  });
}

const marked = new Set<string>();

/** Marks `name` once per page load, after the frame showing it is painted. */
export function markPaintedOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  afterPaint(() => performance.mark(name));
}
