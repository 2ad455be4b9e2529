"""The Standard Webhooks reference library for Python (PyPI `standardwebhooks`)
against what Countersign sends: crates/cli/tests/it/standard_webhooks.rs.

Reads one JSON object on stdin: the `cases` to verify (each a secret, and
the headers and the body as received), and a message to `sign` as a
gateway would (its secret, id and body). Prints a JSON object: whether each
case verified, and the headers of the signed message.
"""
import json
import sys
from datetime import datetime, timezone

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

job = json.load(sys.stdin)
verified = []
for case in job["cases"]:
    try:
        Webhook(case["secret"]).verify(case["body"], case["headers"])
        verified.append(True)
    except WebhookVerificationError:
        verified.append(False)
sign = job["sign"]
now = datetime.now(tz=timezone.utc)
signed = {
    "webhook-id": sign["id"],
    "webhook-timestamp": str(int(now.timestamp())),
    "webhook-signature": Webhook(sign["secret"]).sign(sign["id"], now, sign["body"]),
}
print(json.dumps({"verified": verified, "signed": signed}))
