// A small venue map for the fixture's WAIC 2025: the forum venue with the fixture's rooms, an
// exhibition venue whose halls hold the fixture exhibitors' booths, and the West Bank across the
// river. Like the real built-in map it is illustrative: no organiser published a layout.
import type { HallPlan, VenueMap } from "../ipc/bindings";
import { WAIC } from "./fixtures";

export const FORUM_VENUE = "Shanghai Expo Center 上海世博中心";
export const EXHIBITION_VENUE = "Shanghai World Expo Exhibition & Convention Center";
const WEST_BANK = "Xuhui West Bank 徐汇西岸";

function hall(name: string, other: string, at: [number, number], entrance: [number, number], booths: HallPlan["booths"]): HallPlan {
  return { name, other_name: other, at, width: 160, depth: 100, entrance, booths, illustrative: true, sources: [] };
}

export const venueMapFixture = (): VenueMap => ({
  format: "plenary-venues/1",
  conference: WAIC,
  walking_speed: 1.2,
  sources: [],
  venues: [
    {
      name: FORUM_VENUE,
      width: 200,
      depth: 120,
      entrance: [100, 120],
      rooms: { "Main Hall": [60, 50], "Hall B 分会场": [160, 40], "Expo Hall H2": [30, 100] },
      halls: [],
      illustrative: true,
      sources: [],
    },
    {
      name: EXHIBITION_VENUE,
      width: 360,
      depth: 240,
      entrance: [180, 240],
      rooms: {},
      halls: [
        hall("Core Technologies 核心技术馆", "核心技术馆", [10, 10], [160, 50], {
          "H1-A01": [20, 20], "H1-A02": [50, 20], "H1-B07": [80, 60], "H1-B08": [110, 60],
        }),
        hall("Industrial Applications 产业应用馆", "产业应用馆", [190, 10], [0, 50], {
          "H2-A05": [40, 30], "H2-F01": [120, 70],
        }),
        hall("Smart Devices 智能终端馆", "智能终端馆", [10, 120], [160, 50], {
          "H3-C12": [60, 40], "H3-D02": [100, 70], "H3-D03": [115, 70],
        }),
      ],
      illustrative: true,
      sources: [],
    },
    {
      name: WEST_BANK,
      width: 100,
      depth: 60,
      entrance: [50, 60],
      rooms: { "West Bank Forum Room 3 徐汇西岸": [50, 30] },
      halls: [],
      illustrative: true,
      sources: [],
    },
  ],
  walks: [
    { from: FORUM_VENUE, to: EXHIBITION_VENUE, minutes: 15, note: "on foot between the two Expo venues", illustrative: true, sources: [] },
    { from: FORUM_VENUE, to: WEST_BANK, minutes: 40, note: "across the river, by metro or taxi", illustrative: true, sources: [] },
    { from: EXHIBITION_VENUE, to: WEST_BANK, minutes: 40, note: "across the river, by metro or taxi", illustrative: true, sources: [] },
  ],
});
