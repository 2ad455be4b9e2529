### Each service's help center (/help/…).

help-title = مركز المساعدة
help-lead = إجابات عن تسجيل الدخول والرموز والحفاظ على أمان حسابكم.
help-search-label = البحث في مركز المساعدة
help-search-button = بحث
help-categories = الفئات
help-all = الكل
help-category =
    { $category ->
        [faq] الأسئلة الشائعة
        [announcements] الإعلانات
       *[product_documents] وثائق المنتجات
    }
help-showing =
    { $total ->
        [one] عرض { $first }–{ $last } من مقال واحد
       *[other] عرض { $first }–{ $last } من { $total } مقال
    }
help-results-for = نتائج البحث عن «{ $query }»
help-no-results = لا يوجد مقال يطابق بحثكم. جرّبوا كلمات أخرى، أو تصفحوا الفئات.
help-empty = لا توجد مقالات هنا بعد.
help-pages = الصفحات
help-previous = الصفحة السابقة
help-next = الصفحة التالية
help-page-of = الصفحة { $page } من { $pages }
# Followed by a date.
help-published = نُشر في
# Followed by a date.
help-updated = حُدّث في
help-all-articles = جميع مقالات المساعدة
help-views =
    { $views ->
        [zero] لا مشاهدات
        [one] مشاهدة واحدة
        [two] مشاهدتان
        [few] { $views } مشاهدات
       *[other] { $views } مشاهدة
    }
help-only-in-english = هذا المقال غير متوفر بلغتكم بعد.
help-error-lead = يتعذر عرض مركز المساعدة حاليًا. يُرجى المحاولة مرة أخرى بعد قليل.
