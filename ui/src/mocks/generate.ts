// A synthetic programme of any size, for checking that long lists stay smooth.
import type { SessionView } from "../ipc/bindings";

const TOPICS = [
  ["Large models", "大模型"], ["Embodied AI", "具身智能"], ["AI for Science", "科学智能"],
  ["Governance", "治理"], ["Computing power", "算力"], ["Robotics", "机器人"], ["Open source", "开源"],
] as const;
const KINDS = ["talk", "panel", "forum", "workshop", "keynote"];

export function generateSessions(count: number, conference = "waic-2025"): SessionView[] {
  const days = ["2025-07-26", "2025-07-27", "2025-07-28"];
  const rooms = 40;
  const out: SessionView[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[i % days.length]!;
    const slot = Math.floor(i / days.length / rooms);
    const room = Math.floor(i / days.length) % rooms;
    const startMin = 8 * 60 + ((slot * 30) % (14 * 60));
    const hh = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    const [en, zh] = TOPICS[i % TOPICS.length]!;
    out.push({
      conference,
      key: `gen-${i}`,
      id: String(i),
      guid: null,
      slug: null,
      title: `${en} session ${i + 1}`,
      other_title: `${zh}分论坛 第${i + 1}场`,
      subtitle: null,
      kind: KINDS[i % KINDS.length]!,
      language: i % 2 ? "zh" : "en",
      start: `${day}T${hh(startMin)}:00+08:00`,
      end: `${day}T${hh(startMin + 25)}:00+08:00`,
      day,
      duration_minutes: 25,
      room: `Room ${room + 1}`,
      hall: `H${(room % 4) + 1}`,
      venue: "Shanghai Expo Center 上海世博中心",
      track: en,
      speakers: [],
      url: null,
      abstract_html: null,
      description_html: null,
      links: [],
      attachments: [],
      sources: [],
      illustrative: ["*"],
      bookmark: null,
    });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}
