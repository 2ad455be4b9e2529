### Le centre d'aide de chaque service (/help/…).

help-title = Centre d'aide
help-lead = Des réponses sur la connexion, les codes et la sécurité de votre compte.
help-search-label = Rechercher dans le centre d'aide
help-search-button = Rechercher
help-categories = Catégories
help-all = Tout
help-category =
    { $category ->
        [faq] FAQ
        [announcements] Annonces
       *[product_documents] Documentation produit
    }
help-showing =
    { $total ->
        [one] Article { $first } à { $last } sur { $total }
       *[other] Articles { $first } à { $last } sur { $total }
    }
help-results-for = Résultats pour « { $query } »
help-no-results = Aucun article ne correspond à votre recherche. Essayez d'autres mots, ou parcourez les catégories.
help-empty = Pas encore d'article ici.
help-pages = Pages
help-previous = Page précédente
help-next = Page suivante
help-page-of = Page { $page } sur { $pages }
help-published = Publié le
help-updated = Mis à jour le
help-all-articles = Tous les articles d'aide
help-views =
    { $views ->
        [one] { $views } lecture
       *[other] { $views } lectures
    }
help-only-in-english = Cet article n'existe pas encore en français.
help-error-lead = Le centre d'aide ne peut pas être affiché pour le moment. Réessayez dans un instant.
