### Codes sent by SMS, phone call and email. Each names the service and the
### action being approved (a phished user then sees "to approve a withdrawal"
### when they thought they were signing in), and warns never to share the code.
### $service: the service's name; $code: the code; $digits: the code spelled
### out for speech; $minutes: how long it works; $action: code-action below.

# What the code approves, from the challenge's purpose.
code-action =
    { $purpose ->
        [login] sign in
        [withdrawal] approve a withdrawal
        [security_change] change your security settings
        [support_call] join your support call
        [verify_contact] confirm this contact
       *[other] confirm an action
    }
# The action with the payment it approves (dynamic linking).
# $recipient: the payee, the destination, or "payee (destination)".
code-action-payment = { code-action }: { $amount } { $currency } to { $recipient }

## The SMS: ONE segment, WebOTP line ("@host #code") included, in every
## case (a second one doubles the cost): 160 GSM-7 characters, or 70 if
## one character is outside GSM-7 (á, ç, ê, …). $service is the service's
## short name (at most 11 characters); a test renders the longest case.

code-sms = { $code } is your { $service } code to { $action }. Valid { $minutes } min. Never share it.
# A payment's SMS: $recipient comes shortened to what fits ("Alice Mar...").
code-sms-payment = { $code }: { $service } code to pay { $amount } { $currency } to { $recipient }. Never share it.
code-voice = Hello. This is { $service }. Your code to { $action } is: { $digits }. Again, your code is: { $digits }. Never share it. Goodbye.
# A call's first words: no code (a voicemail box must never record it).
code-call-prompt = Hello. This is { $service }, with the code you asked for to { $action }. To hear it, press any key on your phone now.
code-call-goodbye = No key was pressed, so the code will not be read. Goodbye.
code-subject = { $code } is your { $service } code

## The email's paragraphs.

email-hello = Hello,
code-email-intro = Your { $service } code to { $action } is:
code-email-expiry =
    { $minutes ->
        [one] It expires in { $minutes } minute. Never share it with anyone: { $service } will never ask you for it.
       *[other] It expires in { $minutes } minutes. Never share it with anyone: { $service } will never ask you for it.
    }
code-email-not-you = If you did not ask for this code, someone may be trying to use your account. Do not enter it anywhere, and consider changing your password.
