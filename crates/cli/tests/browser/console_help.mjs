// The help-center editor in a real browser: Debian's Chromium (headless,
// playwright-core) with an admin's console cookie (CS_COOKIES), against a
// server the Rust test started (CS_BASE, CS_SERVICE). The admin types
// Markdown into a new article and the preview follows (raw HTML shown as
// text), saves it published, and the help center shows the article
// rendered exactly as previewed. Prints "ok …" per step; any failure exits
// non-zero.
import { chromium } from "playwright-core";

const base = process.env.CS_BASE;
const service = process.env.CS_SERVICE;

function expect(condition, message, detail) {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail)}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
  ],
});

try {
  const context = await browser.newContext();
  await context.addCookies(JSON.parse(process.env.CS_COOKIES));
  const page = await context.newPage();
  await page.goto(`${base}/console/help/${service}/new`);
  await page.getByLabel("Title").fill("Typing a preview");
  await page.getByLabel("Slug").fill("typing-a-preview");
  await page.getByLabel("Category").selectOption("announcements");
  const preview = page.locator("#article-preview");
  expect((await preview.innerText()).trim() === "", "an empty preview first", await preview.innerText());
  await page.getByLabel("Text (Markdown)").pressSequentially(
    "## Fresh keys\n\nKeep **two** passkeys. <b>not bold</b>",
  );
  await preview.locator("h2", { hasText: "Fresh keys" }).waitFor();
  await preview.locator("strong", { hasText: "two" }).waitFor();
  await preview.getByText("<b>not bold</b>").waitFor();
  expect((await preview.locator("b").count()) === 0, "raw HTML shown as text", await preview.innerHTML());
  const previewed = (await preview.innerHTML()).trim();
  console.log("ok the preview follows the Markdown as it is typed");

  await page.getByLabel("Published in the help center").check();
  await Promise.all([
    page.waitForURL(`${base}/console/help?service=${service}`),
    page.getByRole("button", { name: "Save" }).click(),
  ]);
  await page.getByRole("link", { name: "Typing a preview" }).waitFor();
  await page.goto(`${base}/help/${service}/typing-a-preview`);
  const shown = (await page.locator(".prose").innerHTML()).trim();
  expect(shown === previewed, "the help center shows what the preview showed", { shown, previewed });
  console.log("ok the saved article reads as previewed");
} finally {
  await browser.close();
}
