### Het beveiligingscentrum (/security).

security-title = Beveiligingscentrum
security-lead = De manieren waarop u bewijst dat u het bent, en wat er onlangs met uw account is gebeurd.
security-methods = Manieren om te bewijzen dat u het bent
security-no-methods = Nog geen authenticator. Voeg er een toe: codes alleen per sms of e-mail zijn makkelijk te stelen.
security-add-method = Methode toevoegen
security-add-totp = Authenticator-app toevoegen
security-add-passkey = Passkey toevoegen
security-add-security-key = Beveiligingssleutel toevoegen
security-devices = Vertrouwde apparaten
security-no-devices = Geen vertrouwd apparaat.
security-recovery = Herstelcodes
security-recovery-left = Nog { $n } van de 10 codes over.
security-no-recovery = Geen herstelcodes. Maak ze aan en bewaar ze op een veilige plek, voor het geval u uw andere methoden kwijtraakt.
security-new-recovery = Nieuwe herstelcodes aanmaken
security-contacts = E-mail en telefoon
security-email = E-mail
security-phone = Telefoon
security-verified = Geverifieerd
security-unverified = Niet geverifieerd
security-none = Geen
security-activity = Recente beveiligingsactiviteit
security-no-activity = Nog niets.
# Gevolgd door een datum en tijd.
security-added = Toegevoegd op
# Gevolgd door een datum en tijd.
security-last-used = laatst gebruikt op
security-never-used = nooit gebruikt
security-remove = Verwijderen
security-sign-out = Uitloggen
security-back-to-app = Terug naar de app
security-back = Terug naar het beveiligingscentrum
security-strength =
    { $strength ->
        [phishing_resistant] Phishingbestendig
        [strong] Sterk
        [backup] Reserve
       *[weaker] Zwakker
    }
security-kind =
    { $kind ->
        [passkey] Passkey
        [webauthn] Passkey
        [security_key] Beveiligingssleutel
        [device] Vertrouwd apparaat
        [totp] Authenticator-app
        [hotp] Hardwaretoken
       *[recovery_codes] Herstelcodes
    }
security-sent-codes = Codes per sms, telefoon of e-mail
security-notice-added = Gelukt: de methode is toegevoegd. We hebben een melding gestuurd naar uw geverifieerde e-mailadres en telefoonnummer.
security-notice-removed = Gelukt: de methode is verwijderd. We hebben een melding gestuurd naar uw geverifieerde e-mailadres en telefoonnummer.
security-notice-session-ended = Gelukt: die sessie is beëindigd.
security-notice-others-ended = Gelukt: uw andere sessies zijn beëindigd.

## Een authenticator-app toevoegen.

security-totp-title = Authenticator-app toevoegen
security-totp-scan = Scan deze QR-code met uw authenticator-app (Google Authenticator, Aegis, 1Password…) en voer daarna de code in die de app toont.
security-totp-qr = QR-code om te scannen met uw authenticator-app
security-totp-key = Lukt scannen niet? Voer deze sleutel in de app in:
security-totp-open = Openen in een authenticator-app op dit apparaat
security-totp-code = Code uit de app
security-totp-code-hint = 6 cijfers. Deze sleutel wordt alleen nu getoond.
security-activate = Activeren
security-wrong-code = Deze code klopt niet. Controleer de app en probeer het opnieuw.

## Een passkey of beveiligingssleutel toevoegen.

security-passkey-title = Passkey toevoegen
security-passkey-lead = Uw telefoon of computer bewaart de passkey en ontgrendelt hem met uw vingerafdruk, gezicht of pincode. Hij werkt alleen op deze website, dus een nepsite krijgt niets.
security-security-key-title = Beveiligingssleutel toevoegen
security-security-key-lead = Houd uw beveiligingssleutel bij de hand: steek hem in of houd hem bij uw telefoon wanneer daarom wordt gevraagd, en raak hem dan aan.
security-webauthn-label = Naam (optioneel)
security-webauthn-label-hint = Om hem later te herkennen, bijv. "Werklaptop".
security-webauthn-start = Doorgaan
security-webauthn-working = Volg de instructies van uw browser…
security-webauthn-cancelled = Dit is geannuleerd of duurde te lang. Probeer het opnieuw.
security-webauthn-failed = Toevoegen is niet gelukt. Probeer het opnieuw.

## Herstelcodes, bevestigingen, en het begin en einde van de sessie.

security-codes-title = Uw nieuwe herstelcodes
security-codes-lead = Elke code werkt één keer. Print ze of schrijf ze op en bewaar ze op een veilige plek: ze worden alleen nu getoond. Uw eerdere codes werken niet meer.
security-done = Klaar
security-confirm-title = Geverifieerd
security-confirm-lead = U heeft bewezen dat u het bent. Deze methode verwijderen?
security-confirm-add-lead = U heeft bewezen dat u het bent. Ga verder om toe te voegen:
security-cancel = Behouden
security-opening-title = Uw beveiligingscentrum wordt geopend
security-opening-lead = Een ogenblik…
security-continue = Doorgaan
security-signed-out-title = Uitgelogd
security-signed-out-lead = U heeft het beveiligingscentrum verlaten.
security-step-up-first-title = Bevestig eerst dat u het bent
security-step-up-first-lead = Voor het toevoegen van een manier om in te loggen op uw account is een nieuwe verificatie nodig.
security-verify-me = Bevestigen dat ik het ben

## Wat er misging.

security-link-title = Deze link werkt niet meer
security-link-lead = Links naar het beveiligingscentrum werken één keer en 5 minuten lang. Ga terug naar de app en open het beveiligingscentrum opnieuw.
security-session-title = Uw sessie is beëindigd
security-session-lead = Voor uw veiligheid sluit het beveiligingscentrum na 10 minuten zonder activiteit en na 30 minuten in totaal. Ga terug naar de app en open het opnieuw.
security-csrf-title = Dit verzoek kon niet worden gecontroleerd
security-csrf-lead = Er is niets gewijzigd. Ga terug naar het beveiligingscentrum, vernieuw de pagina en probeer het opnieuw.
security-not-found-title = Niet gevonden
security-not-found-lead = Deze methode hoort niet bij uw account.
security-step-up-title = Niet geverifieerd
security-step-up-lead = Deze verificatie is niet afgerond of is al gebruikt. Er is niets gewijzigd.
security-unsatisfiable-lead = Om uw methoden te wijzigen moet u bewijzen dat u het bent met een authenticator en een code per e-mail of sms, en dat kan met dit account niet. Neem contact op met de klantenservice.
security-locked-lead = Te veel onjuiste codes: uw account is tijdelijk geblokkeerd. Probeer het later opnieuw.
security-expired-lead = Het instellen heeft te lang geduurd. Begin opnieuw.
security-error-lead = Er is niets gewijzigd. Probeer het zo opnieuw.

## Sessies.

security-sessions = Uw sessies
security-sessions-lead = Herkent u een sessie niet? Beëindig die dan.
security-this-session = Deze sessie
security-browser-on = { $browser } op { $system }
security-unknown-browser = Onbekende browser
# Gevolgd door een datum en tijd.
security-opened = Geopend op
# Gevolgd door een datum en tijd.
security-last-active = laatst actief op
security-end-session = Deze sessie beëindigen
security-end-others = Alle andere sessies beëindigen
security-end-others-offer = Heeft u deze wijziging gedaan omdat er iets niet klopte? Beëindig dan ook uw andere sessies.

## Recente activiteit. $kind: zoals in security-kind; $purpose: zoals in code-action.

security-event-factor-activated = Methode toegevoegd: { security-kind }
security-event-factor-removed = Methode verwijderd: { security-kind }
security-event-recovery-codes = Nieuwe herstelcodes
security-event-factor-activation-failed = Onjuiste code bij het toevoegen van een methode
security-event-factor-possible-clone = Een beveiligingssleutel leek gekopieerd en is geweigerd
security-event-contact-changed =
    { $field ->
        [email] E-mailadres gewijzigd
       *[phone] Telefoonnummer gewijzigd
    }
security-event-challenge-approved = Geverifieerd: verzoek om { code-action }
security-event-challenge-failed = Verificatie mislukt: verzoek om { code-action }
security-event-challenge-denied = Geweigerd op een vertrouwd apparaat: verzoek om { code-action }
security-event-challenge-code-rejected = Onjuiste code ingevoerd
security-event-user-locked = Account geblokkeerd na onjuiste codes
security-event-portal-session-opened = Beveiligingscentrum geopend
security-event-portal-session-revoked = Sessie in het beveiligingscentrum beëindigd
