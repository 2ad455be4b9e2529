### Codes sent by SMS, phone call and email. Each names the service and the
### action being approved, and warns never to share the code.
### $service: the service's name; $code: the code; $digits: the code spelled
### out for speech; $minutes: how long it works; $action: code-action below.

# What the code approves, from the challenge's purpose. Its .sms wording
# is shorter, with the preposition ("to", لـ) joined to the verb: Arabic
# letters are outside GSM-7, so an SMS in Arabic has 70 characters (UCS-2)
# for the code, the service's name and the words (see code-sms).
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
            [login] لتسجيل الدخول
            [withdrawal] للموافقة على سحب
            [security_change] لتغيير إعداد الأمان
            [support_call] لمكالمة الدعم
            [verify_contact] لتأكيد جهة الاتصال
           *[other] لتأكيد عملية
        }
# $recipient: the payee, the destination, or "payee (destination)".
code-action-payment = { code-action }: { $amount } { $currency } إلى { $recipient }

## The SMS: ONE segment, 70 characters (UCS-2), in Arabic even at the
## longest: a code of 10 digits, a short name of 11 characters, 60 minutes.
## The WebOTP line ("@host #code") is added only when the SMS still fits
## with it, which in Arabic it mostly does not. $minutes: "د" (minutes)
## abbreviated, with no plural to agree.

code-sms = { $code } رمز { $service } { $action }. صالح { $minutes } د. لا تشاركوه.
# $recipient comes cut to what fits ("Alice Mar..."); a payment that does
# not fit in Arabic even so (an amount of 24 characters, a currency of 10)
# goes in English, whose 160 GSM-7 characters hold it whole.
code-sms-payment = { $code }: رمز { $service } لدفع { $amount } { $currency } إلى { $recipient }. لا تشاركوه.
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
