### Codes sent by SMS, phone call and email. Each names the service and the
### action being approved, and warns never to share the code.
### $service: the service's name; $code: the code; $digits: the code spelled
### out for speech; $minutes: how long it works; $action: code-action below.

# What the code approves, from the challenge's purpose. Its .sms wording
# is English: Arabic letters are outside GSM-7, and in UCS-2 (70
# characters) the WebOTP line, the code and the service's name leave no
# room for a sentence, so Arabic SMS are in English (see code-sms).
code-action =
    { $purpose ->
        [login] تسجيل الدخول
        [withdrawal] الموافقة على عملية سحب
        [security_change] تغيير إعدادات الأمان لديكم
        [support_call] الانضمام إلى مكالمة الدعم
        [verify_contact] تأكيد جهة الاتصال هذه
       *[other] تأكيد عملية
    }
    .sms =
        { $purpose ->
            [login] sign in
            [withdrawal] approve a withdrawal
            [security_change] change your security settings
            [support_call] join your support call
            [verify_contact] confirm this contact
           *[other] confirm an action
        }
# $recipient: the payee, the destination, or "payee (destination)".
code-action-payment = { code-action }: { $amount } { $currency } إلى { $recipient }

## The SMS: ONE segment with the WebOTP line. In English, GSM-7 (see
## code-action).

code-sms = { $code } is your { $service } code to { $action }. Valid { $minutes } min. Never share it.
code-sms-payment = { $code }: { $service } code to pay { $amount } { $currency } to { $recipient }. Never share it.
code-voice = مرحبًا. معكم { $service }. رمزكم من أجل { $action } هو: { $digits }. أكرر، رمزكم هو: { $digits }. لا تشاركوه مع أحد أبدًا. مع السلامة.
# A call's first words: no code (a voicemail box must never record it).
code-call-prompt = مرحبًا. معكم { $service }، بخصوص الرمز الذي طلبتموه من أجل { $action }. لسماعه، اضغطوا الآن على أي مفتاح في هاتفكم.
code-call-goodbye = لم يُضغط أي مفتاح، لذا لن يُقرأ الرمز. مع السلامة.
code-subject = { $code } هو رمزكم لدى { $service }

## The email's paragraphs.

email-hello = مرحبًا،
code-email-intro = رمزكم لدى { $service } من أجل { $action } هو:
code-email-expiry =
    { $minutes ->
        [one] تنتهي صلاحيته بعد دقيقة واحدة. لا تشاركوه مع أي شخص أبدًا: لن تطلبه منكم { $service } أبدًا.
        [two] تنتهي صلاحيته بعد دقيقتين. لا تشاركوه مع أي شخص أبدًا: لن تطلبه منكم { $service } أبدًا.
        [few] تنتهي صلاحيته بعد { $minutes } دقائق. لا تشاركوه مع أي شخص أبدًا: لن تطلبه منكم { $service } أبدًا.
       *[other] تنتهي صلاحيته بعد { $minutes } دقيقة. لا تشاركوه مع أي شخص أبدًا: لن تطلبه منكم { $service } أبدًا.
    }
code-email-not-you = إذا لم تطلبوا هذا الرمز، فقد يحاول شخص ما استخدام حسابكم. لا تُدخلوه في أي مكان، ويُستحسن تغيير كلمة المرور.
