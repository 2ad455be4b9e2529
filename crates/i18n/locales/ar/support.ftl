### The support center (/support) and its self-service tools.

support-title = مركز الدعم
support-lead = أدوات الخدمة الذاتية. لن يطلب منكم أي موظف دعم رموزكم أبدًا.
support-join-tool = الانضمام إلى موعد مكالمة فيديو
support-join-tool-hint = أثبتوا هويتكم، ثم انضموا إلى المكالمة المحجوزة مع فريق الدعم لدينا.
support-check-tool = التحقق من أن الموظف حقيقي
support-check-tool-hint = هل يدّعي شخص ما أنه من الدعم؟ تحققوا من الرمز الذي يقرؤه لكم.
support-join-title = الانضمام إلى مكالمة الفيديو
support-join-lead = أدخلوا رمز الموعد الذي تلقيتموه في محادثتكم مع الدعم.
support-appointment-code = رمز الموعد
support-appointment-code-hint = 12 حرفًا ورقمًا، مثل 7KQ2-9XMD-4TPR
support-continue = متابعة
support-verify-lead = مكالمتكم مع
support-totp-code = الرمز من تطبيق المصادقة
support-totp-hint = الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق لهذا الحساب.
support-email-code = الرمز المرسل بالبريد الإلكتروني
support-email-hint = أرسلناه إلى
support-verify-button = التحقق والانضمام
support-join-button = الانضمام إلى مكالمة الفيديو
support-check-title = هل هذا الموظف حقيقي؟
support-check-lead = اطلبوا من الموظف قراءة رمزه، ثم أدخلوه مع رمز موعدكم.
support-agent-code = رمز الموظف
support-check-button = تحقق

## What the page's script shows. $agent and $n are filled in by the script.

support-msg-working = لحظة من فضلكم…
support-msg-verified = تم التحقق من هويتكم. يمكنكم الانضمام إلى المكالمة.
support-msg-genuine = حقيقي: { $agent } من فريق الدعم لدينا.
support-msg-not-genuine = هذا الرمز غير صحيح. لا تشاركوا أي معلومات؛ أنهوا المكالمة وتواصلوا معنا عبر موقعنا الإلكتروني.
support-msg-not-found = رمز الموعد هذا غير معروف. تحققوا منه وحاولوا مرة أخرى.
support-msg-too-early = الوقت مبكر: تُفتح المكالمة قبل موعدها بـ 15 دقيقة.
support-msg-too-late = انتهت هذه المكالمة. يُرجى حجز موعد جديد مع الدعم.
support-msg-appointment-cancelled = أُلغي هذا الموعد.
support-msg-invalid-code = هذا الرمز غير صحيح.
support-msg-attempts-left =
    { $n ->
        [one] تبقّت محاولة واحدة.
        [two] تبقّت محاولتان.
        [few] تبقّت { $n } محاولات.
       *[other] عدد المحاولات المتبقية: { $n }.
    }
support-msg-too-many-attempts = رموز خاطئة كثيرة جدًا. ابدؤوا من جديد برمز موعدكم.
support-msg-rate-limited = محاولات كثيرة جدًا من هذا الاتصال.
support-msg-retry =
    { $n ->
        [one] حاولوا مرة أخرى بعد دقيقة واحدة.
        [two] حاولوا مرة أخرى بعد دقيقتين.
        [few] حاولوا مرة أخرى بعد { $n } دقائق.
       *[other] حاولوا مرة أخرى بعد { $n } دقيقة.
    }
support-msg-locked = حسابكم مقفل لبعض الوقت بعد إدخال رموز خاطئة كثيرة.
support-msg-policy-unsatisfiable = يلزم تطبيق مصادقة للمكالمات الموثّقة. يُرجى إعداده في إعدادات الأمان لحسابكم.
support-msg-expired = انتهت صلاحية عملية التحقق هذه. ابدؤوا من جديد.
support-msg-not-join-session = لم ينضم هذا المتصفح إلى هذه المكالمة. ابدؤوا من جديد برمز موعدكم.
support-msg-error = حدث خطأ ما. يُرجى المحاولة مرة أخرى.
