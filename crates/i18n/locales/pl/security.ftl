### Centrum bezpieczeństwa (/security).

security-title = Centrum bezpieczeństwa
security-lead = Sposoby potwierdzania tożsamości i ostatnie zdarzenia na koncie.
security-methods = Sposoby potwierdzania tożsamości
security-no-methods = Brak uwierzytelniacza. Warto go dodać: kody wysyłane tylko SMS-em lub e-mailem łatwo przechwycić.
security-add-method = Dodaj sposób
security-add-totp = Dodaj aplikację uwierzytelniającą
security-add-passkey = Dodaj klucz dostępu
security-add-security-key = Dodaj klucz bezpieczeństwa
security-devices = Zaufane urządzenia
security-no-devices = Brak zaufanych urządzeń.
security-recovery = Kody odzyskiwania
security-recovery-left = Pozostało kodów: { $n } z 10.
security-no-recovery = Brak kodów odzyskiwania. Warto je wygenerować i przechowywać w bezpiecznym miejscu na wypadek utraty innych sposobów.
security-new-recovery = Wygeneruj nowe kody odzyskiwania
security-contacts = E-mail i telefon
security-email = E-mail
security-phone = Telefon
security-verified = Zweryfikowany
security-unverified = Niezweryfikowany
security-none = Brak
security-activity = Ostatnie zdarzenia bezpieczeństwa
security-no-activity = Na razie nic.
# Po nim następują data i godzina.
security-added = Dodano
# Po nim następują data i godzina.
security-last-used = ostatnio użyty
security-never-used = nigdy nieużyty
security-remove = Usuń
security-sign-out = Wyloguj
security-back-to-app = Powrót do aplikacji
security-back = Powrót do centrum bezpieczeństwa
# $strength: phishing_resistant, strong, backup lub weaker.
security-strength =
    { $strength ->
        [phishing_resistant] Odporny na phishing
        [strong] Silny
        [backup] Zapasowy
       *[weaker] Słabszy
    }
# $kind: passkey, security_key, device, totp, hotp lub recovery_codes
# (webauthn, typ czynnika, to klucz dostępu).
security-kind =
    { $kind ->
        [passkey] Klucz dostępu
        [webauthn] Klucz dostępu
        [security_key] Klucz bezpieczeństwa
        [device] Zaufane urządzenie
        [totp] Aplikacja uwierzytelniająca
        [hotp] Token sprzętowy
       *[recovery_codes] Kody odzyskiwania
    }
security-sent-codes = Kody SMS-em, połączeniem lub e-mailem
security-notice-added = Gotowe: sposób został dodany. Wysłaliśmy powiadomienie na zweryfikowany adres e-mail i telefon.
security-notice-removed = Gotowe: sposób został usunięty. Wysłaliśmy powiadomienie na zweryfikowany adres e-mail i telefon.
security-notice-session-ended = Gotowe: ta sesja została zakończona.
security-notice-others-ended = Gotowe: pozostałe sesje zostały zakończone.

## Dodawanie aplikacji uwierzytelniającej.

security-totp-title = Dodawanie aplikacji uwierzytelniającej
security-totp-scan = Prosimy zeskanować ten kod QR aplikacją uwierzytelniającą (Google Authenticator, Aegis, 1Password…), a następnie wpisać wyświetlony kod.
security-totp-qr = Kod QR do zeskanowania aplikacją uwierzytelniającą
security-totp-key = Skanowanie nie działa? Prosimy wpisać ten klucz w aplikacji:
security-totp-open = Otwórz w aplikacji uwierzytelniającej na tym urządzeniu
security-totp-code = Kod z aplikacji
security-totp-code-hint = 6 cyfr. Ten klucz jest wyświetlany tylko teraz.
security-activate = Aktywuj
security-wrong-code = Ten kod jest nieprawidłowy. Prosimy sprawdzić aplikację i spróbować ponownie.

## Dodawanie klucza dostępu lub klucza bezpieczeństwa.

security-passkey-title = Dodawanie klucza dostępu
security-passkey-lead = Klucz dostępu jest przechowywany w telefonie lub komputerze i odblokowywany odciskiem palca, twarzą lub kodem PIN. Działa tylko w tym serwisie, więc fałszywa strona nic nie uzyska.
security-security-key-title = Dodawanie klucza bezpieczeństwa
security-security-key-lead = Prosimy przygotować klucz bezpieczeństwa: na prośbę podłączyć go lub zbliżyć do telefonu, a następnie go dotknąć.
security-webauthn-label = Nazwa (opcjonalnie)
security-webauthn-label-hint = Aby go później rozpoznać, np. „Laptop służbowy”.
security-webauthn-start = Dalej
security-webauthn-working = Prosimy postępować zgodnie z instrukcjami przeglądarki…
security-webauthn-cancelled = Operacja została anulowana lub upłynął limit czasu. Prosimy spróbować ponownie.
security-webauthn-failed = Nie udało się dodać. Prosimy spróbować ponownie.

## Kody odzyskiwania, potwierdzenia oraz początek i koniec sesji.

security-codes-title = Nowe kody odzyskiwania
security-codes-lead = Każdy kod działa jeden raz. Prosimy je wydrukować lub zapisać i przechowywać w bezpiecznym miejscu: są wyświetlane tylko teraz. Poprzednie kody już nie działają.
security-done = Gotowe
security-confirm-title = Zweryfikowano
security-confirm-lead = Tożsamość została potwierdzona. Usunąć ten sposób?
security-confirm-add-lead = Tożsamość została potwierdzona. Dalej, aby dodać:
security-cancel = Zachowaj
security-opening-title = Otwieranie centrum bezpieczeństwa
security-opening-lead = Chwileczkę…
security-continue = Dalej
security-signed-out-title = Wylogowano
security-signed-out-lead = Opuścił(a) Pan/Pani centrum bezpieczeństwa.
security-step-up-first-title = Najpierw potwierdzenie tożsamości
security-step-up-first-lead = Dodanie sposobu logowania do konta wymaga nowej weryfikacji.
security-verify-me = Potwierdź moją tożsamość

## Co poszło nie tak.

security-link-title = Ten link już nie działa
security-link-lead = Linki do centrum bezpieczeństwa działają jeden raz i przez 5 minut. Prosimy wrócić do aplikacji i ponownie otworzyć centrum bezpieczeństwa.
security-session-title = Sesja została zakończona
security-session-lead = Dla bezpieczeństwa centrum bezpieczeństwa zamyka się po 10 minutach bezczynności i łącznie po 30 minutach. Prosimy wrócić do aplikacji i otworzyć je ponownie.
security-csrf-title = Nie udało się sprawdzić tego żądania
security-csrf-lead = Nic nie zostało zmienione. Prosimy wrócić do centrum bezpieczeństwa, odświeżyć stronę i spróbować ponownie.
security-not-found-title = Nie znaleziono
security-not-found-lead = Tego sposobu nie ma na koncie.
security-step-up-title = Nie zweryfikowano
security-step-up-lead = Ta weryfikacja nie została ukończona lub została już wykorzystana. Nic nie zostało zmienione.
security-unsatisfiable-lead = Aby zmienić sposoby, trzeba potwierdzić tożsamość uwierzytelniaczem i kodem wysłanym e-mailem lub SMS-em, a to konto tego nie umożliwia. Prosimy o kontakt z obsługą.
security-locked-lead = Zbyt wiele błędnych kodów: konto jest na pewien czas zablokowane. Prosimy spróbować później.
security-expired-lead = Konfiguracja czekała zbyt długo. Prosimy zacząć od nowa.
security-error-lead = Nic nie zostało zmienione. Prosimy spróbować ponownie za chwilę.

## Sesje.

security-sessions = Sesje
security-sessions-lead = Nierozpoznaną sesję należy zakończyć.
security-this-session = Ta sesja
security-browser-on = { $browser } w systemie { $system }
security-unknown-browser = Nieznana przeglądarka
# Po nim następują data i godzina.
security-opened = Otwarta
# Po nim następują data i godzina.
security-last-active = ostatnia aktywność
security-end-session = Zakończ tę sesję
security-end-others = Zakończ wszystkie pozostałe sesje
security-end-others-offer = Czy ta zmiana wynika z czegoś podejrzanego? Warto zakończyć także pozostałe sesje.

## Ostatnie zdarzenia. $kind: jak w security-kind; $purpose: jak w code-action.

security-event-factor-activated = Dodano sposób: { security-kind }
security-event-factor-removed = Usunięto sposób: { security-kind }
security-event-recovery-codes = Nowe kody odzyskiwania
security-event-factor-activation-failed = Błędny kod podczas dodawania sposobu
security-event-factor-possible-clone = Klucz bezpieczeństwa wyglądał na skopiowany i został odrzucony
# $field: email lub phone.
security-event-contact-changed =
    { $field ->
        [email] Zmieniono e-mail
       *[phone] Zmieniono telefon
    }
security-event-challenge-approved = Zweryfikowano: { code-action }
security-event-challenge-failed = Weryfikacja nieudana: { code-action }
security-event-challenge-denied = Odrzucono na zaufanym urządzeniu: { code-action }
security-event-challenge-code-rejected = Wpisano błędny kod
security-event-user-locked = Konto zablokowane po błędnych kodach
security-event-portal-session-opened = Otwarto centrum bezpieczeństwa
security-event-portal-session-revoked = Zakończono sesję centrum bezpieczeństwa
