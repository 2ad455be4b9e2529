### Kody wysyłane SMS-em, połączeniem telefonicznym i e-mailem. Każda
### wiadomość podaje serwis i zatwierdzaną operację oraz ostrzega, by nikomu
### nie podawać kodu. $service: nazwa serwisu; $code: kod; $digits: kod
### przeliterowany do odczytu; $minutes: czas ważności; $action: code-action.

# Cel kodu (mianownik, po „Cel:”). Trafia do SMS-a, więc jest napisany bez
# polskich znaków spoza GSM-7 (ą, ę, ł, ś, ć, ń, ż, ź): wybrane słowa ich nie mają.
code-action =
    { $purpose ->
        [login] logowanie
        [withdrawal] autoryzacja przelewu
        [security_change] zmiana metod weryfikacji
        [support_call] rozmowa wideo z konsultantem
        [verify_contact] potwierdzenie tego kontaktu
       *[other] potwierdzenie operacji
    }
# Operacja wraz z zatwierdzaną płatnością.
# $recipient: odbiorca, cel lub „odbiorca (cel)”.
code-action-payment = { code-action }: { $amount } { $currency } dla { $recipient }

## SMS: JEDEN segment, łącznie z wierszem WebOTP („@host #code”): 160 znaków
## GSM-7, albo 70, jeśli choć jeden znak jest spoza GSM-7 (ą, ę, ł, …). Dlatego
## SMS-y są pisane bez polskich znaków, jak to jest powszechnie przyjęte.

code-sms = { $code } - kod { $service }. Cel: { $action }. Wazny { $minutes } min. Nie podawac nikomu.
# SMS płatności: $recipient przychodzi skrócony do tego, co się mieści („Alice Mar...”).
code-sms-payment = { $code }: kod { $service }, przelew { $amount } { $currency } dla { $recipient }. Nie podawac nikomu.
code-voice = Dzień dobry. Tu { $service }. Cel kodu: { $action }. Kod to: { $digits }. Powtarzam, kod to: { $digits }. Prosimy nikomu go nie podawać. Do widzenia.
# Pierwsze słowa połączenia: bez kodu (poczta głosowa nie może go nagrać).
code-call-prompt = Dzień dobry. Tu { $service }, z zamówionym kodem. Cel kodu: { $action }. Aby go usłyszeć, prosimy teraz nacisnąć dowolny klawisz na telefonie.
code-call-goodbye = Nie naciśnięto żadnego klawisza, więc kod nie zostanie odczytany. Do widzenia.
code-subject = { $code } to kod { $service }

## Akapity e-maila.

email-hello = Dzień dobry,
code-email-intro = Kod { $service } (cel: { $action }):
code-email-expiry =
    { $minutes ->
        [one] Wygasa za { $minutes } minutę. Prosimy nikomu go nie podawać: { $service } nigdy o niego nie poprosi.
        [few] Wygasa za { $minutes } minuty. Prosimy nikomu go nie podawać: { $service } nigdy o niego nie poprosi.
       *[other] Wygasa za { $minutes } minut. Prosimy nikomu go nie podawać: { $service } nigdy o niego nie poprosi.
    }
code-email-not-you = Jeśli nie prosił(a) Pan/Pani o ten kod, ktoś może próbować użyć Pana/Pani konta. Prosimy nigdzie go nie wpisywać i rozważyć zmianę hasła.
