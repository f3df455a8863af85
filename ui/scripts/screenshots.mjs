// Browser check of the mock-mode build: serves dist-mock with the app's CSP (vite preview), drives
// headless Chromium through every view in light/dark and English/Chinese, saves screenshots to
// ui/shots/, and fails on any console error or CSP violation.
//   npm run build:mock && node scripts/screenshots.mjs [--quick]
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const PORT = 4173;
const BASE = `http://127.0.0.1:${PORT}/`;
const OUT = new URL("../shots/", import.meta.url).pathname;
const quick = process.argv.includes("--quick");
mkdirSync(OUT, { recursive: true });

const server = spawn(process.execPath, [new URL("../node_modules/vite/bin/vite.js", import.meta.url).pathname, "preview", "--outDir", "dist-mock", "--port", String(PORT), "--strictPort", "--host", "127.0.0.1"], {
  cwd: new URL("..", import.meta.url).pathname,
  stdio: ["ignore", "pipe", "pipe"],
});
await new Promise((resolve, reject) => {
  server.stdout.on("data", (d) => String(d).includes(String(PORT)) && resolve());
  server.on("exit", reject);
  setTimeout(() => reject(new Error("vite preview did not start")), 20_000);
});

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const problems = [];

async function page({ lang, scheme, query = "", timeMode = "conference", width = 1280, timezoneId = "Europe/Berlin" }) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, timezoneId });
  await context.addInitScript(
    ([l, m]) => localStorage.setItem("plenary.settings", JSON.stringify({ lang: l, theme: "system", timeMode: m })),
    [lang, timeMode],
  );
  const p = await context.newPage();
  p.on("console", (m) => m.type() === "error" && problems.push(`${lang}/${scheme}: console: ${m.text()}`));
  p.on("pageerror", (e) => problems.push(`${lang}/${scheme}: page error: ${e.message}`));
  await p.goto(`${BASE}${query}#/now`);
  await p.waitForSelector("[data-testid=app-ready]", { state: "attached" });
  return p;
}

async function shot(p, name) {
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.screenshot({ path: `${OUT}${name}.png` });
}

async function go(p, hash, ready) {
  await p.evaluate((h) => (location.hash = h), hash);
  if (ready) await p.waitForSelector(ready);
}

try {
const combos = quick ? [["en", "light"]] : [["en", "light"], ["en", "dark"], ["zh", "light"], ["zh", "dark"]];
for (const [lang, scheme] of combos) {
  const p = await page({ lang, scheme });
  const tag = `${lang}-${scheme}`;
  await p.click("[data-testid=now-jump]");
  await p.waitForSelector("[data-testid=now-list]");
  await shot(p, `now-${tag}`);
  await go(p, "#/programme", "[data-testid=programme-list]");
  await shot(p, `programme-list-${tag}`);
  await p.click("[data-testid=view-grid]");
  await p.waitForSelector("[data-testid=programme-grid]");
  await shot(p, `programme-grid-${tag}`);
  await p.click("[data-testid=view-list]");
  await go(p, "#/session/waic-hinton", "[data-testid=session-overlaps]");
  await shot(p, `session-${tag}`);
  await go(p, "#/keynotes", "[data-testid=keynote]");
  await shot(p, `keynotes-${tag}`);
  await go(p, "#/agenda", "[data-testid=overlap-flag]");
  await shot(p, `agenda-${tag}`);
  await p.click("[data-testid=share-open-agenda]");
  await p.waitForSelector("[data-testid=share-qr]");
  await shot(p, `share-${tag}`);
  await p.keyboard.press("Escape");
  await go(p, "#/plan/2025-07-26", "[data-testid=plan-chosen]");
  await shot(p, `plan-${tag}`);
  await p.emulateMedia({ media: "print" });
  await shot(p, `plan-print-${tag}`);
  await p.emulateMedia({ media: null });
  await go(p, "#/route", "[data-testid=route-map]");
  await shot(p, `route-${tag}`);
  await go(p, "#/exhibitors", "[data-testid=exhibitor-list]");
  await shot(p, `exhibitors-${tag}`);
  await go(p, "#/exhibitor/e-unitree", "[data-testid=exhibitor-detail]");
  await shot(p, `exhibitor-${tag}`);
  await go(p, "#/speakers", "[data-testid=speaker-list]");
  await shot(p, `speakers-${tag}`);
  await go(p, "#/conferences", "[data-testid=conference-list]");
  await shot(p, `conferences-${tag}`);
  await go(p, "#/settings", "[data-testid=view-settings]");
  await shot(p, `settings-${tag}`);
  await p.keyboard.press("Control+k");
  await p.waitForSelector("[data-testid=search-input]");
  await p.keyboard.type(lang === "zh" ? "机器人" : "robot");
  await shot(p, `search-typed-${tag}`);
  await p.waitForSelector("[data-testid=search-result]");
  await shot(p, `search-${tag}`);
  await p.keyboard.press("Escape");
  await p.context().close();
}

// This computer's time (Berlin, UTC+02:00 in July), and a narrow window with long names.
{
  const local = await page({ lang: "en", scheme: "light", timeMode: "local" });
  await go(local, "#/agenda", "[data-testid=overlap-flag]");
  await shot(local, "agenda-local-time");
  await local.context().close();
  const narrow = await page({ lang: "zh", scheme: "light", width: 720 });
  await go(narrow, "#/session/waic-robots", "[data-testid=session-detail]");
  await shot(narrow, "session-narrow-zh");
  await go(narrow, "#/programme", "[data-testid=programme-list]");
  await narrow.click("[data-testid=day-tab][data-day='2025-07-27']");
  await shot(narrow, "programme-narrow-zh");
  await narrow.context().close();
}

// Keyboard focus ring, import error and the 10,000-session programme.
{
  const p = await page({ lang: "en", scheme: "light" });
  await go(p, "#/programme", "[data-testid=programme-list]");
  await p.focus("[data-testid=session-row]");
  await p.keyboard.press("ArrowDown");
  await shot(p, "focus-ring");
  await go(p, "#/conferences", "[data-testid=import-button]");
  await p.evaluate(() => {
    // The mock's dialog returns a fixed path; pretend the user picked a broken file instead.
    window.__TAURI_INTERNALS__.invoke = ((orig) => (cmd, args, o) =>
      cmd === "plugin:dialog|open" ? Promise.resolve("/home/me/broken.schedule.xml") : orig(cmd, args, o))(window.__TAURI_INTERNALS__.invoke);
  });
  await p.click("[data-testid=import-button]");
  await p.click("[data-testid=import-start]");
  await p.waitForSelector("[data-testid=import-error]");
  await shot(p, "import-error");
  // The same broken file offered as a venue map, then a pasted text that is not a share link.
  await p.click("[data-testid=venue-map-import]");
  await p.waitForSelector("[data-testid=venue-map-error]");
  await shot(p, "venue-map-error");
  await go(p, "#/agenda", "[data-testid=merge-link-input]");
  await p.fill("[data-testid=merge-link-input]", "hello");
  await p.press("[data-testid=merge-link-input]", "Enter");
  await p.waitForSelector("[data-testid=merge-error]");
  await p.locator("[data-testid=merge-share]").scrollIntoViewIfNeeded();
  await shot(p, "merge-error");
  await p.context().close();

  const big = await page({ lang: "en", scheme: "light", query: "?sessions=10000" });
  await go(big, "#/programme", "[data-testid=programme-list]");
  const stats = await big.evaluate(async () => {
    const list = document.querySelector("[data-testid=programme-list]");
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      list.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    return {
      count: list.getAttribute("data-count"),
      rowsInDom: list.querySelectorAll("[role=listitem]").length,
      medianFrameMs: frames[frames.length >> 1].toFixed(1),
      p95FrameMs: frames[Math.floor(frames.length * 0.95)].toFixed(1),
    };
  });
  console.log("10,000-session programme:", JSON.stringify(stats));
  await shot(big, "programme-10000");
  await big.keyboard.press("Control+k");
  for (const ch of "session 42") await big.keyboard.type(ch, { delay: 30 });
  await big.waitForSelector("[data-testid=search-result]");
  await big.waitForTimeout(200);
  const marks = await big.evaluate(() => performance.getEntriesByName("search").map((m) => m.duration.toFixed(1)));
  console.log("search keystroke→painted (ms, mock backend):", marks.join(" "));
  await big.context().close();
}

} catch (error) {
  problems.push(String(error));
} finally {
  await browser.close();
  server.kill();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`screenshots in ${OUT}`);
