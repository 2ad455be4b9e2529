### De klantenservice (/support) en de selfservicehulpmiddelen.

support-title = Klantenservice
support-lead = Selfservice. Niemand van de klantenservice zal ooit om uw codes vragen.
support-join-tool = Deelnemen aan een videoafspraak
support-join-tool-hint = Bewijs dat u het bent en neem deel aan het gesprek dat u met ons team heeft gepland.
support-check-tool = Controleren of een medewerker echt is
support-check-tool-hint = Zegt iemand van de klantenservice te zijn? Controleer de code die hij of zij voorleest.
support-join-title = Deelnemen aan uw videogesprek
support-join-lead = Voer de afspraakcode in die u in uw gesprek met de klantenservice heeft gekregen.
support-appointment-code = Afspraakcode
support-appointment-code-hint = 12 letters en cijfers, bijv. 7KQ2-9XMD-4TPR
support-continue = Doorgaan
support-verify-lead = Uw gesprek met
support-totp-code = Code uit uw authenticator-app
support-totp-hint = De 6-cijferige code die uw app voor dit account toont.
support-email-code = Code per e-mail ontvangen
support-email-hint = We hebben hem gestuurd naar
support-verify-button = Verifiëren en deelnemen
support-join-button = Deelnemen aan het videogesprek
support-check-title = Is deze medewerker echt?
support-check-lead = Vraag de medewerker om zijn of haar code voor te lezen en voer die samen met uw afspraakcode in.
support-agent-code = Code van de medewerker
support-check-button = Controleren

## Wat het script van de pagina toont (data-msg-*-attributen). Het script
## vult $agent en $n zelf in: de pagina bevat daar "{agent}" en "{n}", dus
## een meervoud kiest hier zijn "other"-vorm.

support-msg-working = Een ogenblik…
support-msg-verified = U bent geverifieerd. U kunt deelnemen aan het gesprek.
support-msg-genuine = Echt: { $agent } hoort bij onze klantenservice.
support-msg-not-genuine = Deze code klopt niet. Deel niets, beëindig het gesprek en neem contact met ons op via onze website.
support-msg-not-found = Deze afspraakcode is onbekend. Controleer de code en probeer het opnieuw.
support-msg-too-early = Het is nog te vroeg: het gesprek gaat 15 minuten voor aanvang open.
support-msg-too-late = Dit gesprek is afgelopen. Plan een nieuwe afspraak met de klantenservice.
support-msg-appointment-cancelled = Deze afspraak is geannuleerd.
support-msg-invalid-code = Deze code klopt niet.
support-msg-attempts-left =
    { $n ->
        [one] Nog { $n } poging.
       *[other] Nog { $n } pogingen.
    }
support-msg-too-many-attempts = Te veel onjuiste codes. Begin opnieuw met uw afspraakcode.
support-msg-rate-limited = Te veel pogingen vanaf deze verbinding.
support-msg-retry =
    { $n ->
        [one] Probeer het over { $n } minuut opnieuw.
       *[other] Probeer het over { $n } minuten opnieuw.
    }
support-msg-locked = Uw account is na te veel onjuiste codes tijdelijk geblokkeerd.
support-msg-policy-unsatisfiable = Voor geverifieerde gesprekken is een authenticator-app nodig. Stel er een in bij de beveiligingsinstellingen van uw account.
support-msg-expired = Deze verificatie is verlopen. Begin opnieuw.
support-msg-not-join-session = Deze browser heeft niet aan dit gesprek deelgenomen. Begin opnieuw met uw afspraakcode.
support-msg-error = Er ging iets mis. Probeer het opnieuw.
