// A small bilingual dataset in the shapes of the generated bindings, for tests and the browser
// preview. WAIC 2025 facts follow shared/data/waic2025/facts.md; times, rooms, halls and booths
// are illustrative (the press never published them) and are marked so, as in the real dataset.
import type { ConferenceSummary, ExhibitorView, Link, PersonView, SessionView } from "../ipc/bindings";

export const WAIC = "waic-2025";
export const GOOD = "good-2025";

const SRC_OPENING = "https://www.citynewsservice.cn/shine/bbac7082-bb0c-4e40-b063-63e3e5c2e2b4";
const SRC_HINTON = "https://eu.36kr.com/en/p/3397425411868809";
const SRC_PANDAILY =
  "https://pandaily.com/ai-godfather-geoffrey-hinton-urges-global-ai-cooperation-at-waic-2025-in-shanghai";
const SRC_SCALE = "https://doitong.com/news/en/world-ai-conference-2025-opens-in-shanghai";
const SRC_MATRIKS =
  "https://www.matriks.co.uk/blog/world-artificial-intelligence-conference-2025-a-landmark-in-ais-global-ascendancy";

export const conferencesFixture = (): ConferenceSummary[] => [
  {
    slug: WAIC,
    title: "World Artificial Intelligence Conference 2025",
    other_title: "2025世界人工智能大会",
    time_zone: "Asia/Shanghai",
    start_date: "2025-07-26",
    end_date: "2025-07-29",
    days: ["2025-07-26", "2025-07-27", "2025-07-28"],
    sessions: 0,
    exhibitors: 0,
    source_format: "plenary",
    imported_at: "2026-11-20T08:00:00Z",
    current: true,
  },
  {
    slug: GOOD,
    title: "Global Open OnDemand 2025",
    other_title: null,
    time_zone: "US/Eastern",
    start_date: "2025-03-17",
    end_date: "2025-03-20",
    days: ["2025-03-17", "2025-03-18"],
    sessions: 0,
    exhibitors: 0,
    source_format: "frab-xml",
    imported_at: "2026-11-21T08:00:00Z",
    current: false,
  },
];

interface S {
  key: string;
  title: string;
  other?: string;
  kind?: string;
  lang?: string;
  day: string;
  from: string;
  to: string;
  room?: string;
  hall?: string;
  venue?: string;
  track?: string;
  speakers?: string[];
  abstract?: string;
  description?: string;
  links?: Link[];
  sources?: string[];
  illustrative?: string[];
}

function session(conference: string, offset: string, s: S): SessionView {
  const start = `${s.day}T${s.from}:00${offset}`;
  const end = `${s.day}T${s.to}:00${offset}`;
  const [h0 = 0, m0 = 0] = s.from.split(":").map(Number);
  const [h1 = 0, m1 = 0] = s.to.split(":").map(Number);
  return {
    conference,
    key: s.key,
    id: s.key,
    guid: null,
    slug: null,
    title: s.title,
    other_title: s.other ?? null,
    subtitle: null,
    kind: s.kind ?? "talk",
    language: s.lang ?? null,
    start,
    end,
    day: s.day,
    duration_minutes: h1 * 60 + m1 - (h0 * 60 + m0),
    room: s.room ?? null,
    hall: s.hall ?? null,
    venue: s.venue ?? null,
    track: s.track ?? null,
    speakers: s.speakers ?? [],
    url: null,
    abstract_html: s.abstract ?? null,
    description_html: s.description ?? null,
    links: s.links ?? [],
    attachments: [],
    sources: s.sources ?? [],
    illustrative: s.illustrative ?? [],
    bookmark: null,
  };
}

const EXPO = "Shanghai Expo Center 上海世博中心";
const FILLER = ["start", "end", "room"];

export const sessionsFixture = (): SessionView[] => [
  ...[
    {
      key: "waic-opening",
      title: "Opening Ceremony",
      other: "开幕式",
      kind: "ceremony",
      lang: "zh",
      day: "2025-07-26",
      from: "09:00",
      to: "10:00",
      room: "Main Hall",
      venue: EXPO,
      track: "Plenary",
      speakers: ["Li Qiang"],
      abstract: "<p>Premier Li Qiang opens WAIC 2025; the Global AI Governance Action Plan is released.</p>",
      sources: [SRC_OPENING],
      illustrative: FILLER,
    },
    {
      key: "waic-hinton",
      title: "Will Digital Intelligence Replace Biological Intelligence?",
      other: "数字智能会取代生物智能吗？",
      kind: "keynote",
      lang: "en",
      day: "2025-07-26",
      from: "10:00",
      to: "10:40",
      room: "Main Hall",
      venue: EXPO,
      track: "Plenary",
      speakers: ["Geoffrey Hinton"],
      abstract: "<p>His first public speech in China.</p>",
      description:
        "<p>Geoffrey Hinton spoke at the opening main forum. On the eve of the conference he and about twenty experts signed the <em>Shanghai Consensus</em> on AI safety.</p><p>Read more at <a href=\"https://eu.36kr.com/en/p/3397425411868809\">36Kr</a>.</p>",
      sources: [SRC_HINTON],
      illustrative: FILLER,
    },
    {
      key: "waic-yan",
      title: "Everyone's AI: MiniMax keynote",
      other: "每个人的人工智能",
      kind: "keynote",
      lang: "zh",
      day: "2025-07-26",
      from: "10:30",
      to: "11:00",
      room: "Hall B 分会场",
      venue: EXPO,
      track: "Plenary",
      speakers: ["Yan Junjie 闫俊杰"],
      abstract: "<p>The founder of MiniMax on the opening-ceremony stage.</p>",
      description: "<p>One of the opening-ceremony keynotes, alongside Geoffrey Hinton.</p>",
      sources: [SRC_PANDAILY],
      illustrative: ["start", "end", "room", "title"],
    },
    {
      key: "waic-schmidt-shum",
      title: "Dialogue on global AI cooperation",
      other: "全球人工智能合作对话",
      kind: "panel",
      lang: "en",
      day: "2025-07-26",
      from: "14:00",
      to: "15:00",
      room: "Main Hall",
      venue: EXPO,
      track: "Plenary",
      speakers: ["Eric Schmidt", "Harry Shum 沈向洋"],
      sources: [SRC_PANDAILY],
      illustrative: FILLER,
    },
    {
      key: "waic-nova",
      title: "NovaInspire • Open Forum on AI for Science",
      other: "NovaInspire 科学智能开放论坛",
      kind: "forum",
      lang: "zh",
      day: "2025-07-27",
      from: "09:30",
      to: "12:00",
      room: "West Bank Forum Room 3 徐汇西岸",
      hall: "West Bank",
      venue: "Xuhui West Bank 徐汇西岸",
      track: "AI for Science 科学智能",
      sources: ["https://french.shanghai.gov.cn/fr-Editorspick-DoBusiness/20250730/8084d08c0aab486ca849aca90daca8d2.html"],
      illustrative: FILLER,
    },
    {
      key: "waic-robots",
      title: "Embodied intelligence: humanoid robots from lab to factory floor, a very long session title that has to wrap or ellipsize",
      other: "具身智能：人形机器人从实验室走向工厂车间——一个需要换行或省略的很长很长的标题",
      kind: "forum",
      lang: "zh",
      day: "2025-07-27",
      from: "13:30",
      to: "17:00",
      room: "Expo Hall H2",
      hall: "H2",
      venue: EXPO,
      track: "Robotics 机器人",
      speakers: ["Peng Zhihui 彭志辉"],
      abstract: "<p>AgiBot's Lingxi X2 performs crosstalk (相声) on stage.</p>",
      sources: ["https://www.aicoin.com/article/474971"],
      illustrative: ["*"],
    },
    {
      key: "waic-governance",
      title: "High-level Meeting on Global AI Governance",
      other: "全球人工智能治理高级别会议",
      kind: "forum",
      lang: "zh",
      day: "2025-07-28",
      from: "09:00",
      to: "11:30",
      room: "Main Hall",
      venue: EXPO,
      track: "Governance 治理",
      sources: ["https://www.geopolitechs.org/p/2025-world-artificial-intelligence"],
      illustrative: FILLER,
    },
  ].map((s) => session(WAIC, "+08:00", s)),
  session(GOOD, "-04:00", {
    key: "good-welcome",
    title: "Welcome to GOOD 2025",
    kind: "talk",
    lang: "en",
    day: "2025-03-17",
    from: "09:00",
    to: "09:30",
    room: "CGIS S010",
    track: "General",
    speakers: ["Alan Chalker"],
  }),
];

export const speakersFixture = (): PersonView[] => {
  const people: [string, string, string | null, string | null, string[]][] = [
    ["p-hinton", "Geoffrey Hinton", null, "University of Toronto", [SRC_HINTON]],
    ["p-li", "Li Qiang", "李强", "Premier of the State Council", [SRC_OPENING]],
    ["p-yan", "Yan Junjie 闫俊杰", null, "MiniMax", [SRC_PANDAILY]],
    ["p-schmidt", "Eric Schmidt", null, "Former CEO, Google", [SRC_PANDAILY]],
    ["p-shum", "Harry Shum 沈向洋", null, null, [SRC_PANDAILY]],
    ["p-peng", "Peng Zhihui 彭志辉", null, "AgiBot 智元机器人", ["https://www.aicoin.com/article/474971"]],
  ];
  const sessions = sessionsFixture();
  return people.map(([key, name, other, affiliation, sources]) => ({
    conference: WAIC,
    key,
    name,
    other_name: other,
    affiliation,
    bio: key === "p-hinton" ? "<p>Turing Award laureate; gave his first public speech in China at WAIC 2025.</p>" : null,
    sessions: sessions.filter((s) => s.speakers.includes(name)).map((s) => s.key),
    sources,
    illustrative: [],
  }));
};

function exhibitor(key: string, name: string, other: string | null, hall: string, booths: string[], country: string,
  categories: string[], description: string, products: [string, string | null][], sources: string[]): ExhibitorView {
  return {
    conference: WAIC,
    key,
    name,
    other_name: other,
    hall,
    booths,
    country,
    categories,
    website: null,
    description,
    products: products.map(([n, o]) => ({ name: n, other_name: o, category: null, description: null, sources, illustrative: [] })),
    sources,
    illustrative: ["hall", "booths"],
    bookmark: null,
    visited: false,
  };
}

export const exhibitorsFixture = (): ExhibitorView[] => [
  exhibitor("e-huawei", "Huawei", "华为", "Core Technologies 核心技术馆", ["H1-A01"], "CN", ["Computing 算力"],
    "<p>Showed the CloudMatrix 384 supernode publicly for the first time.</p>",
    [["CloudMatrix 384", "昇腾384超节点"]],
    ["https://www.notebookcheck.net/CloudMatrix-384-Huawei-s-384-chip-AI-cluster-challenges-Nvidia-amid-US-export-curbs.1069155.0.html"]),
  exhibitor("e-unitree", "Unitree Robotics", "宇树科技", "Smart Devices 智能终端馆", ["H3-C12"], "CN", ["Robotics 机器人"],
    "<p>Staged a boxing match between two G1 humanoids.</p>", [["G1 humanoid", "G1 人形机器人"]],
    ["https://thesun.my/world-news/china-showcases-humanoid-robots-at-shanghai-ai-conference-IF14559661"]),
  exhibitor("e-sensetime", "SenseTime", "商汤科技", "Core Technologies 核心技术馆", ["H1-B07"], "CN", ["Models 大模型"],
    "<p>SenseNova V6.5.</p>", [["SenseNova V6.5", "日日新 V6.5"]], [SRC_MATRIKS]),
  exhibitor("e-agibot", "AgiBot", "智元机器人", "Smart Devices 智能终端馆", ["H3-D02", "H3-D03"], "CN", ["Robotics 机器人"],
    "<p>Lingxi X2 on stage.</p>", [["Lingxi X2", "灵犀 X2"]], ["https://www.aicoin.com/article/474971"]),
  exhibitor("e-tesla", "Tesla", null, "Industrial Applications 产业应用馆", ["H2-F01"], "US", ["Robotics 机器人"],
    "<p>Showed Optimus.</p>", [["Optimus", null]], ["https://eu.36kr.com/de/p/3402737367518857"]),
  exhibitor("e-siemens", "Siemens", "西门子", "Industrial Applications 产业应用馆", ["H2-A05"], "DE", ["Industry 工业"],
    "<p>Named among the exhibitors.</p>", [], [SRC_SCALE]),
];
