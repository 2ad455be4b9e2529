### Das Support-Center (/support) und seine Selbstbedienungs-Werkzeuge.

support-title = Support-Center
support-lead = Werkzeuge zur Selbsthilfe. Niemand vom Support wird Sie jemals nach Ihren Codes fragen.
support-join-tool = An einem Video-Termin teilnehmen
support-join-tool-hint = Weisen Sie sich aus und nehmen Sie dann an dem mit unserem Support-Team vereinbarten Anruf teil.
support-check-tool = Prüfen, ob ein Mitarbeiter echt ist
support-check-tool-hint = Jemand gibt sich als Support aus? Prüfen Sie den Code, den er Ihnen vorliest.
support-join-title = An Ihrem Videoanruf teilnehmen
support-join-lead = Geben Sie den Termincode ein, den Sie im Gespräch mit dem Support erhalten haben.
support-appointment-code = Termincode
support-appointment-code-hint = 12 Buchstaben und Ziffern, z. B. 7KQ2-9XMD-4TPR
support-continue = Weiter
support-verify-lead = Ihr Anruf mit
support-totp-code = Code aus Ihrer Authenticator-App
support-totp-hint = Der 6-stellige Code, den Ihre App für dieses Konto anzeigt.
support-email-code = Per E-Mail erhaltener Code
support-email-hint = Wir haben ihn gesendet an
support-verify-button = Bestätigen und teilnehmen
support-join-button = Am Videoanruf teilnehmen
support-check-title = Ist dieser Mitarbeiter echt?
support-check-lead = Bitten Sie den Mitarbeiter, seinen Code vorzulesen, und geben Sie ihn zusammen mit Ihrem Termincode ein.
support-agent-code = Code des Mitarbeiters
support-check-button = Prüfen

## Was das Skript der Seite anzeigt (data-msg-*-Attribute). Das Skript
## setzt $agent und $n selbst ein: Die Seite enthält dort "{agent}" und
## "{n}", eine Pluralform wählt hier also ihre "other"-Form.

support-msg-working = Einen Moment…
support-msg-verified = Sie sind bestätigt. Sie können jetzt am Anruf teilnehmen.
support-msg-genuine = Echt: { $agent } gehört zu unserem Support-Team.
support-msg-not-genuine = Dieser Code ist nicht korrekt. Geben Sie nichts preis, beenden Sie das Gespräch und kontaktieren Sie uns über unsere Website.
support-msg-not-found = Dieser Termincode ist unbekannt. Bitte prüfen Sie ihn und versuchen Sie es erneut.
support-msg-too-early = Es ist noch zu früh: Der Anruf öffnet 15 Minuten vor Beginn.
support-msg-too-late = Dieser Anruf ist beendet. Vereinbaren Sie einen neuen Termin mit dem Support.
support-msg-appointment-cancelled = Dieser Termin wurde abgesagt.
support-msg-invalid-code = Dieser Code ist nicht korrekt.
support-msg-attempts-left =
    { $n ->
        [one] Noch { $n } Versuch.
       *[other] Noch { $n } Versuche.
    }
support-msg-too-many-attempts = Zu viele falsche Codes. Beginnen Sie erneut mit Ihrem Termincode.
support-msg-rate-limited = Zu viele Versuche von dieser Verbindung.
support-msg-retry =
    { $n ->
        [one] Versuchen Sie es in { $n } Minute erneut.
       *[other] Versuchen Sie es in { $n } Minuten erneut.
    }
support-msg-locked = Ihr Konto ist nach zu vielen falschen Codes vorübergehend gesperrt.
support-msg-policy-unsatisfiable = Für bestätigte Anrufe ist eine Authenticator-App nötig. Richten Sie sie in den Sicherheitseinstellungen Ihres Kontos ein.
support-msg-expired = Diese Bestätigung ist abgelaufen. Bitte beginnen Sie erneut.
support-msg-not-join-session = Dieser Browser hat nicht an diesem Anruf teilgenommen. Beginnen Sie erneut mit Ihrem Termincode.
support-msg-error = Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.
