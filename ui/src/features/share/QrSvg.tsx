// A QR code from core's module matrix, drawn as inline SVG: one unit per module, a quiet zone
// around it, dark modules as rects (a run of them in a row is one rect). Always dark on white,
// whatever the theme: scanners expect that. Built with JSX only, never from markup text.
import type { QrCode } from "../../ipc/bindings";

/** Light modules around the code, as the QR standard asks, so scanners find its edge. */
export const QUIET_ZONE = 4;

/** The dark modules as horizontal runs: [x, y, length], in module units, row by row. */
export function darkRuns(code: QrCode): [number, number, number][] {
  const { width, dark } = code;
  const runs: [number, number, number][] = [];
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; ) {
      if (!dark[y * width + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && dark[y * width + x]) x++;
      runs.push([start, y, x - start]);
    }
  }
  return runs;
}

export function QrSvg({ code, label }: { code: QrCode; label: string }) {
  const size = code.width + 2 * QUIET_ZONE;
  return (
    <svg class="share-qr" data-testid="share-qr" data-width={code.width} role="img" aria-label={label}
      viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges" preserveAspectRatio="xMidYMid meet">
      <rect class="qr-light" x={0} y={0} width={size} height={size} />
      {darkRuns(code).map(([x, y, n]) => (
        <rect key={`${x},${y}`} class="qr-dark" x={x + QUIET_ZONE} y={y + QUIET_ZONE} width={n} height={1} />
      ))}
    </svg>
  );
}
