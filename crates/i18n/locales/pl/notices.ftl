### Powiadomienia o bezpieczeństwie: wysyłane na każdy zweryfikowany kontakt,
### gdy zmienia się bezpieczeństwo konta, oraz alerty o tym, co zauważono.
### $service: nazwa serwisu; $when: data i godzina; $until: do kiedy
### wypłaty są wstrzymane.

notice-subject = Zmiana zabezpieczeń konta { $service }
notice-alert-subject = Alert bezpieczeństwa dotyczący konta { $service }

## Co się stało ($what poniżej). $factor: totp, hotp, webauthn, device lub
## recovery_codes.

notice-factor-added =
    { $factor ->
        [totp] do konta dodano aplikację uwierzytelniającą
        [hotp] do konta dodano sprzętowy token kodów
        [webauthn] do konta dodano klucz dostępu lub klucz bezpieczeństwa
        [device] do konta dodano zaufane urządzenie
       *[recovery_codes] do konta dodano zestaw kodów odzyskiwania
    }
notice-factor-removed =
    { $factor ->
        [totp] z konta usunięto aplikację uwierzytelniającą
        [hotp] z konta usunięto sprzętowy token kodów
        [webauthn] z konta usunięto klucz dostępu lub klucz bezpieczeństwa
        [device] z konta usunięto zaufane urządzenie
       *[recovery_codes] z konta usunięto zestaw kodów odzyskiwania
    }
notice-email-changed = zmieniono adres e-mail konta
notice-phone-changed = zmieniono numer telefonu konta
notice-codes-regenerated = utworzono nowe kody odzyskiwania (poprzednie już nie działają)
notice-totp-replayed = kod z aplikacji uwierzytelniającej został wpisany ponownie po tym, jak już go użyto, co nie zdarza się przy normalnym użyciu: ktoś inny może widzieć Pana/Pani kody
# $seen: device, country lub both.
notice-risky-sign-in =
    { $seen ->
        [device] ktoś zalogował się na konto z nowego urządzenia
        [country] ktoś zalogował się na konto z nowego kraju
       *[both] ktoś zalogował się na konto z nowego urządzenia w nowym kraju
    }

## SMS: JEDEN segment, 160 znaków GSM-7, więc bez polskich
## znaków; krótka nazwa serwisu ($service, do 11 znaków) i krótkie daty
## ($when, $until: „26.11 01:10 UTC”).

notice-sms-factor-added =
    { $factor ->
        [totp] dodano aplikacje uwierzytelniajaca
        [hotp] dodano token kodow
        [webauthn] dodano klucz dostepu/bezpieczenstwa
        [device] dodano zaufane urzadzenie
       *[recovery_codes] dodano kody odzyskiwania
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] usunieto aplikacje uwierzytelniajaca
        [hotp] usunieto token kodow
        [webauthn] usunieto klucz dostepu/bezpieczenstwa
        [device] usunieto zaufane urzadzenie
       *[recovery_codes] usunieto kody odzyskiwania
    }
notice-sms-email-changed = zmieniono adres e-mail
notice-sms-phone-changed = zmieniono numer telefonu
notice-sms-codes-regenerated = utworzono nowe kody odzyskiwania
notice-sms-totp-replayed = kod uzyty ponownie, mozliwy dostep osob trzecich
notice-sms-risky-sign-in =
    { $seen ->
        [device] logowanie z nowego urzadzenia
        [country] logowanie z nowego kraju
       *[both] logowanie z nowego urzadzenia i kraju
    }
notice-sms = { $service }: { $what } ({ $when }). To nie Pan/Pani? Prosimy o pilny kontakt z obsluga.
notice-sms-held = { $service }: { $what } ({ $when }). Nie Pan/Pani? Pilny kontakt z obsluga. Wyplaty wstrzymane do { $until }.

## Akapity e-maila (zaczyna się od email-hello).

notice-email-what = { $when }: { $what }.
notice-email-what-ip = { $when }, z adresu IP { $ip }: { $what }.
notice-email-if-you = Jeśli to Pan/Pani, nie trzeba nic robić.
notice-email-if-not-you = Jeśli to nie Pan/Pani, ktoś może mieć dostęp do konta: prosimy niezwłocznie skontaktować się z obsługą { $service } i nie podawać nikomu otrzymanych kodów.
notice-email-held = Dla Pana/Pani ochrony wypłaty są wstrzymane do { $until }.
notice-email-never-ask = { $service } nigdy nie poprosi o kod ani hasło.

## Połączenie, czytane przez głos: pełne zdania z polskimi znakami, długie
## daty ($when, $until: „26 lis 2026 o 01:10 UTC”), zawsze z wstrzymaniem
## wypłat; słowa e-maila bez adresu IP i bez „Pan/Pani”, które głos
## czytałby z ukośnikiem.

notice-call = To jest komunikat bezpieczeństwa od { $service }. { notice-email-what } Jeśli to Państwo, nie trzeba nic robić. Jeśli nie, ktoś może mieć dostęp do konta: prosimy niezwłocznie skontaktować się z obsługą { $service } i nie podawać nikomu otrzymanych kodów.
notice-call-held = { notice-call } Dla bezpieczeństwa wypłaty są wstrzymane do { $until }.
