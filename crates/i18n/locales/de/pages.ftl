### Was alle Seiten teilen: der Rahmen, Datumsangaben, die Startseite (/)
### und die Seiten, die nur melden, dass etwas schiefgelaufen ist.

## Die Kopfzeile jeder Seite: wo sich der Nutzer befindet. $service ist
## der Name des Dienstes.

# Die Startseite (/) und die Seite „nicht gefunden“.
page-header-home = Hilfe und Support
page-header-support = Support-Center
page-header-help = Hilfe-Center von { $service }
# Das Sicherheitscenter, solange sein Dienst nicht bekannt ist (z. B. ohne Sitzung).
page-header-security = Sicherheitscenter
page-header-security-of = Sicherheitscenter von { $service }
# Die gehostete Bestätigungsseite, solange ihr Dienst nicht bekannt ist (z. B. falscher Link).
page-header-verify = Sichere Bestätigung
page-header-verify-for = Sichere Bestätigung für { $service }

## Datum und Uhrzeit, in UTC.

month-long =
    { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    }
month-short =
    { $month ->
        [1] Jan.
        [2] Feb.
        [3] März
        [4] Apr.
        [5] Mai
        [6] Juni
        [7] Juli
        [8] Aug.
        [9] Sept.
        [10] Okt.
        [11] Nov.
       *[12] Dez.
    }
# "1. November 2026"
date = { $day }. { month-long } { $year }
# "1. Nov. 2026 um 14:05 UTC"
datetime = { $day }. { month-short } { $year } um { $hour }:{ $minute } UTC
# "1. Nov., 14:05 UTC", für eine SMS (ein Segment: kurz, nur GSM-7-Zeichen;
# das ä von „März“ gehört zu GSM-7)
datetime-short = { $day }. { month-short }, { $hour }:{ $minute } UTC

## Die Startseite.

landing-title = Hilfe und Support
landing-lead = Antworten auf Ihre Fragen und Werkzeuge, mit denen Sie unser Support-Team sicher erreichen.
landing-support = Support-Center
landing-support-hint = Nehmen Sie an einem Videoanruf mit dem Support teil oder prüfen Sie, ob ein Mitarbeiter echt ist.
landing-help-centers = Hilfe-Center
landing-help-hint = Artikel zur Anmeldung, zu Codes und zum Schutz Ihres Kontos.
landing-no-help-center = Es ist noch kein Hilfe-Center veröffentlicht.

## Fehlerseiten.

error-title = Etwas ist schiefgelaufen
# Eine Adresse, die ins Leere führt: unbekannte Seite, unbekanntes Hilfe-Center oder unbekannter Artikel.
page-not-found-title = Seite nicht gefunden
page-not-found-lead = Unter dieser Adresse gibt es keine Seite. Bitte prüfen Sie den Link, dem Sie gefolgt sind.
# Der Link von der Seite „nicht gefunden“ zur Startseite.
page-not-found-home = Zu Hilfe und Support
error-page-lead = Diese Seite kann gerade nicht angezeigt werden. Bitte versuchen Sie es gleich noch einmal.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Support kontaktieren
brand-privacy = Datenschutz
# The last lines of every email of a service with these links.
brand-email-support = Hilfe: { $support }
brand-email-privacy = Datenschutzhinweise: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Diese Seite konnte die Anfrage nicht bearbeiten. Gehen Sie zurück und versuchen Sie es erneut.
