### Die gehostete Bestätigungsseite (/verify/…).

verify-title = Bestätigen Sie, dass Sie es sind
# $purpose: wie in code-action.
verify-lead = { $service } bittet um Ihre Bestätigung für { code-action }.
verify-payment = Die Zahlung, die Sie freigeben
verify-amount = Betrag
verify-payee = An
verify-destination = Konto oder Adresse
verify-done = Fertig
verify-method =
    { $method ->
        [webauthn] Passkey oder Sicherheitsschlüssel
        [device] Ihr angemeldetes Gerät
        [totp] Authenticator-App
        [hotp] Code-Token
        [email] E-Mail
        [sms] SMS
        [voice] Anruf
       *[recovery_code] Wiederherstellungscode
    }
verify-send =
    { $channel ->
        [sms] Code per SMS senden
        [voice] Stattdessen anrufen
       *[email] Code per E-Mail senden
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Geben Sie den an { $to } gesendeten Code ein
verify-code-totp = Geben Sie den Code aus Ihrer Authenticator-App ein
verify-code-hotp = Geben Sie den Code von Ihrem Token ein
verify-code-recovery = Geben Sie einen Ihrer Wiederherstellungscodes ein
verify-verify = Bestätigen
verify-resend-wait = Sie können in { $time } einen neuen Code anfordern.
verify-resend-ready = Sie können jetzt einen neuen Code anfordern.
verify-not-received = Keinen Code erhalten?
verify-other-ways = Andere Möglichkeiten zur Bestätigung
verify-choose = Wählen Sie, wie Sie bestätigen möchten
verify-passkey = Meinen Passkey oder Sicherheitsschlüssel verwenden
verify-passkey-hint = Ihr Smartphone oder Computer fragt nach Fingerabdruck, Gesicht, PIN oder Schlüssel.
verify-device = Öffnen Sie { $service } auf Ihrem angemeldeten Gerät und wählen Sie die Zahl { $number }.
verify-device-waiting = Warten auf Ihre Freigabe auf dem Gerät…
verify-device-check = Ich habe freigegeben
verify-next-step = Noch ein Schritt: Bestätigen Sie mit einer dieser Möglichkeiten.
verify-cancel = Das war ich nicht: abbrechen

## Nach Abschluss der Bestätigung.

verify-finished-approved = Sie sind bestätigt.
verify-finished-held = Bestätigt. Zu Ihrem Schutz wird diese Auszahlung bis zum { $until } zurückgehalten, da Ihre Sicherheitseinstellungen kürzlich geändert wurden.
verify-finished-failed = Diese Bestätigung ist fehlgeschlagen. Beginnen Sie erneut bei { $service }.
verify-finished-expired = Diese Bestätigung ist abgelaufen. Beginnen Sie erneut bei { $service }.
verify-finished-cancelled = Diese Bestätigung wurde abgebrochen.
verify-finished-denied = Sie haben diese Anfrage auf Ihrem Gerät abgelehnt.
verify-back-to = Zurück zu { $service }
verify-not-found-title = Bestätigung nicht gefunden
verify-not-found-lead = Dieser Link ist ungültig. Beginnen Sie erneut auf der Website oder in der App, die Sie verwendet haben.

## Was bei der letzten Aktion schiefgelaufen ist. $attempts: verbleibende Versuche.

verify-error-wrong-code = Dieser Code ist nicht korrekt. Verbleibende Versuche: { $attempts }.
verify-error-credential-refused = Dieser Passkey oder Sicherheitsschlüssel wurde nicht akzeptiert. Verbleibende Versuche: { $attempts }.
verify-error-too-many-attempts = Zu viele falsche Codes: Diese Bestätigung ist fehlgeschlagen.
verify-error-resend-too-soon = Bitte warten Sie kurz, bevor Sie einen weiteren Code anfordern.
verify-error-delivery-failed = Wir konnten den Code nicht senden. Wählen Sie unten eine andere Möglichkeit.
verify-error-rate-limited = Es wurden zu viele Codes gesendet. Wählen Sie eine andere Möglichkeit oder versuchen Sie es später erneut.
verify-error-locked = Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es später erneut.
verify-error-method-unavailable = Diese Möglichkeit steht für diese Bestätigung nicht zur Verfügung.
verify-error-expired = Diese Bestätigung ist abgelaufen.
verify-error-closed = Diese Bestätigung ist bereits abgeschlossen.
verify-error-other = Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.
