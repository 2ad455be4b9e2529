### Centrum wsparcia (/support) i jego narzędzia samoobsługowe.

support-title = Centrum wsparcia
support-lead = Narzędzia samoobsługowe. Nikt z zespołu wsparcia nigdy nie poprosi o Pana/Pani kody.
support-join-tool = Dołącz do umówionej rozmowy wideo
support-join-tool-hint = Potwierdzenie tożsamości, a następnie dołączenie do rozmowy umówionej z naszym zespołem wsparcia.
support-check-tool = Sprawdź, czy konsultant jest prawdziwy
support-check-tool-hint = Ktoś podaje się za pracownika wsparcia? Prosimy sprawdzić kod, który odczytał.
support-join-title = Dołączenie do rozmowy wideo
support-join-lead = Prosimy wpisać kod spotkania otrzymany w rozmowie z zespołem wsparcia.
support-appointment-code = Kod spotkania
support-appointment-code-hint = 12 liter i cyfr, np. 7KQ2-9XMD-4TPR
support-continue = Dalej
support-verify-lead = Rozmowa z
support-totp-code = Kod z aplikacji uwierzytelniającej
support-totp-hint = 6-cyfrowy kod, który aplikacja pokazuje dla tego konta.
support-email-code = Kod wysłany e-mailem
support-email-hint = Wysłaliśmy go na adres
support-verify-button = Zweryfikuj i dołącz
support-join-button = Dołącz do rozmowy wideo
support-check-title = Czy ten konsultant jest prawdziwy?
support-check-lead = Prosimy poprosić konsultanta o odczytanie jego kodu, a następnie wpisać go wraz z kodem spotkania.
support-agent-code = Kod konsultanta
support-check-button = Sprawdź

## Co pokazuje skrypt strony (atrybuty data-msg-*). Skrypt sam wstawia
## $agent i $n: strona jest renderowana z „{agent}” i „{n}” w ich miejscu,
## więc liczba mnoga wybiera tu formę „other”.

support-msg-working = Chwileczkę…
support-msg-verified = Tożsamość potwierdzona. Można dołączyć do rozmowy.
support-msg-genuine = Prawdziwy: { $agent } należy do naszego zespołu wsparcia.
support-msg-not-genuine = Ten kod jest nieprawidłowy. Prosimy niczego nie przekazywać, zakończyć rozmowę i skontaktować się z nami przez naszą stronę internetową.
support-msg-not-found = Ten kod spotkania jest nieznany. Prosimy go sprawdzić i spróbować ponownie.
support-msg-too-early = Jest za wcześnie: rozmowa otwiera się 15 minut przed jej rozpoczęciem.
support-msg-too-late = Ta rozmowa już się zakończyła. Prosimy umówić nową z zespołem wsparcia.
support-msg-appointment-cancelled = To spotkanie zostało odwołane.
support-msg-invalid-code = Ten kod jest nieprawidłowy.
support-msg-attempts-left =
    { $n ->
        [one] Pozostała { $n } próba.
        [few] Pozostały { $n } próby.
       *[other] Pozostało prób: { $n }.
    }
support-msg-too-many-attempts = Zbyt wiele błędnych kodów. Prosimy zacząć od nowa od kodu spotkania.
support-msg-rate-limited = Zbyt wiele prób z tego połączenia.
support-msg-retry =
    { $n ->
        [one] Prosimy spróbować ponownie za { $n } minutę.
        [few] Prosimy spróbować ponownie za { $n } minuty.
       *[other] Prosimy spróbować ponownie za { $n } minut.
    }
support-msg-locked = Po zbyt wielu błędnych kodach konto jest na pewien czas zablokowane.
support-msg-policy-unsatisfiable = Do zweryfikowanych rozmów potrzebna jest aplikacja uwierzytelniająca. Można ją skonfigurować w ustawieniach bezpieczeństwa konta.
support-msg-expired = Ta weryfikacja wygasła. Prosimy zacząć od nowa.
support-msg-not-join-session = Ta przeglądarka nie dołączała do tej rozmowy. Prosimy zacząć od nowa od kodu spotkania.
support-msg-error = Coś poszło nie tak. Prosimy spróbować ponownie.
