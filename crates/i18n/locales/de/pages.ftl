### Was alle Seiten teilen: der Rahmen, Datumsangaben, die Startseite (/)
### und die Seiten, die nur melden, dass etwas schiefgelaufen ist.

page-header-support = Support-Center

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
error-page-lead = Diese Seite kann gerade nicht angezeigt werden. Bitte versuchen Sie es gleich noch einmal.
