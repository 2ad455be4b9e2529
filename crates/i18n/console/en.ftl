# The operator console (/console): an operators' tool, in English only.
# These messages join the English bundle; no other language has them.

console-header = Countersign console
console-nav = Console
console-nav-users = Users
console-nav-audit = Audit log
console-sign-out = Sign out
console-signed-in-as = Signed in as { $name } ({ $role })

console-sign-in-title = Sign in to the console
console-sign-in-lead = Operators sign in with the passkey or security key they registered through their enrolment link.
console-sign-in-button = Sign in with a passkey
console-working = Waiting for your passkey…
console-cancelled = The passkey request was cancelled or timed out. Try again.
console-refused = This passkey is not accepted here. Use the one you registered as an operator.

console-enrol-title = Register your passkey
console-enrol-lead = Hello { $name }. You were added as { $role }. Register the passkey or security key you will sign in with; the link works once.
console-enrol-button = Register a passkey
console-enrol-gone-title = This enrolment link does not work
console-enrol-gone-lead = It was used already, or it expired (links last 24 hours). Ask an administrator for a new one: countersign operator add.

console-session-title = You are signed out
console-session-lead = Your console session ended (8 hours at most, 30 minutes without activity). Sign in again.
console-sign-in-again = Sign in
console-csrf-title = Request not checked
console-csrf-lead = This form was not sent from the console page it belongs to. Nothing was changed. Reload the page and try again.
console-forbidden-title = Not allowed
console-forbidden-lead = Your role does not allow this. Nothing was changed.
console-step-up-title = Confirm with your passkey first
console-step-up-lead = Changes need a passkey confirmation from the last 5 minutes. Nothing was changed. Go back and try again.
console-not-found-title = Not found
console-not-found-lead = There is no such user, method or withdrawal (it may have changed meanwhile).
console-invalid-title = Check the form
console-error-title = Something went wrong
console-error-lead = Nothing was changed, or the change could not be confirmed. Reload the page to see where things stand.
console-back = Back

console-users-title = Users
console-search-label = User id, email address or phone number
console-search-button = Search
console-found = { $n ->
    [one] One user found
   *[other] { $n } users found
}
console-found-none = No user matches.
console-col-user = User
console-col-service = Service
console-col-email = Email
console-col-phone = Phone

console-user-title = User { $user }
console-user-service = Service: { $service }
console-contacts = Contacts
console-contacts-masked = Masked: your role does not show contacts in full.
console-email = Email
console-phone = Phone
console-none = None
console-verified = verified
console-unverified = not verified
console-methods = Methods
console-method-status = Status: { $status }
console-strength-phishing_resistant = Phishing-resistant
console-strength-strong = Strong
console-strength-backup = Backup
console-strength-weaker = Weaker
console-no-methods = No method yet.
console-protection = Locks and holds
console-locked-until = Locked after failed attempts until { $until }.
console-not-locked = Not locked.
console-hold-until = Withdrawals held after a security change until { $until }.
console-no-hold = No security hold.
console-held = Held withdrawals
console-held-item = { $purpose }, approved, held until { $until }
console-no-held = No withdrawal is held.
console-sessions = Security-center sessions
console-sessions-count = { $n ->
    [one] One live session
   *[other] { $n } live sessions
}
console-events = Security events
console-no-events = No event yet.

console-reason = Reason (kept in the audit log)
console-unlock = Unlock
console-release = Release withdrawal
console-remove = Remove method
console-end-sessions = End all sessions
console-step-up-note = Changes ask for your passkey again (once every 5 minutes).
console-read-only = Your role shows this account read-only.
console-done-unlocked = Unlocked.
console-done-released = Withdrawal released.
console-done-removed = Method removed.
console-done-ended = Sessions ended.

console-audit-title = Audit log
console-audit-lead = Each service's events form a hash chain; a changed, removed or reordered event breaks it.
console-audit-intact = Intact: { $n } events
console-audit-broken = BROKEN: { $problem }
console-audit-export = Export as JSON Lines
console-kind-passkey = Passkey
console-kind-security_key = Security key
console-kind-device = Trusted device
console-kind-totp = Authenticator app
console-kind-hotp = Hardware token
console-kind-recovery_codes = Recovery codes

## Support calls
console-nav-support = Support calls
console-support-title = Support calls
console-calls = Your calls
console-no-calls = No call booked by you yet.
console-ticket = ticket { $ticket }
console-call-cancelled = Cancelled
console-call-verified = Customer verified
console-call-waiting = Waiting for the customer to verify
console-book = Book a verified video call
console-book-user = Customer's user id
console-book-ticket = Ticket or chat id
console-book-email = Email address the customer gave in the ticket
console-book-starts = Starts at (your time)
console-book-hint = The customer joins from 15 minutes before, after proving the account and this email address.
console-book-button = Book the call
console-booked-title = Call booked
console-booked-lead = Give { $user } this appointment code in the ticket: they type it in the support center to join.
console-appointment-code = Appointment code
console-booked-once = It is shown only now.
console-open-call = Open the call
console-call-title = Call with { $user }
console-call-status = Customer's verification
console-call-live-hint = This updates by itself.
console-agent-code = Your authenticity code
console-agent-code-hint = Read it out: the customer checks it in the support center. It changes; this one is good until
console-open-room = Open the video room

## The delivery and toll-fraud dashboard.

console-nav-dashboard = Dashboard
console-dashboard-title = Delivery and toll fraud
console-dashboard-lead = Codes sent and failed, how long providers took, sends the toll-fraud limits refused, and the daily budget. Times are UTC; only messages still kept (see retention) are counted.
console-dashboard-nothing = Nothing in this period.
console-dashboard-table = Show the numbers as a table
console-dashboard-chart = { $title } (chart; the table that follows gives the numbers)
console-dashboard-failures-lead = Failed: the provider refused the message, could not be reached, or reported it undelivered.
console-dashboard-not-failed = Not failed
console-dashboard-failed = Failed
console-dashboard-hour = Hour (UTC)
console-dashboard-day = Day (UTC)
console-dashboard-channel = Channel
console-dashboard-country = Country calling code
console-dashboard-sends = Sent
console-dashboard-failures = Failed
console-dashboard-rule = Limit
console-dashboard-refusals = Sends refused
console-dashboard-channel-sms = SMS
console-dashboard-channel-voice = Voice
console-dashboard-channel-email = Email
console-dashboard-rule-destination = Per destination
console-dashboard-rule-ip = Per IP address
console-dashboard-rule-country = Per country
console-dashboard-rule-daily_budget = Daily SMS and voice budget
console-dashboard-rule-device = Prompts per device
console-dashboard-rule-user = Prompts per user
console-dashboard-rule-short-destination = Dest.
console-dashboard-rule-short-ip = IP
console-dashboard-rule-short-country = Country
console-dashboard-rule-short-daily_budget = Budget
console-dashboard-rule-short-device = Device
console-dashboard-rule-short-user = User
console-dashboard-section-hours = Last 48 hours, by hour
console-dashboard-sends-hours = Messages per hour
console-dashboard-channels-hours = Messages per channel, last 48 hours
console-dashboard-countries-hours = SMS and calls per country, last 48 hours
console-dashboard-refusals-hours = Sends refused per limit, last 48 hours
console-dashboard-section-days = Last 30 days, by day
console-dashboard-sends-days = Messages per day
console-dashboard-channels-days = Messages per channel, last 30 days
console-dashboard-countries-days = SMS and calls per country, last 30 days
console-dashboard-refusals-days = Sends refused per limit, last 30 days
console-dashboard-providers = Providers
console-dashboard-providers-lead = Measured from when a message was created to the last status it got, for the messages of the last 30 days: for those still "accepted", until the provider accepted them; for "delivered" ones, until the provider's delivery report arrived. Providers that send no delivery reports (email) show only the first.
console-dashboard-provider-times = Average time to the provider's answer, in milliseconds
console-dashboard-time-of = { $channel }, { $status }
console-dashboard-accepted = accepted
console-dashboard-delivered = delivered
console-dashboard-messages-of = Messages
console-dashboard-messages = Count
console-dashboard-average-ms = Average (ms)
console-dashboard-longest-ms = Longest (ms)
console-dashboard-budget = Daily budget
console-dashboard-budget-lead = SMS and calls each service sent per UTC day, against the budget of { $budget } a day (the dashed line; [limits] daily_phone_budget).
console-dashboard-budget-of = { $service }: SMS and calls per day
console-dashboard-phone-sends = SMS and calls
console-dashboard-budget-used = Budget used

## Services
console-nav-services = Services
console-services-title = Services
console-service-title = Service { $service }
console-service-saved = Saved.
console-policies = Policies
console-policies-hint = The service's own policies, as PATCH /v1/service takes them: purpose → {"{"}"class"?, "all_of": [{"{"}"any_of": [methods]{"}"}, …]{"}"}. A built-in purpose left out goes back to its default. Checked as you type.
console-policies-label = Policies (JSON)
console-policy-ok = This draft is valid.
console-preview-methods = Preview for a user who has
console-preview-caption = What each purpose would ask
console-preview-purpose = Purpose
console-preview-needs = Needs
console-preview-passable = Could pass
console-yes = yes
console-no = no
console-and = and
console-or = or
console-return-urls = Return URLs
console-return-urls-label = One per line: where the hosted page may send users back
console-service-save = Save policies and return URLs
console-webhooks = Webhook endpoints
console-no-webhooks = This service has no webhook endpoint of its own.
console-webhook-all-events = Every event
console-no-deliveries = Nothing delivered yet.
console-deliveries = Latest deliveries
console-delivery-at = When
console-delivery-event = Event
console-delivery-result = Answer
console-replay = Send again
