### Centrum pomocy każdego serwisu (/help/…).

help-title = Centrum pomocy
help-lead = Odpowiedzi dotyczące logowania, kodów i ochrony konta.
help-search-label = Szukaj w centrum pomocy
help-search-button = Szukaj
help-categories = Kategorie
help-all = Wszystkie
# $category: faq, announcements lub product_documents.
help-category =
    { $category ->
        [faq] Najczęstsze pytania
        [announcements] Ogłoszenia
       *[product_documents] Dokumenty produktowe
    }
help-showing =
    { $total ->
        [one] Wyświetlono { $first }–{ $last } z { $total } artykułu
       *[other] Wyświetlono { $first }–{ $last } z { $total } artykułów
    }
help-results-for = Wyniki dla „{ $query }”
help-no-results = Żaden artykuł nie pasuje do wyszukiwania. Prosimy spróbować innych słów lub przejrzeć kategorie.
help-empty = Nie ma tu jeszcze artykułów.
help-pages = Strony
help-previous = Poprzednia strona
help-next = Następna strona
help-page-of = Strona { $page } z { $pages }
# Po nim następuje data.
help-published = Opublikowano
# Po nim następuje data.
help-updated = Zaktualizowano
help-all-articles = Wszystkie artykuły pomocy
# Ile razy artykuł przeczytano.
help-views =
    { $views ->
        [one] { $views } wyświetlenie
        [few] { $views } wyświetlenia
       *[other] { $views } wyświetleń
    }
help-only-in-english = Ten artykuł nie jest jeszcze dostępny w Pana/Pani języku.
help-error-lead = Nie można teraz wyświetlić centrum pomocy. Prosimy spróbować ponownie za chwilę.
