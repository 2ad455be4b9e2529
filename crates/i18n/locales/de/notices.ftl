### Sicherheitshinweise an jeden bestätigten Kontakt, wenn sich die
### Sicherheit des Kontos ändert, und Warnungen über Auffälligkeiten.

notice-subject = Sicherheitsänderung in Ihrem Konto bei { $service }
notice-alert-subject = Sicherheitswarnung zu Ihrem Konto bei { $service }

## Was passiert ist ($what unten). Der Satz beginnt mit der Zeitangabe
## ("Am … wurde …"), daher steht das Verb hier vorn.

notice-factor-added =
    { $factor ->
        [totp] wurde Ihrem Konto eine Authenticator-App hinzugefügt
        [hotp] wurde Ihrem Konto ein Hardware-Token für Codes hinzugefügt
        [webauthn] wurde Ihrem Konto ein Passkey oder Sicherheitsschlüssel hinzugefügt
        [device] wurde Ihrem Konto ein vertrauenswürdiges Gerät hinzugefügt
       *[recovery_codes] wurden Ihrem Konto Wiederherstellungscodes hinzugefügt
    }
notice-factor-removed =
    { $factor ->
        [totp] wurde eine Authenticator-App aus Ihrem Konto entfernt
        [hotp] wurde ein Hardware-Token für Codes aus Ihrem Konto entfernt
        [webauthn] wurde ein Passkey oder Sicherheitsschlüssel aus Ihrem Konto entfernt
        [device] wurde ein vertrauenswürdiges Gerät aus Ihrem Konto entfernt
       *[recovery_codes] wurden Wiederherstellungscodes aus Ihrem Konto entfernt
    }
notice-email-changed = wurde die E-Mail-Adresse Ihres Kontos geändert
notice-phone-changed = wurde die Telefonnummer Ihres Kontos geändert
notice-codes-regenerated = wurden neue Wiederherstellungscodes erstellt (die alten sind nicht mehr gültig)
notice-totp-replayed = wurde ein Code aus Ihrer Authenticator-App erneut eingegeben, obwohl er bereits verwendet worden war. Das kommt bei normaler Nutzung nicht vor: Möglicherweise sieht jemand anderes Ihre Codes
notice-risky-sign-in =
    { $seen ->
        [device] hat sich jemand von einem neuen Gerät aus bei Ihrem Konto angemeldet
        [country] hat sich jemand aus einem neuen Land bei Ihrem Konto angemeldet
       *[both] hat sich jemand von einem neuen Gerät aus einem neuen Land bei Ihrem Konto angemeldet
    }

## Die SMS: EIN Segment, 160 GSM-7-Zeichen (70, sobald eines
## nicht zu GSM-7 gehört), mit dem Kurznamen des Dienstes ($service, höchstens
## 11 Zeichen) und kurzen Daten ($when, $until: "26. Nov., 01:10 UTC"). Was
## passiert ist ($what), steht in wenigen Worten da.

notice-sms-factor-added =
    { $factor ->
        [totp] Authenticator-App hinzugefügt
        [hotp] Code-Token hinzugefügt
        [webauthn] Passkey/Sicherheitsschlüssel hinzugefügt
        [device] Vertrauenswürdiges Gerät hinzugefügt
       *[recovery_codes] Wiederherstellungscodes hinzugefügt
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] Authenticator-App entfernt
        [hotp] Code-Token entfernt
        [webauthn] Passkey/Sicherheitsschlüssel entfernt
        [device] Vertrauenswürdiges Gerät entfernt
       *[recovery_codes] Wiederherstellungscodes entfernt
    }
notice-sms-email-changed = E-Mail-Adresse geändert
notice-sms-phone-changed = Telefonnummer geändert
notice-sms-codes-regenerated = Neue Wiederherstellungscodes erstellt
notice-sms-totp-replayed = Code doppelt genutzt, Fremdzugriff möglich
notice-sms-risky-sign-in =
    { $seen ->
        [device] Anmeldung von einem neuen Gerät
        [country] Anmeldung aus einem neuen Land
       *[both] Anmeldung von neuem Gerät in neuem Land
    }
notice-sms = { $service }: { $what } ({ $when }). Nicht Sie? Support kontaktieren.
notice-sms-held = { $service }: { $what } ({ $when }). Nicht Sie? Support kontaktieren. Auszahlungen bis { $until } gesperrt.

## Die Absätze der E-Mail (sie beginnt mit email-hello).

notice-email-what = Am { $when } { $what }.
notice-email-what-ip = Am { $when } (IP-Adresse { $ip }) { $what }.
notice-email-if-you = Wenn Sie das waren, müssen Sie nichts tun.
notice-email-if-not-you = Wenn nicht, hat möglicherweise jemand Zugriff auf Ihr Konto: Wenden Sie sich sofort an den Support von { $service } und geben Sie keinen Code weiter, den Sie erhalten.
notice-email-held = Zu Ihrem Schutz sind Auszahlungen bis zum { $until } gesperrt.
notice-email-never-ask = { $service } wird Sie niemals nach einem Code oder Passwort fragen.

## Der Anruf, von einer Stimme vorgelesen: ganze Sätze, lange Daten
## ($when, $until: "26. Nov. 2026 um 01:10 UTC"), die Sperre immer; die
## Worte der E-Mail ohne IP-Adresse.

notice-call = Dies ist eine Sicherheitsmitteilung zu Ihrem Konto bei { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
