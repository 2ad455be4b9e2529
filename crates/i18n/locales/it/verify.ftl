### La pagina di verifica ospitata (/verify/…).

verify-title = Confermi che è lei
# $purpose: come in code-action.
verify-lead = { $service } le chiede di { code-action }.
verify-payment = Il pagamento che sta autorizzando
verify-amount = Importo
verify-payee = A
verify-destination = Conto o indirizzo
verify-done = Fatto
verify-method =
    { $method ->
        [webauthn] Passkey o chiave di sicurezza
        [device] Il suo dispositivo con accesso effettuato
        [totp] App di autenticazione
        [hotp] Token di codici
        [email] Email
        [sms] SMS
        [voice] Telefonata
       *[recovery_code] Codice di recupero
    }
verify-send =
    { $channel ->
        [sms] Inviami un codice via SMS
        [voice] Preferisco una telefonata
       *[email] Inviami un codice via email
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Inserisca il codice inviato a { $to }
verify-code-totp = Inserisca il codice mostrato dalla sua app di autenticazione
verify-code-hotp = Inserisca il codice mostrato dal suo token
verify-code-recovery = Inserisca uno dei suoi codici di recupero
verify-verify = Verifica
verify-resend-wait = Potrà chiedere un nuovo codice tra { $time }.
verify-resend-ready = Ora può chiedere un nuovo codice.
verify-not-received = Non ha ricevuto il codice?
verify-other-ways = Altri modi per confermare
verify-choose = Scelga come confermare
verify-passkey = Usa la mia passkey o chiave di sicurezza
verify-passkey-hint = Il suo telefono o computer le chiederà impronta, volto, PIN o chiave.
verify-device = Apra { $service } sul dispositivo con cui ha effettuato l'accesso e scelga il numero { $number }.
verify-device-waiting = In attesa della sua approvazione sul dispositivo…
verify-device-check = Ho approvato
verify-next-step = Ancora un passaggio: confermi con uno di questi metodi.
verify-cancel = Non l'ho richiesto io: annulla

## A verifica conclusa.

verify-finished-approved = La sua identità è stata verificata.
verify-finished-held = Confermato. Per la sua sicurezza questo prelievo resta in attesa fino { $until }, perché le sue impostazioni di sicurezza sono cambiate di recente.
verify-finished-failed = Questa verifica non è riuscita. Ricominci da { $service }.
verify-finished-expired = Questa verifica è scaduta. Ricominci da { $service }.
verify-finished-cancelled = Questa verifica è stata annullata.
verify-finished-denied = Ha rifiutato questa richiesta sul suo dispositivo.
verify-back-to = Torna a { $service }
verify-not-found-title = Verifica non trovata
verify-not-found-lead = Questo link non è valido. Ricominci dal sito o dall'app che stava usando.

## Cosa non è andato a buon fine nell'ultima azione. $attempts: i tentativi rimasti.

verify-error-wrong-code = Il codice non è corretto. Tentativi rimasti: { $attempts }.
verify-error-credential-refused = La passkey o chiave di sicurezza non è stata accettata. Tentativi rimasti: { $attempts }.
verify-error-too-many-attempts = Troppi codici errati: questa verifica non è riuscita.
verify-error-resend-too-soon = Attenda un momento prima di chiedere un altro codice.
verify-error-delivery-failed = Non siamo riusciti a inviare il codice. Scelga un altro metodo qui sotto.
verify-error-rate-limited = Sono stati inviati troppi codici. Scelga un altro metodo o riprovi più tardi.
verify-error-locked = Troppi tentativi non riusciti. Riprovi più tardi.
verify-error-method-unavailable = Questo metodo non è disponibile per questa verifica.
verify-error-expired = Questa verifica è scaduta.
verify-error-closed = Questa verifica è già conclusa.
verify-error-other = Si è verificato un errore. Riprovi.
