/** A piece of a label: matched (to be marked) or not. */
export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits `label` at the matched `ranges`. The ranges count Unicode scalar values (Rust `char`s),
 * not UTF-16 units, so a character outside the BMP (𠮷, an emoji) counts once and is never cut.
 * Ranges out of order, overlapping or out of bounds are tolerated.
 */
export function highlightSegments(label: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const chars = Array.from(label);
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const [start, end] of ranges) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) marked[i] = true;
  }
  const out: Segment[] = [];
  chars.forEach((ch, i) => {
    const hit = marked[i] ?? false;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += ch;
    else out.push({ text: ch, hit });
  });
  return out;
}
