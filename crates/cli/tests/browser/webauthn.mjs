// Passkeys and security keys in a real browser: Debian's Chromium, driven
// over the DevTools protocol with a virtual authenticator (ctap2), against a
// Countersign server the Rust test started (CS_BASE, CS_KEY; user "alice").
// Every step checks what a user or integrator would check; any failure
// throws and the process exits non-zero.
import http from "node:http";
import { chromium } from "playwright-core";

const base = process.env.CS_BASE;
const key = process.env.CS_KEY;

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

// Another origin on the same host name: a page there can use RP ID
// "localhost", but its assertions name the wrong origin.
const script = await (await fetch(base + "/assets/webauthn.js")).text();
const elsewhere = http.createServer((req, res) => {
  if (req.url === "/webauthn.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(script);
  } else {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>elsewhere</title>");
  }
});
await new Promise((done) => elsewhere.listen(0, "127.0.0.1", done));
const elsewhereBase = `http://localhost:${elsewhere.address().port}`;

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
  const page = await context.newPage();
  await page.goto(base + "/support");
  await page.addScriptTag({ url: "/assets/webauthn.js" });
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const platform = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });

  // 1. A passkey: registered, then used to sign in without a username.
  let r = await api("POST", "/v1/users/alice/factors", { type: "webauthn", kind: "passkey", label: "Laptop" });
  expect(r.status === 201, "passkey registration starts", r);
  const passkey = await page.evaluate((o) => Countersign.register(o), r.body.options);
  let a = await api("POST", `/v1/users/alice/factors/${r.body.id}/activate`, { credential: passkey });
  expect(a.status === 200 && a.body.status === "active", "passkey activates", a);
  const signIn = await api("POST", "/v1/webauthn/sign-ins", {});
  expect(signIn.body.options.publicKey.allowCredentials.length === 0, "usernameless request", signIn);
  const usernameless = await page.evaluate((o) => Countersign.authenticate(o), signIn.body.options);
  const done = await api("POST", `/v1/webauthn/sign-ins/${signIn.body.id}/finish`, { credential: usernameless });
  expect(done.status === 200 && done.body.user_id === "alice", "usernameless sign-in names alice", done);
  console.log("ok passkey registered and signed in usernameless");

  // 2. A security key on USB: registered, then approving a challenge.
  await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: platform.authenticatorId });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "usb", hasResidentKey: false,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  r = await api("POST", "/v1/users/alice/factors", { type: "webauthn", kind: "security_key", label: "YubiKey" });
  expect(r.status === 201, "security key registration starts", r);
  const securityKey = await page.evaluate((o) => Countersign.register(o), r.body.options);
  a = await api("POST", `/v1/users/alice/factors/${r.body.id}/activate`, { credential: securityKey });
  expect(a.status === 200 && a.body.kind === "security_key", "security key activates", a);
  expect(a.body.transports.includes("usb"), "usb transport recorded", a);

  let c = await api("POST", "/v1/challenges", { user_id: "alice", purpose: "login" });
  const request = c.body.methods.find((m) => m.type === "webauthn").options;
  const assertion = await page.evaluate((o) => Countersign.authenticate(o), request);
  let v = await api("POST", `/v1/challenges/${c.body.id}/verify`, { method: "webauthn", credential: assertion });
  expect(v.status === 200 && v.body.status === "approved", "the security key approves", v);
  console.log("ok security key registered and approved a challenge");

  // 3. Replayed: the same assertion, on the same and on a new challenge.
  v = await api("POST", `/v1/challenges/${c.body.id}/verify`, { method: "webauthn", credential: assertion });
  expect(v.status === 409, "replay on a closed challenge", v);
  const fresh = await api("POST", "/v1/challenges", { user_id: "alice", purpose: "login" });
  v = await api("POST", `/v1/challenges/${fresh.body.id}/verify`, { method: "webauthn", credential: assertion });
  expect(v.status === 422 && v.body.code === "invalid_credential", "replay on a new challenge", v);
  console.log("ok replayed assertion refused");

  // 4. Wrong origin: the same key, asked from another site.
  await page.goto(elsewhereBase + "/");
  await page.addScriptTag({ url: "/webauthn.js" });
  const options = fresh.body.methods.find((m) => m.type === "webauthn").options;
  const phished = await page.evaluate((o) => Countersign.authenticate(o), options);
  v = await api("POST", `/v1/challenges/${fresh.body.id}/verify`, { method: "webauthn", credential: phished });
  expect(v.status === 422 && v.body.code === "invalid_credential", "an assertion for another origin", v);
  console.log("ok wrong-origin assertion refused");
} finally {
  await browser.close();
  elsewhere.close();
}
