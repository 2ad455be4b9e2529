// The Standard Webhooks reference library for JavaScript (npm
// `standardwebhooks`) against what Countersign sends; the same protocol as
// verify.py (crates/cli/tests/it/standard_webhooks.rs drives both).
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
const verified = job.cases.map((c) => {
  try {
    new Webhook(c.secret).verify(c.body, c.headers);
    return true;
  } catch {
    return false;
  }
});
const now = new Date();
const { secret, id, body } = job.sign;
const signed = {
  "webhook-id": id,
  "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
  "webhook-signature": new Webhook(secret).sign(id, now, body),
};
console.log(JSON.stringify({ verified, signed }));
