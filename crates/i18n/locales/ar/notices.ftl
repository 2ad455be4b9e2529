### Security notices: told to every verified contact when the account's
### security changes, and alerts about something seen. $service: the
### service's name; $when: a datetime; $until: when withdrawals are held to.

notice-subject = تغيير أمني في حسابكم لدى { $service }
notice-alert-subject = تنبيه أمني بشأن حسابكم لدى { $service }

## What happened ($what below), for the email.

notice-factor-added =
    { $factor ->
        [totp] أُضيف تطبيق مصادقة إلى حسابكم
        [hotp] أُضيفت أداة رموز مادية إلى حسابكم
        [webauthn] أُضيف مفتاح مرور أو مفتاح أمان إلى حسابكم
        [device] أُضيف جهاز موثوق إلى حسابكم
       *[recovery_codes] أُضيفت مجموعة من رموز الاسترداد إلى حسابكم
    }
notice-factor-removed =
    { $factor ->
        [totp] أُزيل تطبيق مصادقة من حسابكم
        [hotp] أُزيلت أداة رموز مادية من حسابكم
        [webauthn] أُزيل مفتاح مرور أو مفتاح أمان من حسابكم
        [device] أُزيل جهاز موثوق من حسابكم
       *[recovery_codes] أُزيلت مجموعة من رموز الاسترداد من حسابكم
    }
notice-email-changed = تغيّر عنوان البريد الإلكتروني لحسابكم
notice-phone-changed = تغيّر رقم الهاتف لحسابكم
notice-codes-regenerated = أُنشئت رموز استرداد جديدة (ولم تعد الرموز القديمة صالحة)
notice-totp-replayed = أُدخل رمز من تطبيق المصادقة مرة أخرى بعد استخدامه، وهذا لا يحدث في الاستخدام العادي: قد يكون شخص آخر يرى رموزكم
notice-risky-sign-in =
    { $seen ->
        [device] سجّل شخص ما الدخول إلى حسابكم من جهاز جديد
        [country] سجّل شخص ما الدخول إلى حسابكم من بلد جديد
       *[both] سجّل شخص ما الدخول إلى حسابكم من جهاز جديد في بلد جديد
    }

## The SMS: ONE segment, 70 characters (UCS-2): with the longest short
## name (11) and date ($when: "28/12 23:59 UTC"), what happened ($what)
## has 22 characters at most. The hold ($until) does not fit beside them
## and gives way (the email and the call say it).

notice-sms-factor-added =
    { $factor ->
        [totp] تطبيق مصادقة جديد
        [hotp] أداة رموز جديدة
        [webauthn] مفتاح أمان جديد
        [device] جهاز موثوق جديد
       *[recovery_codes] إضافة رموز استرداد
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] حذف تطبيق المصادقة
        [hotp] حذف أداة الرموز
        [webauthn] حذف مفتاح الأمان
        [device] حذف جهاز موثوق
       *[recovery_codes] حذف رموز الاسترداد
    }
notice-sms-email-changed = بريد إلكتروني جديد
notice-sms-phone-changed = رقم هاتف جديد
notice-sms-codes-regenerated = رموز استرداد جديدة
notice-sms-totp-replayed = رمز استُخدم مرتين
notice-sms-risky-sign-in =
    { $seen ->
        [device] دخول بجهاز جديد
        [country] دخول من بلد جديد
       *[both] دخول بجهاز وبلد جديدين
    }
notice-sms = { $service }: { $what } { $when }. لستم أنتم؟ اتصلوا
notice-sms-held = { $service }: { $what } { $when }. لستم أنتم؟ اتصلوا. السحب معلّق حتى { $until }

## The email's paragraphs (it starts with email-hello).

notice-email-what = في { $when }، { $what }.
notice-email-what-ip = في { $when } من عنوان IP { $ip }، { $what }.
notice-email-if-you = إذا كنتم أنتم من قام بذلك، فلا داعي لأي إجراء.
notice-email-if-not-you = إذا لم تكونوا أنتم، فقد يكون لدى شخص ما وصول إلى حسابكم: تواصلوا فورًا مع دعم { $service }، ولا تشاركوا أي رمز تتلقونه.
notice-email-held = حمايةً لكم، عمليات السحب معلّقة حتى { $until }.
notice-email-never-ask = لن تطلب منكم { $service } أبدًا رمزًا أو كلمة مرور.

## The call, read out by an Arabic voice: full sentences in Arabic, long
## dates ($when, $until: "26 نوفمبر 2026، الساعة 01:10 UTC"), the hold
## always; the email's words without the IP address.

notice-call = هذه رسالة أمان من { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
