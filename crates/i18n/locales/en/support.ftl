### The support center (/support) and its self-service tools.

support-title = Support center
support-lead = Self-service tools. Nobody from support will ever ask for your codes.
support-join-tool = Join video call appointment
support-join-tool-hint = Prove it is you, then join the call booked with our support team.
support-check-tool = Check that an agent is genuine
support-check-tool-hint = Someone says they are from support? Check the code they read out.
support-join-title = Join your video call
support-join-lead = Enter the appointment code you received in your support conversation.
support-appointment-code = Appointment code
support-appointment-code-hint = 12 letters and digits, e.g. 7KQ2-9XMD-4TPR
support-continue = Continue
support-verify-lead = Your call with
support-totp-code = Code from your authenticator app
support-totp-hint = The 6-digit code your app shows for this account.
support-email-code = Code sent by email
support-email-hint = We sent it to
support-verify-button = Verify and join
support-join-button = Join the video call
support-check-title = Is this agent genuine?
support-check-lead = Ask the agent to read out their code, then enter it with your appointment code.
support-agent-code = Agent's code
support-check-button = Check

## What the page's script shows (data-msg-* attributes). The script fills
## in $agent and $n itself: the page is rendered with "{agent}" and "{n}"
## in their place, so a plural chooses its "other" form here.

support-msg-working = One moment…
support-msg-verified = You are verified. You can join the call.
support-msg-genuine = Genuine: { $agent } is from our support team.
support-msg-not-genuine = This code is not right. Do not share anything; end the call and contact us from our website.
support-msg-not-found = This appointment code is not known. Check it and try again.
support-msg-too-early = It is too early: the call opens 15 minutes before its start.
support-msg-too-late = This call has ended. Book a new one with support.
support-msg-appointment-cancelled = This appointment was cancelled.
support-msg-invalid-code = This code is not right.
support-msg-attempts-left =
    { $n ->
        [one] { $n } try left.
       *[other] { $n } tries left.
    }
support-msg-too-many-attempts = Too many wrong codes. Start again with your appointment code.
support-msg-rate-limited = Too many tries from this connection.
support-msg-retry =
    { $n ->
        [one] Try again in { $n } minute.
       *[other] Try again in { $n } minutes.
    }
support-msg-locked = Your account is locked for a while after too many wrong codes.
support-msg-policy-unsatisfiable = An authenticator app is needed for verified calls. Set one up in your account's security settings.
support-msg-expired = This verification has expired. Start again.
support-msg-not-join-session = This browser did not join this call. Start again with your appointment code.
support-msg-error = Something went wrong. Try again.
