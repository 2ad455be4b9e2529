### Each service's help center (/help/…).

help-title = Yardım merkezi
help-lead = Oturum açma, kodlar ve hesabınızın güvenliği hakkında yanıtlar.
help-search-label = Yardım merkezinde arayın
help-search-button = Ara
help-categories = Kategoriler
help-all = Tümü
help-category =
    { $category ->
        [faq] SSS
        [announcements] Duyurular
       *[product_documents] Ürün belgeleri
    }
help-showing = { $total } makaleden { $first }–{ $last } arası gösteriliyor
help-results-for = “{ $query }” için sonuçlar
help-no-results = Aramanızla eşleşen makale yok. Başka kelimeler deneyin veya kategorilere göz atın.
help-empty = Burada henüz makale yok.
help-pages = Sayfalar
help-previous = Önceki sayfa
help-next = Sonraki sayfa
help-page-of = Sayfa { $page } / { $pages }
# Followed by a date.
help-published = Yayımlanma:
# Followed by a date.
help-updated = Güncellenme:
help-all-articles = Tüm yardım makaleleri
help-views = { $views } görüntülenme
help-only-in-english = Bu makale henüz dilinizde mevcut değil.
help-error-lead = Yardım merkezi şu anda gösterilemiyor. Lütfen birazdan tekrar deneyin.
