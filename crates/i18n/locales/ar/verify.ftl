### The hosted verification page (/verify/…).

verify-title = تأكيد هويتكم
# $purpose: as in code-action.
verify-lead = تطلب منكم { $service } { code-action }.
verify-payment = الدفعة التي توافقون عليها
verify-amount = المبلغ
verify-payee = إلى
verify-destination = الحساب أو العنوان
verify-done = تم
verify-method =
    { $method ->
        [webauthn] مفتاح مرور أو مفتاح أمان
        [device] جهازكم المسجَّل الدخول عليه
        [totp] تطبيق المصادقة
        [hotp] أداة الرموز
        [email] البريد الإلكتروني
        [sms] رسالة نصية
        [voice] مكالمة هاتفية
       *[recovery_code] رمز الاسترداد
    }
verify-send =
    { $channel ->
        [sms] أرسلوا لي رمزًا برسالة نصية
        [voice] اتصلوا بي بدلًا من ذلك
       *[email] أرسلوا لي رمزًا بالبريد الإلكتروني
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = أدخلوا الرمز المرسل إلى { $to }
verify-code-totp = أدخلوا الرمز الذي يعرضه تطبيق المصادقة
verify-code-hotp = أدخلوا الرمز الذي تعرضه أداة الرموز
verify-code-recovery = أدخلوا أحد رموز الاسترداد الخاصة بكم
verify-verify = تحقق
verify-resend-wait = يمكنكم طلب رمز جديد بعد { $time }.
verify-resend-ready = يمكنكم الآن طلب رمز جديد.
verify-not-received = ألم يصلكم الرمز؟
verify-other-ways = طرق أخرى للتأكيد
verify-choose = اختاروا طريقة التأكيد
verify-passkey = استخدام مفتاح المرور أو مفتاح الأمان
verify-passkey-hint = سيطلب هاتفكم أو حاسوبكم بصمة الإصبع أو الوجه أو رمز PIN أو المفتاح.
verify-device = افتحوا { $service } على جهازكم المسجَّل الدخول عليه واختاروا الرقم { $number }.
verify-device-waiting = في انتظار موافقتكم على الجهاز…
verify-device-check = لقد وافقت
verify-next-step = خطوة أخيرة: أكّدوا بإحدى هذه الطرق.
verify-cancel = لست أنا من طلب ذلك: إلغاء

## Once the verification is over.

verify-finished-approved = تم التحقق من هويتكم.
verify-finished-held = تم التأكيد. حمايةً لكم، تبقى عملية السحب هذه معلّقة حتى { $until }، لأن إعدادات الأمان لديكم تغيّرت مؤخرًا.
verify-finished-failed = فشلت عملية التحقق هذه. ابدؤوا من جديد من { $service }.
verify-finished-expired = انتهت صلاحية عملية التحقق هذه. ابدؤوا من جديد من { $service }.
verify-finished-cancelled = أُلغيت عملية التحقق هذه.
verify-finished-denied = لقد رفضتم هذا الطلب على جهازكم.
verify-back-to = العودة إلى { $service }
verify-not-found-title = عملية التحقق غير موجودة
verify-not-found-lead = هذا الرابط غير صالح. ابدؤوا من جديد من الموقع أو التطبيق الذي كنتم تستخدمونه.

## What went wrong with the user's last action. $attempts: the attempts left.

verify-error-wrong-code = هذا الرمز غير صحيح. المحاولات المتبقية: { $attempts }.
verify-error-credential-refused = لم يُقبل مفتاح المرور أو مفتاح الأمان هذا. المحاولات المتبقية: { $attempts }.
verify-error-too-many-attempts = رموز خاطئة كثيرة جدًا: فشلت عملية التحقق هذه.
verify-error-resend-too-soon = يُرجى الانتظار قليلًا قبل طلب رمز آخر.
verify-error-delivery-failed = تعذّر علينا إرسال الرمز. اختاروا طريقة أخرى أدناه.
verify-error-rate-limited = أُرسل عدد كبير جدًا من الرموز. اختاروا طريقة أخرى، أو حاولوا مرة أخرى لاحقًا.
verify-error-locked = محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى لاحقًا.
verify-error-method-unavailable = هذه الطريقة غير متاحة لعملية التحقق هذه.
verify-error-expired = انتهت صلاحية عملية التحقق هذه.
verify-error-closed = انتهت عملية التحقق هذه بالفعل.
verify-error-other = حدث خطأ ما. يُرجى المحاولة مرة أخرى.
