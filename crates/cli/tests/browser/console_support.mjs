// A support call booked from the operator console, in Debian's Chromium
// (headless, playwright-core), against a server the Rust test started
// (CS_BASE, CS_KEY, CS_NOW = its manual clock in Unix seconds; the agent's
// enrolment link CS_AGENT_LINK; alice's authenticator key CS_TOTP_SECRET).
// The agent enrols a passkey (virtual authenticator), books a call for
// alice five minutes from now and opens it; alice, in another browser,
// joins from the support center with the appointment code, a code from her
// authenticator and the code emailed to the ticket's address; the agent's
// page shows "Customer verified" by itself (no reload). The emailed code
// and a clock step come from the Rust test: this script prints "need email
// code" or "advance <seconds>" and reads the answer from stdin.
import readline from "node:readline";
import { chromium } from "playwright-core";
import { totp } from "./otp.mjs";

const base = process.env.CS_BASE;
let now = Number(process.env.CS_NOW);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

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
  // 1. The agent enrols and books the call.
  const agentContext = await browser.newContext({ timezoneId: "UTC" });
  const agent = await agentContext.newPage();
  const cdp = await agentContext.newCDPSession(agent);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  await agent.goto(process.env.CS_AGENT_LINK);
  await Promise.all([agent.waitForURL(base + "/console/users"), agent.getByRole("button", { name: "Register a passkey" }).click()]);
  await agent.getByRole("link", { name: "Support calls" }).click();
  await agent.getByLabel("Customer's user id").fill("alice");
  await agent.getByLabel("Ticket or chat id").fill("T-2001");
  await agent.getByLabel("Email address the customer gave in the ticket").fill("alice.work@example.net");
  // Five minutes from the server's now, in the browser's zone (UTC here).
  const starts = new Date((now + 300) * 1000).toISOString().slice(0, 16);
  await agent.getByLabel("Starts at (your time)").fill(starts);
  await agent.getByRole("button", { name: "Book the call" }).click();
  await agent.getByRole("heading", { name: "Call booked" }).waitFor();
  const code = (await agent.locator("#appointment-code").innerText()).trim();
  expect(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/i.test(code), "an appointment code", code);
  await Promise.all([agent.waitForURL(/\/console\/support\/svc_/), agent.getByRole("link", { name: "Open the call" }).click()]);
  expect(!(await agent.content()).includes(code), "the code is shown once", null);
  await agent.getByText("Waiting for the customer to verify").waitFor();
  expect(/\S/.test(await agent.locator("#agent-code").innerText()), "the agent's code is shown", null);
  await agent.evaluate(() => { window.stillThisPage = true; });
  console.log("ok agent booked a call and got the appointment code once");

  // 2. Alice joins from the support center, in her own browser.
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(base + "/support/join?lang=en");
  await customer.getByLabel("Appointment code").fill(code);
  await customer.getByRole("button", { name: "Continue" }).click();
  const totpInput = customer.locator("#totp-code");
  await totpInput.waitFor();
  // The authenticator's code of the activation was spent: the next step.
  console.log("advance 30");
  expect((await lines.next()).value.trim() === "ok", "the clock moved", null);
  now += 30;
  await totpInput.fill(totp(process.env.CS_TOTP_SECRET, now));
  console.log("need email code");
  await customer.locator("#email-code").fill((await lines.next()).value.trim());
  await customer.locator("#join-verify button[type=submit]").click();
  await customer.locator("#joined").waitFor();
  console.log("ok customer joined after proving the account and the ticket's address");

  // 3. The agent's page, as it was, now says so.
  await agent.getByText("Customer verified").waitFor();
  expect(await agent.evaluate(() => window.stillThisPage === true), "no reload", null);
  console.log("ok the agent saw the customer verified without a reload");
} finally {
  await browser.close();
}
process.exit(0);
