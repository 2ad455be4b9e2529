### The hosted verification page (/verify/…).

verify-title = Confirm it's you
# $purpose: as in code-action.
verify-lead = { $service } asks you to { code-action }.
verify-payment = The payment you approve
verify-amount = Amount
verify-payee = To
verify-destination = Account or address
verify-done = Done
# $method: webauthn, device, totp, hotp, email, sms, voice or recovery_code.
verify-method =
    { $method ->
        [webauthn] Passkey or security key
        [device] Your signed-in device
        [totp] Authenticator app
        [hotp] Code token
        [email] Email
        [sms] Text message
        [voice] Phone call
       *[recovery_code] Recovery code
    }
# $channel: sms, voice or email.
verify-send =
    { $channel ->
        [sms] Text me a code
        [voice] Call me instead
       *[email] Email me a code
    }
# $to: the masked phone number or address.
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Enter the code sent to { $to }
verify-code-totp = Enter the code your authenticator app shows
verify-code-hotp = Enter the code your token shows
verify-code-recovery = Enter one of your recovery codes
verify-verify = Verify
# $time: minutes and seconds, "0:27"; the page's script counts down.
verify-resend-wait = You can ask for a new code in { $time }.
verify-resend-ready = You can ask for a new code now.
verify-not-received = Didn't receive the code?
verify-other-ways = Other ways to confirm
verify-choose = Choose how to confirm
verify-passkey = Use my passkey or security key
verify-passkey-hint = Your phone or computer asks for your fingerprint, face, PIN or key.
verify-device = Open { $service } on your signed-in device and pick the number { $number }.
verify-device-waiting = Waiting for your approval on the device…
verify-device-check = I have approved it
verify-next-step = One more step: confirm with one of these.
verify-cancel = This wasn't me: cancel

## Once the verification is over.

verify-finished-approved = You're verified.
verify-finished-held = Confirmed. For your protection this withdrawal waits until { $until }, because your security settings changed recently.
verify-finished-failed = This verification failed. Start again from { $service }.
verify-finished-expired = This verification has expired. Start again from { $service }.
verify-finished-cancelled = This verification was cancelled.
verify-finished-denied = You refused this request on your device.
verify-back-to = Back to { $service }
verify-not-found-title = Verification not found
verify-not-found-lead = This link is not valid. Start again from the site or app you were using.

## What went wrong with the user's last action. $attempts: the attempts left.

verify-error-wrong-code = That code is not right. Attempts left: { $attempts }.
verify-error-credential-refused = That passkey or security key was not accepted. Attempts left: { $attempts }.
verify-error-too-many-attempts = Too many wrong codes: this verification has failed.
verify-error-resend-too-soon = Please wait a little before asking for another code.
verify-error-delivery-failed = We could not send the code. Choose another way below.
verify-error-rate-limited = Too many codes were sent. Choose another way, or try again later.
verify-error-locked = Too many failed attempts. Try again later.
verify-error-method-unavailable = This way is not available for this verification.
verify-error-expired = This verification has expired.
verify-error-closed = This verification is already over.
verify-error-other = Something went wrong. Please try again.
