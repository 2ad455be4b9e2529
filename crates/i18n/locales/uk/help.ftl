### Довідковий центр кожного сервісу (/help/…).

help-title = Довідковий центр
help-lead = Відповіді про вхід, коди та захист вашого облікового запису.
help-search-label = Пошук у довідковому центрі
help-search-button = Знайти
help-categories = Категорії
help-all = Усі
# $category: faq, announcements або product_documents.
help-category =
    { $category ->
        [faq] Часті запитання
        [announcements] Оголошення
       *[product_documents] Документи про продукти
    }
help-showing =
    { $total ->
        [one] Показано { $first }–{ $last } із { $total } статті
       *[other] Показано { $first }–{ $last } із { $total } статей
    }
help-results-for = Результати за запитом «{ $query }»
help-no-results = Жодна стаття не відповідає запиту. Спробуйте інші слова або перегляньте категорії.
help-empty = Тут ще немає статей.
help-pages = Сторінки
help-previous = Попередня сторінка
help-next = Наступна сторінка
help-page-of = Сторінка { $page } із { $pages }
# Далі йде дата.
help-published = Опубліковано
# Далі йде дата.
help-updated = Оновлено
help-all-articles = Усі довідкові статті
# Скільки разів статтю прочитали.
help-views =
    { $views ->
        [one] { $views } перегляд
        [few] { $views } перегляди
       *[other] { $views } переглядів
    }
help-only-in-english = Ця стаття ще недоступна вашою мовою.
help-error-lead = Довідковий центр зараз недоступний. Спробуйте ще раз трохи пізніше.
