### Das Hilfe-Center jedes Dienstes (/help/…).

help-title = Hilfe-Center
help-lead = Antworten zur Anmeldung, zu Codes und zum Schutz Ihres Kontos.
help-search-label = Im Hilfe-Center suchen
help-search-button = Suchen
help-categories = Kategorien
help-all = Alle
help-category =
    { $category ->
        [faq] Häufige Fragen
        [announcements] Mitteilungen
       *[product_documents] Produktunterlagen
    }
help-showing =
    { $total ->
        [one] Artikel { $first }–{ $last } von { $total }
       *[other] Artikel { $first }–{ $last } von { $total }
    }
help-results-for = Ergebnisse für „{ $query }“
help-no-results = Kein Artikel passt zu Ihrer Suche. Versuchen Sie andere Begriffe oder stöbern Sie in den Kategorien.
help-empty = Hier gibt es noch keine Artikel.
help-pages = Seiten
help-previous = Vorherige Seite
help-next = Nächste Seite
help-page-of = Seite { $page } von { $pages }
# Gefolgt von einem Datum.
help-published = Veröffentlicht am
# Gefolgt von einem Datum.
help-updated = Aktualisiert am
help-all-articles = Alle Hilfeartikel
# Wie oft ein Artikel gelesen wurde.
help-views =
    { $views ->
        [one] { $views } Aufruf
       *[other] { $views } Aufrufe
    }
help-only-in-english = Diesen Artikel gibt es noch nicht auf Deutsch.
help-error-lead = Das Hilfe-Center kann gerade nicht angezeigt werden. Bitte versuchen Sie es gleich noch einmal.
