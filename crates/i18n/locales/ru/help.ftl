### Справочный центр каждого сервиса (/help/…).

help-title = Справочный центр
help-lead = Ответы о входе в систему, кодах и защите вашей учётной записи.
help-search-label = Поиск по справочному центру
help-search-button = Найти
help-categories = Категории
help-all = Все
# $category: faq, announcements или product_documents.
help-category =
    { $category ->
        [faq] Частые вопросы
        [announcements] Объявления
       *[product_documents] Документы о продуктах
    }
help-showing =
    { $total ->
        [one] Показаны { $first }–{ $last } из { $total } статьи
        [few] Показаны { $first }–{ $last } из { $total } статей
        [many] Показаны { $first }–{ $last } из { $total } статей
       *[other] Показаны { $first }–{ $last } из { $total } статей
    }
help-results-for = Результаты по запросу «{ $query }»
help-no-results = Ни одна статья не соответствует запросу. Попробуйте другие слова или просмотрите категории.
help-empty = Здесь пока нет статей.
help-pages = Страницы
help-previous = Предыдущая страница
help-next = Следующая страница
help-page-of = Страница { $page } из { $pages }
# Далее следует дата.
help-published = Опубликовано
# Далее следует дата.
help-updated = Обновлено
help-all-articles = Все справочные статьи
# Сколько раз статью прочитали.
help-views =
    { $views ->
        [one] { $views } просмотр
        [few] { $views } просмотра
        [many] { $views } просмотров
       *[other] { $views } просмотров
    }
help-only-in-english = Эта статья пока недоступна на вашем языке.
help-error-lead = Справочный центр сейчас недоступен. Повторите попытку чуть позже.
