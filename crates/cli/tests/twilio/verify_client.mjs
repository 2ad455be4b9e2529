// Twilio's official Node library against Countersign's Twilio Verify
// surface: the same scenario as verify_client.py (see there), through the
// library's documented hook, a custom HTTP client.
import readline from "node:readline";
import twilio from "twilio";

const env = (name) => process.env[name];
const BASE = env("COUNTERSIGN_TWILIO_BASE");
const ACCOUNT = env("COUNTERSIGN_ACCOUNT_SID");
const SERVICE = env("COUNTERSIGN_SERVICE_SID");
const NUMBERS = env("COUNTERSIGN_NUMBERS").split(",");

/** The same requests, sent to Countersign instead of verify.twilio.com. */
class Countersign extends twilio.RequestClient {
  request(opts) {
    return super.request({ ...opts, uri: opts.uri.replace("https://verify.twilio.com", BASE) });
  }
}

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function receivedCode(channel) {
  console.log(JSON.stringify({ need_code: channel }));
  return (await lines.next()).value.trim();
}

const wrong = (code) => [...code].map((d) => (Number(d) + 1) % 10).join("");

function check(step, ok) {
  if (!ok) throw new Error(`failed: ${step}`);
}

async function expectError(step, code, status, call) {
  try {
    await call();
  } catch (e) {
    check(`${step}: got ${e.code} ${e.status} ${e.message}`, e.code === code && e.status === status);
    return;
  }
  throw new Error(`${step}: expected Twilio error ${code}`);
}

const client = twilio(ACCOUNT, env("COUNTERSIGN_AUTH_TOKEN"), { httpClient: new Countersign() });
const service = client.verify.v2.services(SERVICE);

const fetched = await service.fetch();
check("fetch the service", fetched.sid === SERVICE && fetched.accountSid === ACCOUNT);

// An SMS verification: a wrong code leaves it pending, the right one approves.
let v = await service.verifications.create({ to: NUMBERS[0], channel: "sms" });
check("create", v.status === "pending" && v.channel === "sms" && v.sid.startsWith("VE"));
check("create: to, valid", v.to === NUMBERS[0] && v.valid === false);
check("create: one send attempt", v.sendCodeAttempts.length === 1);
let code = await receivedCode("sms");
let result = await service.verificationChecks.create({ to: NUMBERS[0], code: wrong(code) });
check("a wrong code", result.status === "pending" && result.valid === false);
result = await service.verificationChecks.create({ to: NUMBERS[0], code });
check("the right code", result.status === "approved" && result.valid === true);
check("the check names the verification", result.sid === v.sid);
check("fetch after approval", (await service.verifications(v.sid).fetch()).status === "approved");

// Too many wrong codes: Twilio's 60202, and the code is no good any more.
v = await service.verifications.create({ to: NUMBERS[1], channel: "sms" });
code = await receivedCode("sms");
let wrongs = 0;
for (;;) {
  try {
    result = await service.verificationChecks.create({ verificationSid: v.sid, code: wrong(code) });
  } catch (e) {
    check(`attempt limit: ${e.code} ${e.message}`, e.code === 60202 && e.status === 429);
    break;
  }
  check("a wrong code before the limit", result.status === "pending");
  wrongs += 1;
  check("the attempt limit comes", wrongs < 10);
}
await expectError("the right code after the limit", 60202, 429, () =>
  service.verificationChecks.create({ verificationSid: v.sid, code }),
);

// Canceled: its code no longer checks.
v = await service.verifications.create({ to: NUMBERS[2], channel: "sms" });
code = await receivedCode("sms");
const canceled = await service.verifications(v.sid).update({ status: "canceled" });
check("cancel", canceled.status === "canceled");
await expectError("a check after cancel", 20404, 404, () =>
  service.verificationChecks.create({ verificationSid: v.sid, code }),
);

// A call: the code is spoken.
v = await service.verifications.create({ to: NUMBERS[3], channel: "call", locale: "fr" });
check("a call", v.channel === "call");
code = await receivedCode("call");
result = await service.verificationChecks.create({ to: NUMBERS[3], code });
check("the call's code", result.status === "approved");

// Bad input and bad credentials get Twilio's errors.
await expectError("a malformed number", 60200, 400, () =>
  service.verifications.create({ to: "not a number", channel: "sms" }),
);
await expectError("an unknown channel", 60200, 400, () =>
  service.verifications.create({ to: NUMBERS[0], channel: "carrier-pigeon" }),
);
await expectError("an unknown verification", 20404, 404, () =>
  service.verifications(`VE${"0".repeat(32)}`).fetch(),
);
const stranger = twilio(ACCOUNT, "cs_live_not_a_key", { httpClient: new Countersign() });
await expectError("a wrong auth token", 20003, 401, () => stranger.verify.v2.services(SERVICE).fetch());

console.log(JSON.stringify({ done: { wrong_codes_before_limit: wrongs } }));
process.exit(0);
