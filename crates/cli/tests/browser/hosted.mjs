// The hosted verification page as a person uses it, in Debian's Chromium:
// through an SMS code (a wrong one first), through "call me instead", and
// through a passkey (DevTools virtual authenticator). The Rust test runs
// the server (CS_BASE, CS_KEY; user "alice" with a phone and an email;
// CS_BACK, the integrator's registered return URL on another origin) and
// answers on stdin what only it knows: `code sms` → the code the SMS
// provider received; `advance N` → moves the server's clock. Each step's
// page is screenshotted at phone and desktop widths in CS_ARTIFACTS and
// checked with axe-core (no serious or critical violation). Prints "ok …"
// per journey; any failure exits non-zero.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const base = process.env.CS_BASE;
const key = process.env.CS_KEY;
const tag = process.env.CS_TAG || "run";
const artifacts = process.env.CS_ARTIFACTS || "artifacts";
const rl = readline.createInterface({ input: process.stdin });
const answers = rl[Symbol.asyncIterator]();

function expect(condition, message, detail) {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail, null, 2)}`);
}

/// Asks the Rust test; its one-line answer comes back on stdin.
async function ask(question) {
  console.log(`ask ${question}`);
  const { value } = await answers.next();
  return value.trim();
}

async function api(method, urlPath, body) {
  const r = await fetch(base + urlPath, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

/// A new login challenge for alice that returns to a registered URL; its
/// hosted page on this server.
async function challenge() {
  const r = await api("POST", "/v1/challenges", { user_id: "alice", purpose: "login", return_url: process.env.CS_BACK });
  expect(r.status === 201, "challenge created", r);
  const hosted = new URL(r.body.hosted_url);
  return { id: r.body.id, url: base + hosted.pathname + hosted.search };
}

/// Screenshots at both widths and axe at each.
async function check(page, name) {
  for (const [width, size] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 800 }]]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(artifacts, `hosted-${name}-${tag}-${width}.png`), fullPage: true });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => await axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target) }));
    expect(bad.length === 0, `hosted ${name} (${width}) has serious accessibility violations`, bad);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

/// Email comes first for alice; she opens the other ways and picks SMS.
async function textMe(page) {
  await page.getByText("Other ways to confirm").click();
  await Promise.all([page.waitForURL(/with=sms/), page.getByRole("button", { name: /Text me a code/ }).click()]);
}

async function approvedBack(page, id) {
  await page.waitForURL((u) => u.pathname === "/back");
  const back = new URL(page.url());
  expect(back.searchParams.get("challenge_id") === id && back.searchParams.get("status") === "approved",
    "back at the integrator, approved", back.search);
}

fs.mkdirSync(artifacts, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  ],
});
try {
  // axe is injected by the test: this context alone bypasses the pages' CSP.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  const page = await context.newPage();

  // 1. By SMS: ask for a code, mistype it, then type it right.
  let c = await challenge();
  await page.goto(c.url);
  await check(page, "start");
  await textMe(page);
  const input = page.getByLabel(/Enter the code sent to \+33\u00a06\u00a0••/);
  expect(await input.isVisible(), "the code field names the masked number", await page.content());
  expect((await page.locator("#resend").innerText()).includes("You can ask for a new code in"), "a resend countdown", null);
  await check(page, "code");
  await input.fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("alert").waitFor();
  expect((await page.getByRole("alert").innerText()).includes("Attempts left: 4"), "a wrong code says so", await page.getByRole("alert").innerText());
  await check(page, "wrong-code");
  await page.getByLabel(/Enter the code sent to/).fill(await ask("code sms"));
  await Promise.all([approvedBack(page, c.id), page.getByRole("button", { name: "Verify" }).click()]);
  console.log("ok hosted page approved by SMS code");

  // 2. The SMS does not come: "call me instead", once the cooldown is over.
  c = await challenge();
  await page.goto(c.url);
  await textMe(page);
  const callMe = page.getByRole("button", { name: /Call me instead/ });
  expect(await page.getByText("Didn't receive the code?").isVisible(), "the alternatives are offered", null);
  expect(await callMe.getAttribute("aria-disabled") === "true", "not before the countdown ends", null);
  await ask("advance 31");
  await page.reload();
  expect(await callMe.getAttribute("aria-disabled") !== "true", "the call is offered once the countdown ends", null);
  await Promise.all([page.waitForURL(/with=voice/), callMe.click()]);
  await check(page, "call");
  await page.getByLabel(/Enter the code sent to/).fill(await ask("code voice"));
  await Promise.all([approvedBack(page, c.id), page.getByRole("button", { name: "Verify" }).click()]);
  console.log("ok hosted page approved after call me instead");

  // 3. A passkey, registered on this browser's platform authenticator.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  await page.goto(base + "/support");
  await page.addScriptTag({ url: "/assets/webauthn.js" });
  const r = await api("POST", "/v1/users/alice/factors", { type: "webauthn", kind: "passkey", label: "Phone" });
  expect(r.status === 201, "passkey registration starts", r);
  const credential = await page.evaluate((o) => Countersign.register(o), r.body.options);
  const a = await api("POST", `/v1/users/alice/factors/${r.body.id}/activate`, { credential });
  expect(a.status === 200, "passkey activates", a);
  c = await challenge();
  await page.goto(c.url);
  const usePasskey = page.getByRole("button", { name: "Use my passkey or security key" });
  expect(await usePasskey.isVisible(), "the passkey comes first", await page.content());
  await check(page, "passkey");
  await Promise.all([approvedBack(page, c.id), usePasskey.click()]);
  console.log("ok hosted page approved by passkey");
} finally {
  await browser.close();
  rl.close();
}
