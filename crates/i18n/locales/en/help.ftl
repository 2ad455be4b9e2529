### Each service's help center (/help/…).

help-title = Help center
help-lead = Answers about signing in, codes and keeping your account safe.
help-search-label = Search the help center
help-search-button = Search
help-categories = Categories
help-all = All
# $category: faq, announcements or product_documents.
help-category =
    { $category ->
        [faq] FAQ
        [announcements] Announcements
       *[product_documents] Product documents
    }
help-showing =
    { $total ->
        [one] Showing { $first }–{ $last } of { $total } article
       *[other] Showing { $first }–{ $last } of { $total } articles
    }
help-results-for = Results for “{ $query }”
help-no-results = No article matches your search. Try other words, or browse the categories.
help-empty = No articles here yet.
help-pages = Pages
help-previous = Previous page
help-next = Next page
help-page-of = Page { $page } of { $pages }
# Followed by a date.
help-published = Published
# Followed by a date.
help-updated = Updated
help-all-articles = All help articles
# How many times an article was read.
help-views =
    { $views ->
        [one] { $views } view
       *[other] { $views } views
    }
help-only-in-english = This article is not available in your language yet.
help-error-lead = The help center cannot be shown right now. Try again in a moment.
