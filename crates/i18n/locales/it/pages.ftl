### Ciò che tutte le pagine condividono: la cornice, le date, la pagina
### iniziale (/) e le pagine che segnalano solo che qualcosa non va.

page-header-support = Area supporto

## Date e ore, in UTC.

month-long =
    { $month ->
        [1] gennaio
        [2] febbraio
        [3] marzo
        [4] aprile
        [5] maggio
        [6] giugno
        [7] luglio
        [8] agosto
        [9] settembre
        [10] ottobre
        [11] novembre
       *[12] dicembre
    }
month-short =
    { $month ->
        [1] gen
        [2] feb
        [3] mar
        [4] apr
        [5] mag
        [6] giu
        [7] lug
        [8] ago
        [9] set
        [10] ott
        [11] nov
       *[12] dic
    }
# "1 novembre 2026"
date = { $day } { month-long } { $year }
# "1 nov 2026 alle 14:05 UTC"
datetime = { $day } { month-short } { $year } alle { $hour }:{ $minute } UTC

## La pagina iniziale.

landing-title = Aiuto e assistenza
landing-lead = Risposte alle sue domande e strumenti per contattare la nostra assistenza in sicurezza.
landing-support = Area supporto
landing-support-hint = Partecipi a una videochiamata con l'assistenza o verifichi che un operatore sia autentico.
landing-help-centers = Centri assistenza
landing-help-hint = Articoli sull'accesso, sui codici e sulla sicurezza del suo account.
landing-no-help-center = Non è ancora stato pubblicato nessun centro assistenza.

## Pagine di errore.

error-title = Si è verificato un errore
error-page-lead = Al momento non è possibile mostrare questa pagina. Riprovi tra qualche istante.
