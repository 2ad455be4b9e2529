### Das Sicherheitscenter (/security).

security-title = Sicherheitscenter
security-lead = Wie Sie nachweisen, dass Sie es sind, und was zuletzt in Ihrem Konto geschehen ist.
security-methods = So weisen Sie sich aus
security-no-methods = Noch kein Authentifikator. Fügen Sie einen hinzu: Codes allein per SMS oder E-Mail lassen sich leicht stehlen.
security-add-method = Methode hinzufügen
security-add-totp = Authenticator-App hinzufügen
security-add-passkey = Passkey hinzufügen
security-add-security-key = Sicherheitsschlüssel hinzufügen
security-devices = Vertrauenswürdige Geräte
security-no-devices = Kein vertrauenswürdiges Gerät.
security-recovery = Wiederherstellungscodes
security-recovery-left = Noch { $n } von 10 Codes übrig.
security-no-recovery = Keine Wiederherstellungscodes. Erstellen Sie welche und bewahren Sie sie sicher auf, falls Sie Ihre anderen Methoden verlieren.
security-new-recovery = Neue Wiederherstellungscodes erstellen
security-contacts = E-Mail und Telefon
security-email = E-Mail
security-phone = Telefon
security-verified = Bestätigt
security-unverified = Nicht bestätigt
security-none = Keine
security-activity = Letzte Sicherheitsaktivitäten
security-no-activity = Noch nichts.
# Gefolgt von Datum und Uhrzeit.
security-added = Hinzugefügt am
# Gefolgt von Datum und Uhrzeit.
security-last-used = zuletzt verwendet am
security-never-used = nie verwendet
security-remove = Entfernen
security-sign-out = Abmelden
security-back-to-app = Zurück zur App
security-back = Zurück zum Sicherheitscenter
security-strength =
    { $strength ->
        [phishing_resistant] Phishing-resistent
        [strong] Stark
        [backup] Reserve
       *[weaker] Schwächer
    }
security-kind =
    { $kind ->
        [passkey] Passkey
        [webauthn] Passkey
        [security_key] Sicherheitsschlüssel
        [device] Vertrauenswürdiges Gerät
        [totp] Authenticator-App
        [hotp] Hardware-Token
       *[recovery_codes] Wiederherstellungscodes
    }
security-sent-codes = Codes per SMS, Anruf oder E-Mail
security-notice-added = Erledigt: Die Methode wurde hinzugefügt. Wir haben Ihre bestätigte E-Mail-Adresse und Telefonnummer benachrichtigt.
security-notice-removed = Erledigt: Die Methode wurde entfernt. Wir haben Ihre bestätigte E-Mail-Adresse und Telefonnummer benachrichtigt.
security-notice-session-ended = Erledigt: Diese Sitzung wurde beendet.
security-notice-others-ended = Erledigt: Ihre anderen Sitzungen wurden beendet.

## Eine Authenticator-App hinzufügen.

security-totp-title = Authenticator-App hinzufügen
security-totp-scan = Scannen Sie diesen QR-Code mit Ihrer Authenticator-App (Google Authenticator, Aegis, 1Password…) und geben Sie dann den angezeigten Code ein.
security-totp-qr = QR-Code zum Scannen mit Ihrer Authenticator-App
security-totp-key = Scannen nicht möglich? Geben Sie diesen Schlüssel in der App ein:
security-totp-open = In einer Authenticator-App auf diesem Gerät öffnen
security-totp-code = Code aus der App
security-totp-code-hint = 6 Ziffern. Dieser Schlüssel wird nur jetzt angezeigt.
security-activate = Aktivieren
security-wrong-code = Dieser Code ist nicht korrekt. Prüfen Sie die App und versuchen Sie es erneut.

## Einen Passkey oder Sicherheitsschlüssel hinzufügen.

security-passkey-title = Passkey hinzufügen
security-passkey-lead = Ihr Smartphone oder Computer speichert den Passkey und entsperrt ihn mit Fingerabdruck, Gesicht oder PIN. Er funktioniert nur auf dieser Website, eine gefälschte Seite erhält also nichts.
security-security-key-title = Sicherheitsschlüssel hinzufügen
security-security-key-lead = Halten Sie Ihren Sicherheitsschlüssel bereit: Stecken Sie ihn ein oder halten Sie ihn auf Aufforderung an Ihr Smartphone und berühren Sie ihn dann.
security-webauthn-label = Name (optional)
security-webauthn-label-hint = Damit Sie ihn später wiedererkennen, z. B. „Arbeitslaptop“.
security-webauthn-start = Weiter
security-webauthn-working = Folgen Sie den Anweisungen Ihres Browsers…
security-webauthn-cancelled = Der Vorgang wurde abgebrochen oder hat zu lange gedauert. Bitte versuchen Sie es erneut.
security-webauthn-failed = Das Hinzufügen ist fehlgeschlagen. Bitte versuchen Sie es erneut.

## Wiederherstellungscodes, Bestätigungen, Beginn und Ende der Sitzung.

security-codes-title = Ihre neuen Wiederherstellungscodes
security-codes-lead = Jeder Code funktioniert einmal. Drucken Sie sie aus oder schreiben Sie sie auf und bewahren Sie sie sicher auf: Sie werden nur jetzt angezeigt. Ihre bisherigen Codes sind nicht mehr gültig.
security-done = Fertig
security-confirm-title = Bestätigt
security-confirm-lead = Sie haben nachgewiesen, dass Sie es sind. Diese Methode entfernen?
security-confirm-add-lead = Sie haben nachgewiesen, dass Sie es sind. Weiter zum Hinzufügen:
security-cancel = Behalten
security-opening-title = Ihr Sicherheitscenter wird geöffnet
security-opening-lead = Einen Moment…
security-continue = Weiter
security-signed-out-title = Abgemeldet
security-signed-out-lead = Sie haben das Sicherheitscenter verlassen.
security-step-up-first-title = Bestätigen Sie zuerst, dass Sie es sind
security-step-up-first-lead = Um eine neue Anmeldemethode für Ihr Konto hinzuzufügen, ist eine erneute Bestätigung nötig.
security-verify-me = Ich bestätige, dass ich es bin

## Was schiefgelaufen ist.

security-link-title = Dieser Link funktioniert nicht mehr
security-link-lead = Links zum Sicherheitscenter funktionieren einmal und 5 Minuten lang. Kehren Sie zur App zurück und öffnen Sie das Sicherheitscenter erneut.
security-session-title = Ihre Sitzung ist beendet
security-session-lead = Zu Ihrer Sicherheit schließt das Sicherheitscenter nach 10 Minuten ohne Aktivität und nach insgesamt 30 Minuten. Kehren Sie zur App zurück und öffnen Sie es erneut.
security-csrf-title = Diese Anfrage konnte nicht geprüft werden
security-csrf-lead = Es wurde nichts geändert. Kehren Sie zum Sicherheitscenter zurück, laden Sie es neu und versuchen Sie es erneut.
security-not-found-title = Nicht gefunden
security-not-found-lead = Diese Methode gehört nicht zu Ihrem Konto.
security-step-up-title = Nicht bestätigt
security-step-up-lead = Diese Bestätigung wurde nicht abgeschlossen oder bereits verwendet. Es wurde nichts geändert.
security-unsatisfiable-lead = Um Ihre Methoden zu ändern, müssen Sie sich mit einem Authentifikator und einem Code per E-Mail oder SMS ausweisen, und das ist mit diesem Konto nicht möglich. Wenden Sie sich an den Support.
security-locked-lead = Zu viele falsche Codes: Ihr Konto ist vorübergehend gesperrt. Bitte versuchen Sie es später erneut.
security-expired-lead = Die Einrichtung hat zu lange gedauert. Bitte beginnen Sie erneut.
security-error-lead = Es wurde nichts geändert. Bitte versuchen Sie es gleich noch einmal.

## Sitzungen.

security-sessions = Ihre Sitzungen
security-sessions-lead = Wenn Sie eine Sitzung nicht erkennen, beenden Sie sie.
security-this-session = Diese Sitzung
security-browser-on = { $browser } unter { $system }
security-unknown-browser = Unbekannter Browser
# Gefolgt von Datum und Uhrzeit.
security-opened = Geöffnet am
# Gefolgt von Datum und Uhrzeit.
security-last-active = zuletzt aktiv am
security-end-session = Diese Sitzung beenden
security-end-others = Alle anderen Sitzungen beenden
security-end-others-offer = Haben Sie diese Änderung vorgenommen, weil Ihnen etwas verdächtig vorkam? Beenden Sie auch Ihre anderen Sitzungen.

## Letzte Aktivitäten. $kind: wie in security-kind; $purpose: wie in code-action
## (eine Nominalgruppe: "die Anmeldung").

security-event-factor-activated = Methode hinzugefügt: { security-kind }
security-event-factor-removed = Methode entfernt: { security-kind }
security-event-recovery-codes = Neue Wiederherstellungscodes
security-event-factor-activation-failed = Falscher Code beim Hinzufügen einer Methode
security-event-factor-possible-clone = Ein Sicherheitsschlüssel schien kopiert und wurde abgelehnt
security-event-contact-changed =
    { $field ->
        [email] E-Mail-Adresse geändert
       *[phone] Telefonnummer geändert
    }
security-event-challenge-approved = Bestätigung für { code-action } erfolgreich
security-event-challenge-failed = Bestätigung für { code-action } fehlgeschlagen
security-event-challenge-denied = Bestätigung für { code-action } auf einem vertrauenswürdigen Gerät abgelehnt
security-event-challenge-code-rejected = Falscher Code eingegeben
security-event-user-locked = Konto nach falschen Codes gesperrt
security-event-portal-session-opened = Sicherheitscenter geöffnet
security-event-portal-session-revoked = Sitzung im Sicherheitscenter beendet
