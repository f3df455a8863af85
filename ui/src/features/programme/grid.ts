import type { SessionView } from "../../ipc/bindings";
import { instant, parseStamp } from "../../lib/time";

export const SLOT_MINUTES = 15;

export interface GridRoom {
  name: string;
  /** First grid column (1-based, after the time column) and how many lanes it spans. */
  column: number;
  lanes: number;
}

export interface GridCell {
  session: SessionView;
  column: number;
  rowStart: number;
  rowEnd: number;
}

export interface GridLayout {
  rooms: GridRoom[];
  cells: GridCell[];
  /** Slot start instants (ms), one per grid row after the header. */
  slots: number[];
  /** The offset (minutes) the day's times are written in, for labelling the slots. */
  offset: number;
  columns: number;
}

/**
 * Places a day's sessions on a rooms × time grid of 15-minute rows. Sessions that overlap in one
 * room (it happens in real data) get lanes side by side instead of covering each other.
 */
export function gridLayout(sessions: readonly SessionView[], noRoom: string): GridLayout {
  const slotMs = SLOT_MINUTES * 60_000;
  if (!sessions.length) return { rooms: [], cells: [], slots: [], offset: 0, columns: 0 };
  const starts = sessions.map((s) => instant(s.start));
  const ends = sessions.map((s, i) => Math.max(instant(s.end), starts[i]! + slotMs));
  const first = Math.floor(Math.min(...starts) / (2 * slotMs)) * 2 * slotMs;
  const last = Math.ceil(Math.max(...ends) / slotMs) * slotMs;
  const slots: number[] = [];
  for (let ms = first; ms < last; ms += slotMs) slots.push(ms);

  const byRoom = new Map<string, { s: SessionView; a: number; b: number }[]>();
  sessions.forEach((s, i) => {
    const room = s.room ?? noRoom;
    if (!byRoom.has(room)) byRoom.set(room, []);
    byRoom.get(room)!.push({ s, a: starts[i]!, b: ends[i]! });
  });

  const rooms: GridRoom[] = [];
  const cells: GridCell[] = [];
  let column = 2;
  for (const [name, list] of byRoom) {
    const laneEnds: number[] = [];
    const placed = list
      .sort((x, y) => x.a - y.a)
      .map((item) => {
        let lane = laneEnds.findIndex((end) => end <= item.a);
        if (lane < 0) lane = laneEnds.push(item.b) - 1;
        else laneEnds[lane] = item.b;
        return { ...item, lane };
      });
    for (const p of placed) {
      const rowStart = 2 + Math.floor((p.a - first) / slotMs);
      cells.push({
        session: p.s,
        column: column + p.lane,
        rowStart,
        rowEnd: Math.max(rowStart + 1, 2 + Math.ceil((p.b - first) / slotMs)),
      });
    }
    rooms.push({ name, column, lanes: laneEnds.length });
    column += laneEnds.length;
  }
  cells.sort((x, y) => x.rowStart - y.rowStart || x.column - y.column);
  const offset = parseStamp(sessions[0]!.start)?.offset ?? 0;
  return { rooms, cells, slots, offset, columns: column - 2 };
}
