### Security notices: told to every verified contact when the account's
### security changes, and alerts about something seen. $service: the
### service's name; $when: a datetime; $until: when withdrawals are held to.

notice-subject = Security change on your { $service } account
notice-alert-subject = Security alert on your { $service } account

## What happened ($what below). $factor: totp, hotp, webauthn, device or
## recovery_codes.

notice-factor-added =
    { $factor ->
        [totp] an authenticator app was added to your account
        [hotp] a hardware code token was added to your account
        [webauthn] a passkey or security key was added to your account
        [device] a trusted device was added to your account
       *[recovery_codes] a set of recovery codes was added to your account
    }
notice-factor-removed =
    { $factor ->
        [totp] an authenticator app was removed from your account
        [hotp] a hardware code token was removed from your account
        [webauthn] a passkey or security key was removed from your account
        [device] a trusted device was removed from your account
       *[recovery_codes] a set of recovery codes was removed from your account
    }
notice-email-changed = the email address of your account was changed
notice-phone-changed = the phone number of your account was changed
notice-codes-regenerated = new recovery codes were created (the old ones no longer work)
notice-totp-replayed = a code from your authenticator app was entered again after it had already been used, which does not happen in normal use: someone else may be seeing your codes
# $seen: device, country or both.
notice-risky-sign-in =
    { $seen ->
        [device] someone signed in to your account from a new device
        [country] someone signed in to your account from a new country
       *[both] someone signed in to your account from a new device in a new country
    }

## The SMS: ONE segment, 160 GSM-7 characters (70 if one is
## outside GSM-7), with the service's short name ($service, at most 11
## characters) and short dates ($when, $until: "Nov 26, 01:10 UTC"). What
## happened ($what) is said in a few words.

notice-sms-factor-added =
    { $factor ->
        [totp] authenticator app added
        [hotp] code token added
        [webauthn] passkey or security key added
        [device] trusted device added
       *[recovery_codes] recovery codes added
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] authenticator app removed
        [hotp] code token removed
        [webauthn] passkey or security key removed
        [device] trusted device removed
       *[recovery_codes] recovery codes removed
    }
notice-sms-email-changed = email address changed
notice-sms-phone-changed = phone number changed
notice-sms-codes-regenerated = new recovery codes created
notice-sms-totp-replayed = authenticator code reused, someone may see your codes
notice-sms-risky-sign-in =
    { $seen ->
        [device] sign-in from a new device
        [country] sign-in from a new country
       *[both] sign-in from a new device and country
    }
notice-sms = { $service }: { $what } ({ $when }). Not you? Contact support now.
notice-sms-held = { $service }: { $what } ({ $when }). Not you? Contact support now. Withdrawals held until { $until }.

## The email's paragraphs (it starts with email-hello).

notice-email-what = On { $when }, { $what }.
notice-email-what-ip = On { $when } from IP address { $ip }, { $what }.
notice-email-if-you = If this was you, there is nothing to do.
notice-email-if-not-you = If it was not you, someone may have access to your account: contact { $service } support right away, and do not share any code you receive.
notice-email-held = For your protection, withdrawals are on hold until { $until }.
notice-email-never-ask = { $service } will never ask you for a code or a password.

## The call, read out by a voice: full sentences, long dates ($when, $until:
## "Nov 26, 2026 at 01:10 UTC"), the hold always; the email's words
## without the IP address.

notice-call = This is a security message from { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
