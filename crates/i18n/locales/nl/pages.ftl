### Wat alle pagina's delen: het kader, datums, de startpagina (/) en de
### pagina's die alleen melden dat er iets misging.

## De kop van elke pagina: waar de gebruiker is. $service is de naam van
## de dienst.

# De startpagina (/) en de pagina 'niet gevonden'.
page-header-home = Hulp en klantenservice
page-header-support = Klantenservice
page-header-help = Helpcentrum van { $service }
# Het beveiligingscentrum, zolang de dienst niet bekend is (bijv. zonder sessie).
page-header-security = Beveiligingscentrum
page-header-security-of = Beveiligingscentrum van { $service }
# De verificatiepagina, zolang de dienst niet bekend is (bijv. een verkeerde link).
page-header-verify = Veilige verificatie
page-header-verify-for = Veilige verificatie voor { $service }

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
# "1 nov. 14:05 UTC", voor een sms (één segment: kort, alleen GSM-7-tekens)
datetime-short = { $day } { month-short } { $hour }:{ $minute } UTC

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
# Een adres dat nergens naartoe leidt: een onbekende pagina, helpcentrum of artikel.
page-not-found-title = Pagina niet gevonden
page-not-found-lead = Er is geen pagina op dit adres. Controleer de link die u heeft gevolgd.
# De link van de pagina 'niet gevonden' naar de startpagina.
page-not-found-home = Naar hulp en klantenservice
error-page-lead = Deze pagina kan nu niet worden getoond. Probeer het zo opnieuw.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Contact met support
brand-privacy = Privacy
# The last lines of every email of a service with these links.
brand-email-support = Hulp: { $support }
brand-email-privacy = Privacyverklaring: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Deze pagina kon dit verzoek niet verwerken. Ga terug en probeer het opnieuw.
