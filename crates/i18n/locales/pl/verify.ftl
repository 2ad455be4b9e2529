### Strona weryfikacji (/verify/…).

verify-title = Potwierdzenie tożsamości
# $purpose: jak w code-action.
verify-lead = { $service } prosi o potwierdzenie operacji: { code-action }.
verify-payment = Zatwierdzana płatność
verify-amount = Kwota
verify-payee = Odbiorca
verify-destination = Rachunek lub adres
verify-done = Gotowe
# $method: webauthn, device, totp, hotp, email, sms, voice lub recovery_code.
verify-method =
    { $method ->
        [webauthn] Klucz dostępu lub klucz bezpieczeństwa
        [device] Urządzenie, na którym jest Pan/Pani zalogowany(-a)
        [totp] Aplikacja uwierzytelniająca
        [hotp] Token kodów
        [email] E-mail
        [sms] SMS
        [voice] Połączenie telefoniczne
       *[recovery_code] Kod odzyskiwania
    }
# $channel: sms, voice lub email.
verify-send =
    { $channel ->
        [sms] Wyślij kod SMS-em
        [voice] Zamiast tego zadzwoń
       *[email] Wyślij kod e-mailem
    }
# $to: zamaskowany numer telefonu lub adres.
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Prosimy wpisać kod wysłany na { $to }
verify-code-totp = Prosimy wpisać kod wyświetlany przez aplikację uwierzytelniającą
verify-code-hotp = Prosimy wpisać kod wyświetlany przez token
verify-code-recovery = Prosimy wpisać jeden z kodów odzyskiwania
verify-verify = Zweryfikuj
# $time: minuty i sekundy, „0:27”; skrypt strony odlicza czas.
verify-resend-wait = O nowy kod można poprosić za { $time }.
verify-resend-ready = Można już poprosić o nowy kod.
verify-not-received = Kod nie dotarł?
verify-other-ways = Inne sposoby potwierdzenia
verify-choose = Wybór sposobu potwierdzenia
verify-passkey = Użyj klucza dostępu lub klucza bezpieczeństwa
verify-passkey-hint = Telefon lub komputer poprosi o odcisk palca, twarz, PIN lub klucz.
verify-device = Prosimy otworzyć { $service } na urządzeniu, na którym jest Pan/Pani zalogowany(-a), i wybrać liczbę { $number }.
verify-device-waiting = Oczekiwanie na zatwierdzenie na urządzeniu…
verify-device-check = Zatwierdziłem(-am)
verify-next-step = Jeszcze jeden krok: prosimy potwierdzić jednym z tych sposobów.
verify-cancel = To nie ja: anuluj

## Po zakończeniu weryfikacji.

verify-finished-approved = Tożsamość potwierdzona.
verify-finished-held = Potwierdzono. Dla Pana/Pani bezpieczeństwa ta wypłata zostanie wstrzymana do { $until }, ponieważ ustawienia bezpieczeństwa zostały niedawno zmienione.
verify-finished-failed = Weryfikacja nie powiodła się. Prosimy zacząć od nowa w { $service }.
verify-finished-expired = Ta weryfikacja wygasła. Prosimy zacząć od nowa w { $service }.
verify-finished-cancelled = Ta weryfikacja została anulowana.
verify-finished-denied = Ta prośba została odrzucona na Pana/Pani urządzeniu.
verify-back-to = Powrót do { $service }
verify-not-found-title = Nie znaleziono weryfikacji
verify-not-found-lead = Ten link jest nieprawidłowy. Prosimy zacząć od nowa w serwisie lub aplikacji, z której Pan/Pani korzystał(a).

## Co poszło nie tak przy ostatnim działaniu. $attempts: pozostałe próby.

verify-error-wrong-code = Ten kod jest nieprawidłowy. Pozostałe próby: { $attempts }.
verify-error-credential-refused = Ten klucz dostępu lub klucz bezpieczeństwa nie został przyjęty. Pozostałe próby: { $attempts }.
verify-error-too-many-attempts = Zbyt wiele błędnych kodów: weryfikacja nie powiodła się.
verify-error-resend-too-soon = Prosimy chwilę poczekać przed poproszeniem o kolejny kod.
verify-error-delivery-failed = Nie udało się wysłać kodu. Prosimy wybrać inny sposób poniżej.
verify-error-rate-limited = Wysłano zbyt wiele kodów. Prosimy wybrać inny sposób lub spróbować później.
verify-error-locked = Zbyt wiele nieudanych prób. Prosimy spróbować później.
verify-error-method-unavailable = Ten sposób nie jest dostępny dla tej weryfikacji.
verify-error-expired = Ta weryfikacja wygasła.
verify-error-closed = Ta weryfikacja została już zakończona.
verify-error-other = Coś poszło nie tak. Prosimy spróbować ponownie.
