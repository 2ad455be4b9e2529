### Wspólne dla wszystkich stron: ramka, daty, strona główna (/) i strony
### informujące o błędzie. Rejestr formalny: formy bezosobowe i „Pan/Pani”.

## Nagłówek u góry każdej strony. $service to nazwa serwisu.

# Strona główna (/) i strona „nie znaleziono”.
page-header-home = Pomoc i wsparcie
page-header-support = Centrum wsparcia
page-header-help = Centrum pomocy { $service }
# Centrum bezpieczeństwa, zanim serwis jest znany (np. brak sesji).
page-header-security = Centrum bezpieczeństwa
page-header-security-of = Centrum bezpieczeństwa { $service }
# Strona weryfikacji, zanim serwis jest znany (np. błędny link).
page-header-verify = Bezpieczna weryfikacja
page-header-verify-for = Bezpieczna weryfikacja dla { $service }

## Daty i godziny w UTC. $month od 1 do 12; $hour i $minute mają dwie cyfry.

# Dopełniacz: „1 listopada 2026”
month-long =
    { $month ->
        [1] stycznia
        [2] lutego
        [3] marca
        [4] kwietnia
        [5] maja
        [6] czerwca
        [7] lipca
        [8] sierpnia
        [9] września
        [10] października
        [11] listopada
       *[12] grudnia
    }
month-short =
    { $month ->
        [1] sty
        [2] lut
        [3] mar
        [4] kwi
        [5] maj
        [6] cze
        [7] lip
        [8] sie
        [9] wrz
        [10] paź
        [11] lis
       *[12] gru
    }
# „1 listopada 2026”
date = { $day } { month-long } { $year }
# „1 lis 2026 o 14:05 UTC”
datetime = { $day } { month-short } { $year } o { $hour }:{ $minute } UTC
# „1.11 14:05 UTC”, do SMS: same cyfry (znaki GSM-7).
datetime-short =
    { $day }.{ $month ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
        [10] 10
        [11] 11
       *[12] 12
    } { $hour }:{ $minute } UTC

## Strona główna; jej lista centrów pomocy jest też w centrum wsparcia.

landing-title = Pomoc i wsparcie
landing-lead = Odpowiedzi na pytania i narzędzia do bezpiecznego kontaktu z naszym zespołem wsparcia.
landing-support = Centrum wsparcia
landing-support-hint = Dołączenie do rozmowy wideo z konsultantem lub sprawdzenie, czy konsultant jest prawdziwy.
landing-help-centers = Centra pomocy
landing-help-hint = Artykuły o logowaniu, kodach i ochronie konta.
landing-no-help-center = Nie opublikowano jeszcze żadnego centrum pomocy.

## Strony informujące o błędzie.

error-title = Coś poszło nie tak
# Adres, pod którym nic nie ma.
page-not-found-title = Nie znaleziono strony
page-not-found-lead = Pod tym adresem nie ma strony. Prosimy sprawdzić użyty link.
# Link ze strony „nie znaleziono” do strony głównej.
page-not-found-home = Przejdź do pomocy i wsparcia
error-page-lead = Nie można teraz wyświetlić tej strony. Prosimy spróbować ponownie za chwilę.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Kontakt z pomocą
brand-privacy = Prywatność
# The last lines of every email of a service with these links.
brand-email-support = Pomoc: { $support }
brand-email-privacy = Informacja o prywatności: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Ta strona nie mogła obsłużyć żądania. Wróć i spróbuj ponownie.
