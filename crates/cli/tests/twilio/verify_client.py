"""Twilio's official Python library against Countersign's Twilio Verify
surface: the scenario of crates/cli/tests/it/twilio_verify.rs.

The library is pointed at Countersign through its documented hook, a custom
HTTP client; nothing else about it changes. The test that runs this script
reads the codes from its own SMS and voice receivers: the script asks for
one with a `{"need_code": CHANNEL}` line on stdout and reads it from stdin.
It prints `{"done": …}` when every step has checked out, and fails with an
AssertionError naming the step otherwise.
"""
import json
import os
import sys

from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

BASE = os.environ["COUNTERSIGN_TWILIO_BASE"]
ACCOUNT = os.environ["COUNTERSIGN_ACCOUNT_SID"]
TOKEN = os.environ["COUNTERSIGN_AUTH_TOKEN"]
SERVICE = os.environ["COUNTERSIGN_SERVICE_SID"]
NUMBERS = os.environ["COUNTERSIGN_NUMBERS"].split(",")


class Countersign(TwilioHttpClient):
    """The same requests, sent to Countersign instead of verify.twilio.com."""

    def request(self, method, url, *args, **kwargs):
        url = url.replace("https://verify.twilio.com", BASE, 1)
        return super().request(method, url, *args, **kwargs)


def received_code(channel):
    print(json.dumps({"need_code": channel}), flush=True)
    return sys.stdin.readline().strip()


def wrong(code):
    return "".join(str((int(d) + 1) % 10) for d in code)


def expect_error(step, code, status, call):
    try:
        call()
    except TwilioRestException as e:
        assert (e.code, e.status) == (code, status), f"{step}: {e.code} {e.status} {e.msg}"
        return e
    raise AssertionError(f"{step}: expected Twilio error {code}")


client = Client(ACCOUNT, TOKEN, http_client=Countersign())
service = client.verify.v2.services(SERVICE)

fetched = service.fetch()
assert fetched.sid == SERVICE and fetched.account_sid == ACCOUNT, "fetch the service"

# An SMS verification: a wrong code leaves it pending, the right one approves.
v = service.verifications.create(to=NUMBERS[0], channel="sms")
assert v.status == "pending" and v.channel == "sms" and v.sid.startswith("VE"), "create"
assert v.to == NUMBERS[0] and v.valid is False, "create: to, valid"
assert len(v.send_code_attempts) == 1, "create: one send attempt"
code = received_code("sms")
check = service.verification_checks.create(to=NUMBERS[0], code=wrong(code))
assert (check.status, check.valid) == ("pending", False), "a wrong code"
check = service.verification_checks.create(to=NUMBERS[0], code=code)
assert (check.status, check.valid) == ("approved", True), "the right code"
assert check.sid == v.sid, "the check names the verification"
assert service.verifications(v.sid).fetch().status == "approved", "fetch after approval"

# Too many wrong codes: Twilio's 60202, and the code is no good any more.
v = service.verifications.create(to=NUMBERS[1], channel="sms")
code = received_code("sms")
wrongs = 0
while True:
    try:
        check = service.verification_checks.create(verification_sid=v.sid, code=wrong(code))
    except TwilioRestException as e:
        assert (e.code, e.status) == (60202, 429), f"attempt limit: {e.code} {e.msg}"
        break
    assert check.status == "pending", "a wrong code before the limit"
    wrongs += 1
    assert wrongs < 10, "the attempt limit never came"
expect_error("the right code after the limit", 60202, 429,
             lambda: service.verification_checks.create(verification_sid=v.sid, code=code))

# Canceled: its code no longer checks.
v = service.verifications.create(to=NUMBERS[2], channel="sms")
code = received_code("sms")
canceled = service.verifications(v.sid).update(status="canceled")
assert canceled.status == "canceled", "cancel"
expect_error("a check after cancel", 20404, 404,
             lambda: service.verification_checks.create(verification_sid=v.sid, code=code))

# A call: the code is spoken.
v = service.verifications.create(to=NUMBERS[3], channel="call", locale="fr")
assert v.channel == "call", "a call"
code = received_code("call")
check = service.verification_checks.create(to=NUMBERS[3], code=code)
assert check.status == "approved", "the call's code"

# Bad input and bad credentials get Twilio's errors.
expect_error("a malformed number", 60200, 400,
             lambda: service.verifications.create(to="not a number", channel="sms"))
expect_error("an unknown channel", 60200, 400,
             lambda: service.verifications.create(to=NUMBERS[0], channel="carrier-pigeon"))
expect_error("an unknown verification", 20404, 404,
             lambda: service.verifications("VE" + "0" * 32).fetch())
stranger = Client(ACCOUNT, "cs_live_not_a_key", http_client=Countersign())
expect_error("a wrong auth token", 20003, 401,
             lambda: stranger.verify.v2.services(SERVICE).fetch())

print(json.dumps({"done": {"wrong_codes_before_limit": wrongs}}), flush=True)
