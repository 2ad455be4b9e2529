### Beveiligingsmeldingen: naar elk geverifieerd contactgegeven wanneer de
### beveiliging van het account verandert, en waarschuwingen over iets
### opvallends.

notice-subject = Beveiligingswijziging in uw account bij { $service }
notice-alert-subject = Beveiligingswaarschuwing voor uw account bij { $service }

## Wat er gebeurde ($what hieronder). De zin begint met het tijdstip
## ("Op … is …"), dus het werkwoord staat hier vooraan.

notice-factor-added =
    { $factor ->
        [totp] is er een authenticator-app aan uw account toegevoegd
        [hotp] is er een hardwaretoken voor codes aan uw account toegevoegd
        [webauthn] is er een passkey of beveiligingssleutel aan uw account toegevoegd
        [device] is er een vertrouwd apparaat aan uw account toegevoegd
       *[recovery_codes] is er een set herstelcodes aan uw account toegevoegd
    }
notice-factor-removed =
    { $factor ->
        [totp] is er een authenticator-app uit uw account verwijderd
        [hotp] is er een hardwaretoken voor codes uit uw account verwijderd
        [webauthn] is er een passkey of beveiligingssleutel uit uw account verwijderd
        [device] is er een vertrouwd apparaat uit uw account verwijderd
       *[recovery_codes] is er een set herstelcodes uit uw account verwijderd
    }
notice-email-changed = is het e-mailadres van uw account gewijzigd
notice-phone-changed = is het telefoonnummer van uw account gewijzigd
notice-codes-regenerated = zijn er nieuwe herstelcodes aangemaakt (de oude werken niet meer)
notice-totp-replayed = is een code uit uw authenticator-app opnieuw ingevoerd nadat die al was gebruikt, wat bij normaal gebruik niet gebeurt: misschien ziet iemand anders uw codes
notice-risky-sign-in =
    { $seen ->
        [device] heeft iemand vanaf een nieuw apparaat ingelogd op uw account
        [country] heeft iemand vanuit een nieuw land ingelogd op uw account
       *[both] heeft iemand vanaf een nieuw apparaat in een nieuw land ingelogd op uw account
    }

## De sms: ÉÉN segment, 160 GSM-7-tekens (70 als er één
## buiten GSM-7 valt), met de korte naam van de dienst ($service, hooguit 11
## tekens) en korte datums ($when, $until: "26 nov. 01:10 UTC"). Wat er
## gebeurde ($what) staat er in een paar woorden.

notice-sms-factor-added =
    { $factor ->
        [totp] authenticator-app toegevoegd
        [hotp] codetoken toegevoegd
        [webauthn] passkey of beveiligingssleutel toegevoegd
        [device] vertrouwd apparaat toegevoegd
       *[recovery_codes] herstelcodes toegevoegd
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] authenticator-app verwijderd
        [hotp] codetoken verwijderd
        [webauthn] passkey of beveiligingssleutel verwijderd
        [device] vertrouwd apparaat verwijderd
       *[recovery_codes] herstelcodes verwijderd
    }
notice-sms-email-changed = e-mailadres gewijzigd
notice-sms-phone-changed = telefoonnummer gewijzigd
notice-sms-codes-regenerated = nieuwe herstelcodes aangemaakt
notice-sms-totp-replayed = code hergebruikt: iemand kan uw codes zien
notice-sms-risky-sign-in =
    { $seen ->
        [device] ingelogd vanaf een nieuw apparaat
        [country] ingelogd vanuit een nieuw land
       *[both] ingelogd vanaf nieuw apparaat in nieuw land
    }
notice-sms = { $service }: { $what } ({ $when }). Was u dit niet? Neem direct contact op.
notice-sms-held = { $service }: { $what } ({ $when }). Was u dit niet? Neem direct contact op. Opnames geblokkeerd tot { $until }.

## De alinea's van de e-mail (begint met email-hello).

notice-email-what = Op { $when } { $what }.
notice-email-what-ip = Op { $when } (IP-adres { $ip }) { $what }.
notice-email-if-you = Was u dit zelf? Dan hoeft u niets te doen.
notice-email-if-not-you = Was u het niet, dan heeft iemand misschien toegang tot uw account: neem direct contact op met de klantenservice van { $service } en deel geen enkele code die u ontvangt.
notice-email-held = Voor uw veiligheid worden opnames tot { $until } aangehouden.
notice-email-never-ask = { $service } zal u nooit om een code of wachtwoord vragen.

## Het gesprek, voorgelezen door een stem: hele zinnen, lange datums ($when,
## $until: "26 nov. 2026 om 01:10 UTC"), altijd de blokkering; de woorden
## van de e-mail zonder het IP-adres.

notice-call = Dit is een beveiligingsbericht van { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
