### Codes per SMS, Anruf und E-Mail. Jede Nachricht nennt den Dienst und
### den Vorgang, der freigegeben wird, und warnt, den Code nie weiterzugeben.
### SMS-Texte bleiben im GSM-7-Zeichensatz (keine typografischen
### Anführungszeichen oder Gedankenstriche).

# Was der Code freigibt, als Nominalgruppe nach "für".
code-action =
    { $purpose ->
        [login] die Anmeldung
        [withdrawal] die Freigabe einer Auszahlung
        [security_change] die Änderung Ihrer Sicherheitseinstellungen
        [support_call] die Teilnahme an Ihrem Support-Anruf
        [verify_contact] die Bestätigung dieser Kontaktangabe
       *[other] die Freigabe eines Vorgangs
    }
# $recipient: der Empfänger, das Ziel oder "Empfänger (Ziel)".
code-action-payment = { code-action }: { $amount } { $currency } an { $recipient }

## Die SMS: EIN Segment, WebOTP-Zeile ("@host #code") eingeschlossen, in
## jedem Fall (ein zweites verdoppelt die Kosten): 160 GSM-7-Zeichen, oder 70,
## sobald ein Zeichen nicht zu GSM-7 gehört. $service ist der Kurzname des
## Dienstes (höchstens 11 Zeichen); ein Test rendert den längsten Fall.

code-sms = { $code }: Code von { $service } für { $action }. Gültig { $minutes } Min. Nie weitergeben.
# Die SMS einer Zahlung: $recipient kommt so gekürzt, wie es passt ("Alice Mar...").
code-sms-payment = { $code }: Code von { $service } zur Zahlung von { $amount } { $currency } an { $recipient }. Nie weitergeben.
code-voice = Guten Tag. Hier ist { $service }. Ihr Code für { $action } lautet: { $digits }. Noch einmal, Ihr Code lautet: { $digits }. Geben Sie ihn niemals weiter. Auf Wiederhören.
# Die ersten Worte eines Anrufs: kein Code (eine Mailbox darf ihn nie aufzeichnen).
code-call-prompt = Guten Tag. Hier ist { $service } mit dem angeforderten Code für { $action }. Um ihn zu hören, drücken Sie jetzt eine beliebige Taste auf Ihrem Telefon.
code-call-goodbye = Es wurde keine Taste gedrückt, daher wird der Code nicht vorgelesen. Auf Wiederhören.
code-subject = { $code } ist Ihr Code von { $service }

## Die Absätze der E-Mail.

email-hello = Guten Tag,
code-email-intro = Ihr Code von { $service } für { $action } lautet:
code-email-expiry =
    { $minutes ->
        [one] Er ist { $minutes } Minute gültig. Geben Sie ihn niemals an andere weiter: { $service } wird Sie nie danach fragen.
       *[other] Er ist { $minutes } Minuten gültig. Geben Sie ihn niemals an andere weiter: { $service } wird Sie nie danach fragen.
    }
code-email-not-you = Wenn Sie diesen Code nicht angefordert haben, versucht möglicherweise jemand, Ihr Konto zu verwenden. Geben Sie ihn nirgends ein und ändern Sie am besten Ihr Passwort.
