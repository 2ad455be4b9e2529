### The security center (/security).

security-title = Security center
security-lead = The ways you prove it is you, and what happened on your account lately.
security-methods = Ways to prove it's you
security-no-methods = No authenticator yet. Add one: codes by SMS or email alone are easy to steal.
security-add-method = Add a method
security-add-totp = Add an authenticator app
security-add-passkey = Add a passkey
security-add-security-key = Add a security key
security-devices = Trusted devices
security-no-devices = No trusted device.
security-recovery = Recovery codes
security-recovery-left = { $n } of 10 codes left.
security-no-recovery = No recovery codes. Get some, and keep them somewhere safe, in case you lose your other methods.
security-new-recovery = Get new recovery codes
security-contacts = Email and phone
security-email = Email
security-phone = Phone
security-verified = Verified
security-unverified = Not verified
security-none = None
security-activity = Recent security activity
security-no-activity = Nothing yet.
# Followed by a date and time.
security-added = Added
# Followed by a date and time.
security-last-used = last used
security-never-used = never used
security-remove = Remove
security-sign-out = Sign out
security-back-to-app = Back to the app
security-back = Back to the security center
# $strength: phishing_resistant, strong, backup or weaker.
security-strength =
    { $strength ->
        [phishing_resistant] Phishing-resistant
        [strong] Strong
        [backup] Backup
       *[weaker] Weaker
    }
# $kind: passkey, security_key, device, totp, hotp or recovery_codes
# (webauthn, a factor's type, is a passkey).
security-kind =
    { $kind ->
        [passkey] Passkey
        [webauthn] Passkey
        [security_key] Security key
        [device] Trusted device
        [totp] Authenticator app
        [hotp] Hardware token
       *[recovery_codes] Recovery codes
    }
security-sent-codes = Codes by SMS, call or email
security-notice-added = Done: the method was added. We sent a notice to your verified email and phone.
security-notice-removed = Done: the method was removed. We sent a notice to your verified email and phone.
security-notice-session-ended = Done: that session was ended.
security-notice-others-ended = Done: your other sessions were ended.

## Adding an authenticator app.

security-totp-title = Add an authenticator app
security-totp-scan = Scan this QR code with your authenticator app (Google Authenticator, Aegis, 1Password…), then enter the code it shows.
security-totp-qr = QR code to scan with your authenticator app
security-totp-key = Can't scan? Enter this key in the app:
security-totp-open = Open in an authenticator app on this device
security-totp-code = Code from the app
security-totp-code-hint = 6 digits. This key is shown only now.
security-activate = Activate
security-wrong-code = This code is not right. Check the app and try again.

## Adding a passkey or a security key.

security-passkey-title = Add a passkey
security-passkey-lead = Your phone or computer keeps the passkey and unlocks it with your fingerprint, face or PIN. It only works on this site, so a fake site gets nothing.
security-security-key-title = Add a security key
security-security-key-lead = Have your security key at hand: plug it in or hold it near your phone when asked, then touch it.
security-webauthn-label = Name (optional)
security-webauthn-label-hint = To recognise it later, e.g. "Work laptop".
security-webauthn-start = Continue
security-webauthn-working = Follow your browser's instructions…
security-webauthn-cancelled = It was cancelled or timed out. Try again.
security-webauthn-failed = It could not be added. Try again.

## Recovery codes, confirmations, and the session's beginning and end.

security-codes-title = Your new recovery codes
security-codes-lead = Each code works once. Print them or write them down and keep them somewhere safe: they are shown only now. Your earlier codes no longer work.
security-done = Done
security-confirm-title = Verified
security-confirm-lead = You proved it is you. Remove this method?
security-confirm-add-lead = You proved it is you. Continue to add:
security-cancel = Keep it
security-opening-title = Opening your security center
security-opening-lead = One moment…
security-continue = Continue
security-signed-out-title = Signed out
security-signed-out-lead = You left the security center.
security-step-up-first-title = First, confirm it's you
security-step-up-first-lead = Adding a way to sign in to your account needs a fresh verification.
security-verify-me = Verify it's me

## What went wrong.

security-link-title = This link no longer works
security-link-lead = Links to the security center work once and for 5 minutes. Go back to the app and open the security center again.
security-session-title = Your session has ended
security-session-lead = For your safety, the security center closes after 10 minutes without activity and after 30 minutes in all. Go back to the app and open it again.
security-csrf-title = This request could not be checked
security-csrf-lead = Nothing was changed. Go back to the security center, reload it and try again.
security-not-found-title = Not found
security-not-found-lead = This method is not on your account.
security-step-up-title = Not verified
security-step-up-lead = This verification was not completed, or was already used. Nothing was changed.
security-unsatisfiable-lead = To change your methods you must prove it is you with an authenticator and a code by email or SMS, and this account cannot. Contact support.
security-locked-lead = Too many wrong codes: your account is locked for a while. Try again later.
security-expired-lead = This setup waited too long. Start again.
security-error-lead = Nothing was changed. Try again in a moment.

## Sessions.

security-sessions = Your sessions
security-sessions-lead = If you don't recognise a session, end it.
security-this-session = This session
security-browser-on = { $browser } on { $system }
security-unknown-browser = Unknown browser
# Followed by a date and time.
security-opened = Opened
# Followed by a date and time.
security-last-active = last active
security-end-session = End this session
security-end-others = End all other sessions
security-end-others-offer = Did you make this change because something looked wrong? End your other sessions too.

## Recent activity. $kind: as in security-kind; $purpose: as in code-action.

security-event-factor-activated = Method added: { security-kind }
security-event-factor-removed = Method removed: { security-kind }
security-event-recovery-codes = New recovery codes
security-event-factor-activation-failed = Wrong code while adding a method
security-event-factor-possible-clone = A security key looked copied and was refused
# $field: email or phone.
security-event-contact-changed =
    { $field ->
        [email] Email changed
       *[phone] Phone changed
    }
security-event-challenge-approved = Verified: { code-action }
security-event-challenge-failed = Verification failed: { code-action }
security-event-challenge-denied = Refused on a trusted device: { code-action }
security-event-challenge-code-rejected = Wrong code entered
security-event-user-locked = Account locked after wrong codes
security-event-portal-session-opened = Security center opened
security-event-portal-session-revoked = Security center session ended
