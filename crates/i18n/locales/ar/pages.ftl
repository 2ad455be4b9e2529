### What every page shares: the frame, dates, the landing page (/), and
### the pages that only say something went wrong.

## The header at the top of every page. $service is the service's name.

page-header-home = المساعدة والدعم
page-header-support = مركز الدعم
page-header-help = مركز المساعدة لدى { $service }
page-header-security = مركز الأمان
page-header-security-of = مركز الأمان لدى { $service }
page-header-verify = تحقق آمن
page-header-verify-for = تحقق آمن لدى { $service }

## Dates and times, in UTC. Arabic has no short month names: both are
## the full name.

month-long =
    { $month ->
        [1] يناير
        [2] فبراير
        [3] مارس
        [4] أبريل
        [5] مايو
        [6] يونيو
        [7] يوليو
        [8] أغسطس
        [9] سبتمبر
        [10] أكتوبر
        [11] نوفمبر
       *[12] ديسمبر
    }
month-short = { month-long }
# "1 نوفمبر 2026"
date = { $day } { month-long } { $year }
# "1 نوفمبر 2026، الساعة 14:05 بالتوقيت العالمي (UTC)"
datetime = { $day } { month-short } { $year }، الساعة { $hour }:{ $minute } UTC
# For an SMS (70 characters in Arabic): numeric and short. "1/11 14:05 UTC"
datetime-short = { $day }/{ $month } { $hour }:{ $minute } UTC

## The landing page.

landing-title = المساعدة والدعم
landing-lead = إجابات عن أسئلتكم، وأدوات للتواصل مع فريق الدعم لدينا بأمان.
landing-support = مركز الدعم
landing-support-hint = انضموا إلى مكالمة فيديو مع الدعم، أو تحققوا من أن الموظف حقيقي.
landing-help-centers = مراكز المساعدة
landing-help-hint = مقالات عن تسجيل الدخول والرموز والحفاظ على أمان حسابكم.
landing-no-help-center = لم يُنشر أي مركز مساعدة بعد.

## Pages that say something went wrong.

error-title = حدث خطأ ما
page-not-found-title = الصفحة غير موجودة
page-not-found-lead = لا توجد صفحة على هذا العنوان. يُرجى التحقق من الرابط الذي اتبعتموه.
page-not-found-home = الانتقال إلى المساعدة والدعم
error-page-lead = يتعذر عرض هذه الصفحة حاليًا. يُرجى المحاولة مرة أخرى بعد قليل.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = تواصل مع الدعم
brand-privacy = الخصوصية
# The last lines of every email of a service with these links.
brand-email-support = المساعدة: { $support }
brand-email-privacy = إشعار الخصوصية: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = تعذّر على هذه الصفحة معالجة هذا الطلب. ارجعوا وحاولوا مرة أخرى.
