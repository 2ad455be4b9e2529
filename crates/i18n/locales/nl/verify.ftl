### De gehoste verificatiepagina (/verify/…).

verify-title = Bevestig dat u het bent
# $purpose: zoals in code-action.
verify-lead = { $service } vraagt u om { code-action }.
verify-payment = De betaling die u goedkeurt
verify-amount = Bedrag
verify-payee = Aan
verify-destination = Rekening of adres
verify-done = Klaar
verify-method =
    { $method ->
        [webauthn] Passkey of beveiligingssleutel
        [device] Uw ingelogde apparaat
        [totp] Authenticator-app
        [hotp] Codetoken
        [email] E-mail
        [sms] Sms
        [voice] Telefoongesprek
       *[recovery_code] Herstelcode
    }
verify-send =
    { $channel ->
        [sms] Stuur mij een code per sms
        [voice] Bel mij liever
       *[email] Stuur mij een code per e-mail
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Voer de code in die naar { $to } is gestuurd
verify-code-totp = Voer de code in die uw authenticator-app toont
verify-code-hotp = Voer de code in die uw token toont
verify-code-recovery = Voer een van uw herstelcodes in
verify-verify = Verifiëren
verify-resend-wait = U kunt over { $time } een nieuwe code aanvragen.
verify-resend-ready = U kunt nu een nieuwe code aanvragen.
verify-not-received = Geen code ontvangen?
verify-other-ways = Andere manieren om te bevestigen
verify-choose = Kies hoe u wilt bevestigen
verify-passkey = Mijn passkey of beveiligingssleutel gebruiken
verify-passkey-hint = Uw telefoon of computer vraagt om uw vingerafdruk, gezicht, pincode of sleutel.
verify-device = Open { $service } op uw ingelogde apparaat en kies het getal { $number }.
verify-device-waiting = Wachten op uw goedkeuring op het apparaat…
verify-device-check = Ik heb het goedgekeurd
verify-next-step = Nog één stap: bevestig met een van deze manieren.
verify-cancel = Dit was ik niet: annuleren

## Als de verificatie voorbij is.

verify-finished-approved = U bent geverifieerd.
verify-finished-held = Bevestigd. Voor uw veiligheid wordt deze opname tot { $until } aangehouden, omdat uw beveiligingsinstellingen onlangs zijn gewijzigd.
verify-finished-failed = Deze verificatie is mislukt. Begin opnieuw vanuit { $service }.
verify-finished-expired = Deze verificatie is verlopen. Begin opnieuw vanuit { $service }.
verify-finished-cancelled = Deze verificatie is geannuleerd.
verify-finished-denied = U heeft dit verzoek op uw apparaat geweigerd.
verify-back-to = Terug naar { $service }
verify-not-found-title = Verificatie niet gevonden
verify-not-found-lead = Deze link is niet geldig. Begin opnieuw vanuit de website of app die u gebruikte.

## Wat er misging bij de laatste handeling. $attempts: de resterende pogingen.

verify-error-wrong-code = Die code klopt niet. Resterende pogingen: { $attempts }.
verify-error-credential-refused = Die passkey of beveiligingssleutel werd niet geaccepteerd. Resterende pogingen: { $attempts }.
verify-error-too-many-attempts = Te veel onjuiste codes: deze verificatie is mislukt.
verify-error-resend-too-soon = Wacht even voordat u een nieuwe code aanvraagt.
verify-error-delivery-failed = We konden de code niet versturen. Kies hieronder een andere manier.
verify-error-rate-limited = Er zijn te veel codes verstuurd. Kies een andere manier of probeer het later opnieuw.
verify-error-locked = Te veel mislukte pogingen. Probeer het later opnieuw.
verify-error-method-unavailable = Deze manier is niet beschikbaar voor deze verificatie.
verify-error-expired = Deze verificatie is verlopen.
verify-error-closed = Deze verificatie is al afgerond.
verify-error-other = Er ging iets mis. Probeer het opnieuw.
