### Wat alle pagina's delen: het kader, datums, de startpagina (/) en de
### pagina's die alleen melden dat er iets misging.

page-header-support = Klantenservice

## Datums en tijden, in UTC.

month-long =
    { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    }
month-short =
    { $month ->
        [1] jan.
        [2] feb.
        [3] mrt.
        [4] apr.
        [5] mei
        [6] jun.
        [7] jul.
        [8] aug.
        [9] sep.
        [10] okt.
        [11] nov.
       *[12] dec.
    }
# "1 november 2026"
date = { $day } { month-long } { $year }
# "1 nov. 2026 om 14:05 UTC"
datetime = { $day } { month-short } { $year } om { $hour }:{ $minute } UTC

## De startpagina.

landing-title = Hulp en klantenservice
landing-lead = Antwoorden op uw vragen, en hulpmiddelen om onze klantenservice veilig te bereiken.
landing-support = Klantenservice
landing-support-hint = Neem deel aan een videogesprek met de klantenservice, of controleer of een medewerker echt is.
landing-help-centers = Helpcentra
landing-help-hint = Artikelen over inloggen, codes en het beveiligen van uw account.
landing-no-help-center = Er is nog geen helpcentrum gepubliceerd.

## Foutpagina's.

error-title = Er ging iets mis
error-page-lead = Deze pagina kan nu niet worden getoond. Probeer het zo opnieuw.
