### Il centro assistenza di ogni servizio (/help/…).

help-title = Centro assistenza
help-lead = Risposte sull'accesso, sui codici e sulla sicurezza del suo account.
help-search-label = Cerca nel centro assistenza
help-search-button = Cerca
help-categories = Categorie
help-all = Tutti
help-category =
    { $category ->
        [faq] Domande frequenti
        [announcements] Comunicazioni
       *[product_documents] Documentazione del prodotto
    }
help-showing =
    { $total ->
        [one] Articolo { $first }–{ $last } di { $total }
       *[other] Articoli { $first }–{ $last } di { $total }
    }
help-results-for = Risultati per «{ $query }»
help-no-results = Nessun articolo corrisponde alla sua ricerca. Provi con altre parole o sfogli le categorie.
help-empty = Non ci sono ancora articoli.
help-pages = Pagine
help-previous = Pagina precedente
help-next = Pagina successiva
help-page-of = Pagina { $page } di { $pages }
# Seguito da una data.
help-published = Pubblicato il
# Seguito da una data.
help-updated = Aggiornato il
help-all-articles = Tutti gli articoli di assistenza
# Quante volte un articolo è stato letto.
help-views =
    { $views ->
        [one] { $views } visualizzazione
       *[other] { $views } visualizzazioni
    }
help-only-in-english = Questo articolo non è ancora disponibile in italiano.
help-error-lead = Al momento non è possibile mostrare il centro assistenza. Riprovi tra qualche istante.
