### Het helpcentrum van elke dienst (/help/…).

help-title = Helpcentrum
help-lead = Antwoorden over inloggen, codes en het beveiligen van uw account.
help-search-label = Zoeken in het helpcentrum
help-search-button = Zoeken
help-categories = Categorieën
help-all = Alles
help-category =
    { $category ->
        [faq] Veelgestelde vragen
        [announcements] Mededelingen
       *[product_documents] Productdocumentatie
    }
help-showing =
    { $total ->
        [one] Artikel { $first }–{ $last } van { $total }
       *[other] Artikelen { $first }–{ $last } van { $total }
    }
help-results-for = Resultaten voor ‘{ $query }’
help-no-results = Geen artikel past bij uw zoekopdracht. Probeer andere woorden of blader door de categorieën.
help-empty = Hier staan nog geen artikelen.
help-pages = Pagina's
help-previous = Vorige pagina
help-next = Volgende pagina
help-page-of = Pagina { $page } van { $pages }
# Gevolgd door een datum.
help-published = Gepubliceerd op
# Gevolgd door een datum.
help-updated = Bijgewerkt op
help-all-articles = Alle helpartikelen
# Hoe vaak een artikel is gelezen.
help-views =
    { $views ->
        [one] { $views } weergave
       *[other] { $views } weergaven
    }
help-only-in-english = Dit artikel is nog niet beschikbaar in het Nederlands.
help-error-lead = Het helpcentrum kan nu niet worden getoond. Probeer het zo opnieuw.
