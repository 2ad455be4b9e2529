### Codes per sms, telefoon en e-mail. Elk bericht noemt de dienst en de
### handeling die wordt goedgekeurd, en waarschuwt de code nooit te delen.
### Sms-teksten blijven binnen GSM-7 (geen typografische aanhalingstekens).

# Wat de code goedkeurt, als "om … te"-constructie.
code-action =
    { $purpose ->
        [login] in te loggen
        [withdrawal] een opname goed te keuren
        [security_change] uw beveiligingsinstellingen te wijzigen
        [support_call] deel te nemen aan uw videogesprek
        [verify_contact] dit contactgegeven te bevestigen
       *[other] een handeling te bevestigen
    }
# $recipient: de begunstigde, de bestemming of "begunstigde (bestemming)".
code-action-payment = { code-action }: { $amount } { $currency } aan { $recipient }

## De sms: ÉÉN segment, WebOTP-regel ("@host #code") inbegrepen, in elk
## geval (een tweede verdubbelt de kosten): 160 GSM-7-tekens, of 70 als er één
## teken buiten GSM-7 valt. $service is de korte naam van de dienst (hooguit
## 11 tekens); een test maakt het langste geval.

code-sms = { $code } is uw code van { $service } om { $action }. Geldig { $minutes } min. Deel hem nooit.
# De sms van een betaling: $recipient komt ingekort tot wat past ("Alice Mar...").
code-sms-payment = { $code }: code van { $service } om { $amount } { $currency } te betalen aan { $recipient }. Deel hem nooit.
code-voice = Goedendag. U spreekt met { $service }. Uw code om { $action } is: { $digits }. Nogmaals, uw code is: { $digits }. Deel deze code nooit. Tot ziens.
# De eerste woorden van een gesprek: geen code (een voicemail mag hem nooit opnemen).
code-call-prompt = Goedendag. U spreekt met { $service }, met de code die u heeft aangevraagd om { $action }. Druk nu op een willekeurige toets van uw telefoon om hem te horen.
code-call-goodbye = Er is geen toets ingedrukt, dus de code wordt niet voorgelezen. Tot ziens.
code-subject = { $code } is uw code van { $service }

## De alinea's van de e-mail.

email-hello = Beste klant,
code-email-intro = Uw code van { $service } om { $action } is:
code-email-expiry =
    { $minutes ->
        [one] De code verloopt over { $minutes } minuut. Deel hem met niemand: { $service } zal er nooit om vragen.
       *[other] De code verloopt over { $minutes } minuten. Deel hem met niemand: { $service } zal er nooit om vragen.
    }
code-email-not-you = Heeft u deze code niet aangevraagd? Dan probeert iemand misschien uw account te gebruiken. Voer de code nergens in en overweeg uw wachtwoord te wijzigen.
