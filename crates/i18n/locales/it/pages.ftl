### Ciò che tutte le pagine condividono: la cornice, le date, la pagina
### iniziale (/) e le pagine che segnalano solo che qualcosa non va.

## L'intestazione di ogni pagina: dove si trova l'utente. $service è il
## nome del servizio.

# La pagina iniziale (/) e la pagina non trovata.
page-header-home = Aiuto e assistenza
page-header-support = Area supporto
page-header-help = Centro assistenza { $service }
# Il centro sicurezza, prima di sapere il servizio (ad es. senza sessione).
page-header-security = Centro sicurezza
page-header-security-of = Centro sicurezza { $service }
# La pagina di verifica, prima di sapere il servizio (ad es. un link errato).
page-header-verify = Verifica sicura
page-header-verify-for = Verifica sicura per { $service }

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
# "1 nov 2026 alle 14:05 UTC". .until, dopo "fino": con la preposizione
# articolata, apostrofata davanti a vocale ("al 9", "all'8", "all'11",
# "all'1").
datetime = { $day } { month-short } { $year } alle { $hour }:{ $minute } UTC
    .until =
        { $day ->
            [1] all'1
            [8] all'8
            [11] all'11
           *[other] al { $day }
        } { month-short } { $year } alle { $hour }:{ $minute } UTC
# "1 nov, 14:05 UTC", per un SMS (un segmento: breve, solo caratteri GSM-7)
datetime-short = { $day } { month-short }, { $hour }:{ $minute } UTC
    .until =
        { $day ->
            [1] all'1
            [8] all'8
            [11] all'11
           *[other] al { $day }
        } { month-short }, { $hour }:{ $minute } UTC

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
# Un indirizzo che non porta da nessuna parte: pagina, centro assistenza o articolo sconosciuti.
page-not-found-title = Pagina non trovata
page-not-found-lead = A questo indirizzo non esiste alcuna pagina. Controlli il link che ha seguito.
# Il link dalla pagina non trovata alla pagina iniziale.
page-not-found-home = Vai ad Aiuto e assistenza
error-page-lead = Al momento non è possibile mostrare questa pagina. Riprovi tra qualche istante.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Contatta l’assistenza
brand-privacy = Privacy
# The last lines of every email of a service with these links.
brand-email-support = Assistenza: { $support }
brand-email-privacy = Informativa sulla privacy: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Questa pagina non ha potuto gestire la richiesta. Torna indietro e riprova.
