// The operator console in a real browser: Debian's Chromium (headless,
// playwright-core), each operator with a DevTools virtual authenticator of
// their own, against a server the Rust test started (CS_BASE, CS_KEY; the
// enrolment links `countersign operator add` would print, CS_ADMIN_LINK and
// CS_AUDITOR_LINK; alice's withdrawal CS_HELD, held after a security
// change). An admin enrols through the link (which then works no more),
// signs out and in with the passkey, finds alice and releases the held
// withdrawal after the step-up the console asks; an auditor enrols, sees
// alice read-only, and every change they post anyway is refused with
// nothing written. Prints "ok …" per step; any failure exits non-zero.
import { chromium } from "playwright-core";

const base = process.env.CS_BASE;
const key = process.env.CS_KEY;

function expect(condition, message, detail) {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail)}`);
}

async function api(method, path) {
  const r = await fetch(base + path, { method, headers: { authorization: `Bearer ${key}` } });
  return { status: r.status, body: await r.json().catch(() => null) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
  ],
});

// A browser of one's own, with a platform authenticator (user verified).
async function operator() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  return { context, page };
}

async function enrol(page, link) {
  await page.goto(link);
  expect(new URL(page.url()).pathname === "/console/enrol", "the token leaves the address bar", page.url());
  await Promise.all([
    page.waitForURL(base + "/console/users"),
    page.getByRole("button", { name: "Register a passkey" }).click(),
  ]);
}

try {
  // 1. The admin enrols, then signs out and back in with the passkey.
  const admin = await operator();
  let page = admin.page;
  await enrol(page, process.env.CS_ADMIN_LINK);
  const cookie = (await admin.context.cookies(base)).find((c) => c.name.endsWith("cs_console"));
  expect(cookie && cookie.httpOnly && cookie.sameSite === "Strict", "session cookie flags", cookie);
  await page.goto(process.env.CS_ADMIN_LINK);
  await page.getByRole("heading", { name: "This enrolment link does not work" }).waitFor();
  await page.goto(base + "/console/users");
  await Promise.all([page.waitForURL(base + "/console"), page.getByRole("button", { name: "Sign out" }).click()]);
  await Promise.all([
    page.waitForURL(base + "/console/users"),
    page.getByRole("button", { name: "Sign in with a passkey" }).click(),
  ]);
  await page.getByText("Signed in as Root Admin (admin)").waitFor();
  console.log("ok operator enrolled through the link and signed in with the passkey");

  // 2. Alice's held withdrawal, released after the step-up.
  const held = process.env.CS_HELD;
  expect((await api("GET", `/v1/challenges/${held}`)).body.status === "held", "held first", held);
  await page.getByLabel("User id, email address or phone number").fill("alice");
  await page.getByRole("button", { name: "Search" }).click();
  await Promise.all([page.waitForURL(/\/console\/users\/svc_/), page.getByRole("link", { name: "alice" }).click()]);
  const item = page.locator(`li[data-challenge="${held}"]`);
  await item.getByLabel("Reason (kept in the audit log)").fill("Customer confirmed the new phone on a call");
  await Promise.all([
    page.waitForURL(/done=released/),
    item.getByRole("button", { name: "Release withdrawal" }).click(),
  ]);
  await page.getByText("Withdrawal released.").waitFor();
  const released = await api("GET", `/v1/challenges/${held}`);
  expect(released.body.status === "approved", "released", released);
  const events = await api("GET", "/v1/users/alice/events");
  const event = events.body.find((e) => e.type === "challenge.released");
  expect(event && event.detail.operator === "Root Admin" && event.detail.role === "admin"
    && event.detail.reason === "Customer confirmed the new phone on a call", "the event names the operator and the reason", event);
  console.log("ok admin released a held withdrawal after a step-up");

  // 2b. The service's policies: checked as typed, saved within the step-up.
  await page.getByRole("link", { name: "Services" }).click();
  await Promise.all([page.waitForURL(/\/console\/services\/svc_/), page.getByRole("link", { name: "Acme Bank" }).click()]);
  const editor = page.getByLabel("Policies (JSON)");
  await editor.fill('{"withdrawal": {"all_of": [{"any_of": ["sms"]}, {"any_of": ["sms"]}]}}');
  await page.getByText("method sms appears in more than one group").waitFor();
  await editor.fill('{"withdrawal": {"all_of": [{"any_of": ["webauthn"]}, {"any_of": ["sms", "email"]}]}}');
  await page.getByText("This draft is valid.").waitFor();
  await page.getByRole("checkbox", { name: "webauthn" }).check();
  await page.getByRole("checkbox", { name: "email" }).check();
  await page.locator("#policy-preview tr", { hasText: "withdrawal" }).getByText("yes").waitFor();
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: "Save policies and return URLs" }).click()]);
  const service = await api("GET", "/v1/service");
  expect(JSON.stringify(service.body.settings.policies.withdrawal.all_of) === JSON.stringify([{ any_of: ["webauthn"] }, { any_of: ["sms", "email"] }]),
    "the policy saved", service.body.settings.policies);
  console.log("ok admin edited a policy checked as typed and saved it");

  // 3. The auditor: read-only, and refused when posting anyway.
  const auditor = await operator();
  page = auditor.page;
  await enrol(page, process.env.CS_AUDITOR_LINK);
  await page.getByLabel("User id, email address or phone number").fill("alice");
  await page.getByRole("button", { name: "Search" }).click();
  await Promise.all([page.waitForURL(/\/console\/users\/svc_/), page.getByRole("link", { name: "alice" }).click()]);
  await page.getByText("Your role shows this account read-only.").waitFor();
  expect(await page.locator("form[data-step-up]").count() === 0, "no change offered", null);
  const before = (await api("GET", "/v1/users/alice/events?limit=200")).body.length;
  const factors = (await api("GET", "/v1/users/alice/factors")).body;
  const userPath = new URL(page.url()).pathname;
  const statuses = await page.evaluate(async ({ userPath, factor, held }) => {
    const csrf = document.querySelector("input[name=csrf]").value;
    const out = [];
    for (const path of [`${userPath}/unlock`, `${userPath}/end-sessions`,
      `${userPath}/methods/${factor}/remove`, `${userPath}/held/${held}/release`]) {
      const r = await fetch(path, { method: "POST", body: new URLSearchParams({ csrf, reason: "just looking" }) });
      out.push(r.status);
    }
    // A step-up does not make a role what it is not.
    const s = await fetch("/console/step-up/start", { method: "POST", headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" }, body: "{}" });
    out.push(s.status);
    return out;
  }, { userPath, factor: factors[0].id, held });
  expect(JSON.stringify(statuses.slice(0, 4)) === "[403,403,403,403]", "every change refused", statuses);
  const after = (await api("GET", "/v1/users/alice/events?limit=200")).body.length;
  expect(after === before, "nothing written", { before, after });
  expect((await api("GET", "/v1/users/alice/factors")).body.length === factors.length, "no method removed", null);
  console.log("ok auditor refused every change");
} finally {
  await browser.close();
}
process.exit(0);
