// Countersign's pages as people see them, in Debian's Chromium (headless,
// driven by playwright-core). Generic: it opens each page of CS_PAGES (a
// JSON list of {name, url, cookies?, status?, fresh?, time?}; `cookies` go
// into the browser first, for pages behind a session; `status` is the one
// expected, 200 unless said; `fresh` opens it without any cookie set before;
// `time`, text the page's first time of day must show, as a reader in
// CS_TIMEZONE sees it) at a phone's width (390×844) and a desktop's
// (1280×800), saves a screenshot of each in CS_ARTIFACTS, and runs axe-core
// on it: any "serious" or "critical" accessibility violation fails the run.
// With CS_SEARCH ({name, url, query, first}) it also searches like a person:
// types the query in the search box, presses Enter, and checks that the
// first result's title contains `first` and that the match is highlighted.
// Prints "ok …" per step; any failure exits non-zero.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const pages = JSON.parse(process.env.CS_PAGES || "[]");
const artifacts = process.env.CS_ARTIFACTS || "artifacts";
const searchCase = process.env.CS_SEARCH ? JSON.parse(process.env.CS_SEARCH) : null;
const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

function expect(condition, message, detail) {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail, null, 2)}`);
}

fs.mkdirSync(artifacts, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
  ],
});
try {
  for (const [width, viewport] of Object.entries(viewports)) {
    // The pages forbid foreign scripts (CSP); axe is injected by the test,
    // so this context alone bypasses it.
    const context = await browser.newContext({
      viewport, bypassCSP: true, timezoneId: process.env.CS_TIMEZONE || "UTC",
    });
    const page = await context.newPage();
    for (const { name, url, cookies, status = 200, fresh, time } of pages) {
      if (fresh) await context.clearCookies();
      if (cookies) await context.addCookies(cookies);
      const response = await page.goto(url, { waitUntil: "load" });
      expect(response && response.status() === status, `${name} answers ${status}`, { url, status: response && response.status() });
      // The page is drawn whole (an image that did not load would show as
      // broken in the screenshot).
      const broken = await page.evaluate(() =>
        [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
      expect(broken.length === 0, `${name}: every image loads`, broken);
      if (time) {
        const shown = await page.locator("time[datetime*='T']").first().innerText();
        expect(shown.includes(time), `${name}: times in the reader's zone`, { shown, time });
      }
      await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`), fullPage: true });
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        await axe.run(document, { resultTypes: ["violations"] }));
      const bad = result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
        }));
      expect(bad.length === 0, `${name} (${width}) has serious accessibility violations`, bad);
      console.log(`ok ${name} ${width}: screenshot and no serious axe violation`);
    }
    await context.close();
  }

  if (searchCase) {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    await page.goto(searchCase.url);
    const box = page.getByRole("searchbox");
    await box.click();
    await box.pressSequentially(searchCase.query);
    await Promise.all([page.waitForURL(/[?&]q=/), box.press("Enter")]);
    const first = page.locator("ol.articles > li").first();
    const title = (await first.locator("strong").innerText()).trim();
    expect(title.includes(searchCase.first), "the first result is the expected article", { title, searchCase });
    expect(await first.locator("mark").count() > 0, "the match is highlighted", await first.innerHTML());
    expect(await box.inputValue() === searchCase.query, "the search box keeps the query", await box.inputValue());
    await page.screenshot({ path: path.join(artifacts, `${searchCase.name || "search"}-phone.png`), fullPage: true });
    console.log(`ok search "${searchCase.query}": first result "${title}"`);
    await context.close();
  }
} finally {
  await browser.close();
}
