// The security center in a real browser: Debian's Chromium (headless,
// playwright-core) against a server the Rust test started (CS_BASE, CS_KEY,
// user "alice", CS_NOW = the server's manual clock in Unix seconds).
// The portal link is followed from another site (127.0.0.1 is not the same
// site as localhost); adding an authenticator app first asks for a step-up
// on the hosted verification page (an emailed code: alice has no method
// yet), which gives the session a new cookie; the app is added (its key read
// from the page, the code computed here with RFC 6238), a passkey is added
// with a virtual authenticator in the same step-up's 5 minutes, and once
// they are over the app is removed after a new step-up (the passkey, then an
// emailed code). Emailed codes come from the Rust test's SMTP server and the
// clock is the Rust test's: this script prints "need email code" or
// "advance <seconds>" and reads the answer from stdin.
import readline from "node:readline";
import { chromium } from "playwright-core";
import { totp } from "./otp.mjs";

const base = process.env.CS_BASE;
const key = process.env.CS_KEY;
const now = Number(process.env.CS_NOW);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

function expect(condition, message, detail) {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail)}`);
}

async function api(method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

// On the hosted page: asks for a code by email, reads it from the Rust
// test, and passes; the page sends the user back to the security center.
async function emailedCode() {
  await page.getByRole("button", { name: "Email me a code" }).click();
  const input = page.getByLabel(/Enter the code sent to/);
  await input.waitFor();
  console.log("need email code");
  const code = (await lines.next()).value.trim();
  await input.fill(code);
  await Promise.all([
    page.waitForURL((u) => u.pathname === "/security/step-up/done" && u.searchParams.get("status") === "approved"),
    page.getByRole("button", { name: "Verify" }).click(),
  ]);
}

let page;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  ],
});
try {
  const context = await browser.newContext();
  page = await context.newPage();

  // 1. The integrator's page links to the portal; the user follows it.
  const link = await api("POST", "/v1/users/alice/portal-sessions", { locale: "en" });
  expect(link.status === 201, "portal session created", link);
  const elsewhere = base.replace("localhost", "127.0.0.1");
  await page.goto(elsewhere + "/support");
  await page.evaluate((url) => {
    const a = document.createElement("a");
    a.href = url;
    a.id = "to-portal";
    a.textContent = "Security settings";
    document.body.append(a);
  }, link.body.url);
  await Promise.all([page.waitForURL(base + "/security"), page.click("#to-portal")]);
  await page.getByRole("heading", { name: "Security center" }).waitFor();
  const cookies = await context.cookies(base + "/security");
  const session = cookies.find((c) => c.name.endsWith("cs_portal"));
  expect(session && session.httpOnly && session.sameSite === "Strict" && session.path === "/", "session cookie flags", cookies);
  console.log("ok portal link followed from another site opens the security center");

  // 2. An authenticator app: first a step-up on the hosted page (an emailed
  // code), which rotates the session's cookie; then the key from the page,
  // a code computed here.
  await Promise.all([page.waitForURL(/\/verify\/chl_/), page.getByRole("button", { name: "Add an authenticator app" }).click()]);
  let still = await api("GET", "/v1/users/alice/factors");
  expect(still.body.length === 0, "nothing added before the step-up", still);
  await emailedCode();
  await page.getByRole("heading", { name: "Verified" }).waitFor();
  const rotated = (await context.cookies(base + "/security")).find((c) => c.name === session.name);
  expect(rotated && rotated.value !== session.value, "a new session cookie after the step-up", rotated);
  await Promise.all([page.waitForURL(/\/security\/totp$/), page.getByRole("button", { name: "Continue" }).click()]);
  const secret = (await page.locator("#totp-secret").innerText()).replace(/\s/g, "");
  const uri = await page.locator("#otpauth").getAttribute("href");
  expect(uri.includes(`secret=${secret}`), "the otpauth URI carries the shown key", { uri, secret });
  await page.getByLabel("Code from the app").fill(totp(secret, now));
  await Promise.all([page.waitForURL(/notice=added/), page.getByRole("button", { name: "Activate" }).click()]);
  await page.getByText("Method added: Authenticator app").waitFor();
  console.log("ok authenticator app added after a step-up, with a code computed from the page's key");

  // 3. A passkey, with a virtual platform authenticator.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  await Promise.all([page.waitForURL(/kind=passkey/), page.getByRole("link", { name: "Add a passkey" }).click()]);
  await page.getByLabel("Name (optional)").fill("Laptop");
  await Promise.all([page.waitForURL(/notice=added/), page.getByRole("button", { name: "Continue" }).click()]);
  await page.getByText("Laptop").waitFor();
  const factors = await api("GET", "/v1/users/alice/factors");
  expect(factors.body.some((f) => f.type === "webauthn" && f.kind === "passkey" && f.status === "active"), "passkey active", factors);
  console.log("ok passkey added with the virtual authenticator");

  // 4. Once the step-up's 5 minutes are over, removing the app asks for a
  // new one.
  console.log("advance 301");
  expect((await lines.next()).value.trim() === "ok", "the clock moved");
  const app = factors.body.find((f) => f.type === "totp");
  await Promise.all([
    page.waitForURL(/\/verify\/chl_/),
    page.locator(`form[action="/security/methods/${app.id}/remove"] button`).click(),
  ]);
  const challenge = page.url().split("/verify/")[1];
  still = await api("GET", "/v1/users/alice/factors");
  expect(still.body.some((f) => f.id === app.id), "nothing removed before the step-up", still);
  // The hosted verification page: the passkey (in this browser), then the
  // emailed code; it sends the user back to the security center.
  const c = await api("GET", `/v1/challenges/${challenge}`);
  expect(c.body.purpose === "security_change", "a security_change challenge", c);
  await page.getByRole("button", { name: "Use my passkey or security key" }).click();
  await emailedCode();
  await page.getByRole("heading", { name: "Verified" }).waitFor();
  await Promise.all([page.waitForURL(/notice=removed/), page.getByRole("button", { name: "Remove" }).click()]);
  still = await api("GET", "/v1/users/alice/factors");
  expect(!still.body.some((f) => f.id === app.id), "the app is removed", still);
  console.log("ok authenticator removed after a step-up");
} finally {
  await browser.close();
}
process.exit(0);
