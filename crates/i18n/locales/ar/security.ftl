### The security center (/security).

security-title = مركز الأمان
security-lead = الطرق التي تُثبتون بها هويتكم، وما حدث مؤخرًا في حسابكم.
security-methods = طرق إثبات هويتكم
security-no-methods = لا توجد وسيلة مصادقة بعد. أضيفوا واحدة: الرموز المرسلة بالرسائل النصية أو البريد الإلكتروني وحدها سهلة السرقة.
security-add-method = إضافة طريقة
security-add-totp = إضافة تطبيق مصادقة
security-add-passkey = إضافة مفتاح مرور
security-add-security-key = إضافة مفتاح أمان
security-devices = الأجهزة الموثوقة
security-no-devices = لا يوجد جهاز موثوق.
security-recovery = رموز الاسترداد
security-recovery-left = تبقّى { $n } من 10 رموز.
security-no-recovery = لا توجد رموز استرداد. احصلوا عليها واحفظوها في مكان آمن، تحسّبًا لفقدان طرقكم الأخرى.
security-new-recovery = الحصول على رموز استرداد جديدة
security-contacts = البريد الإلكتروني والهاتف
security-email = البريد الإلكتروني
security-phone = الهاتف
security-verified = موثَّق
security-unverified = غير موثَّق
security-none = لا يوجد
security-activity = نشاط الأمان الأخير
security-no-activity = لا شيء بعد.
# Followed by a date and time.
security-added = أُضيف في
# Followed by a date and time.
security-last-used = آخر استخدام في
security-never-used = لم يُستخدم قط
security-remove = إزالة
security-sign-out = تسجيل الخروج
security-back-to-app = العودة إلى التطبيق
security-back = العودة إلى مركز الأمان
security-strength =
    { $strength ->
        [phishing_resistant] مقاوم للتصيّد
        [strong] قوي
        [backup] احتياطي
       *[weaker] أضعف
    }
security-kind =
    { $kind ->
        [passkey] مفتاح مرور
        [webauthn] مفتاح مرور
        [security_key] مفتاح أمان
        [device] جهاز موثوق
        [totp] تطبيق المصادقة
        [hotp] أداة رموز مادية
       *[recovery_codes] رموز الاسترداد
    }
security-sent-codes = رموز عبر الرسائل النصية أو المكالمات أو البريد الإلكتروني
security-notice-added = تم: أُضيفت الطريقة. أرسلنا إشعارًا إلى بريدكم الإلكتروني وهاتفكم الموثَّقين.
security-notice-removed = تم: أُزيلت الطريقة. أرسلنا إشعارًا إلى بريدكم الإلكتروني وهاتفكم الموثَّقين.
security-notice-session-ended = تم: أُنهيت تلك الجلسة.
security-notice-others-ended = تم: أُنهيت جلساتكم الأخرى.

## Adding an authenticator app.

security-totp-title = إضافة تطبيق مصادقة
security-totp-scan = امسحوا رمز QR هذا بتطبيق المصادقة (Google Authenticator أو Aegis أو 1Password…)، ثم أدخلوا الرمز الذي يعرضه.
security-totp-qr = رمز QR للمسح بتطبيق المصادقة
security-totp-key = تعذّر المسح؟ أدخلوا هذا المفتاح في التطبيق:
security-totp-open = الفتح في تطبيق مصادقة على هذا الجهاز
security-totp-code = الرمز من التطبيق
security-totp-code-hint = 6 أرقام. لا يُعرض هذا المفتاح إلا الآن.
security-activate = تفعيل
security-wrong-code = هذا الرمز غير صحيح. تحققوا من التطبيق وحاولوا مرة أخرى.

## Adding a passkey or a security key.

security-passkey-title = إضافة مفتاح مرور
security-passkey-lead = يحتفظ هاتفكم أو حاسوبكم بمفتاح المرور ويفتحه ببصمة الإصبع أو الوجه أو رمز PIN. لا يعمل إلا على هذا الموقع، فلا يحصل أي موقع مزيّف على شيء.
security-security-key-title = إضافة مفتاح أمان
security-security-key-lead = أبقوا مفتاح الأمان في متناول أيديكم: صِلوه أو قرّبوه من هاتفكم عند الطلب، ثم المسوه.
security-webauthn-label = الاسم (اختياري)
security-webauthn-label-hint = للتعرّف عليه لاحقًا، مثل "حاسوب العمل".
security-webauthn-start = متابعة
security-webauthn-working = اتبعوا تعليمات متصفحكم…
security-webauthn-cancelled = أُلغيت العملية أو انتهت مهلتها. يُرجى المحاولة مرة أخرى.
security-webauthn-failed = تعذّرت الإضافة. يُرجى المحاولة مرة أخرى.

## Recovery codes, confirmations, and the session's beginning and end.

security-codes-title = رموز الاسترداد الجديدة
security-codes-lead = يعمل كل رمز مرة واحدة. اطبعوها أو دوّنوها واحفظوها في مكان آمن: لا تُعرض إلا الآن. رموزكم السابقة لم تعد صالحة.
security-done = تم
security-confirm-title = تم التحقق
security-confirm-lead = لقد أثبتم هويتكم. هل تريدون إزالة هذه الطريقة؟
security-confirm-add-lead = لقد أثبتم هويتكم. تابعوا لإضافة:
security-cancel = الإبقاء عليها
security-opening-title = جارٍ فتح مركز الأمان
security-opening-lead = لحظة من فضلكم…
security-continue = متابعة
security-signed-out-title = تم تسجيل الخروج
security-signed-out-lead = لقد غادرتم مركز الأمان.
security-step-up-first-title = أولًا، أكّدوا هويتكم
security-step-up-first-lead = تتطلب إضافة طريقة لتسجيل الدخول إلى حسابكم تحققًا جديدًا.
security-verify-me = التحقق من هويتي

## What went wrong.

security-link-title = لم يعد هذا الرابط صالحًا
security-link-lead = تعمل روابط مركز الأمان مرة واحدة ولمدة 5 دقائق. عودوا إلى التطبيق وافتحوا مركز الأمان مرة أخرى.
security-session-title = انتهت جلستكم
security-session-lead = حرصًا على سلامتكم، يُغلق مركز الأمان بعد 10 دقائق من عدم النشاط وبعد 30 دقيقة في المجمل. عودوا إلى التطبيق وافتحوه مرة أخرى.
security-csrf-title = تعذّر التحقق من هذا الطلب
security-csrf-lead = لم يتغير شيء. عودوا إلى مركز الأمان، وأعيدوا تحميله وحاولوا مرة أخرى.
security-not-found-title = غير موجود
security-not-found-lead = هذه الطريقة غير موجودة في حسابكم.
security-step-up-title = لم يتم التحقق
security-step-up-lead = لم تكتمل عملية التحقق هذه، أو سبق استخدامها. لم يتغير شيء.
security-unsatisfiable-lead = لتغيير طرقكم، يجب أن تُثبتوا هويتكم بوسيلة مصادقة وبرمز عبر البريد الإلكتروني أو الرسائل النصية، وهذا غير ممكن لهذا الحساب. يُرجى التواصل مع الدعم.
security-locked-lead = رموز خاطئة كثيرة جدًا: حسابكم مقفل لبعض الوقت. يُرجى المحاولة مرة أخرى لاحقًا.
security-expired-lead = انتظر هذا الإعداد وقتًا طويلًا جدًا. ابدؤوا من جديد.
security-error-lead = لم يتغير شيء. يُرجى المحاولة مرة أخرى بعد قليل.

## Sessions.

security-sessions = جلساتكم
security-sessions-lead = إذا لم تتعرفوا على جلسة ما، فأنهوها.
security-this-session = هذه الجلسة
security-browser-on = { $browser } على { $system }
security-unknown-browser = متصفح غير معروف
# Followed by a date and time.
security-opened = فُتحت في
# Followed by a date and time.
security-last-active = آخر نشاط في
security-end-session = إنهاء هذه الجلسة
security-end-others = إنهاء جميع الجلسات الأخرى
security-end-others-offer = هل أجريتم هذا التغيير لأن شيئًا ما بدا غير طبيعي؟ أنهوا جلساتكم الأخرى أيضًا.

## Recent activity. $kind: as in security-kind; $purpose: as in code-action.

security-event-factor-activated = أُضيفت طريقة: { security-kind }
security-event-factor-removed = أُزيلت طريقة: { security-kind }
security-event-recovery-codes = رموز استرداد جديدة
security-event-factor-activation-failed = رمز خاطئ أثناء إضافة طريقة
security-event-factor-possible-clone = بدا مفتاح أمان منسوخًا فرُفض
security-event-contact-changed =
    { $field ->
        [email] تغيّر البريد الإلكتروني
       *[phone] تغيّر رقم الهاتف
    }
security-event-challenge-approved = تم التحقق: { code-action }
security-event-challenge-failed = فشل التحقق: { code-action }
security-event-challenge-denied = رُفض على جهاز موثوق: { code-action }
security-event-challenge-code-rejected = أُدخل رمز خاطئ
security-event-user-locked = قُفل الحساب بعد رموز خاطئة
security-event-portal-session-opened = فُتح مركز الأمان
security-event-portal-session-revoked = أُنهيت جلسة مركز الأمان
