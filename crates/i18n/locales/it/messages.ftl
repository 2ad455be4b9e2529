### Codici inviati via SMS, telefonata ed email. Ogni messaggio nomina il
### servizio e l'azione da approvare e avverte di non condividere mai il
### codice. Nei testi SMS niente "È" maiuscola né virgolette tipografiche:
### non sono nell'alfabeto GSM-7 (à è é ì ò ù lo sono).

# Ciò che il codice approva.
code-action =
    { $purpose ->
        [login] accedere
        [withdrawal] approvare un prelievo
        [security_change] modificare le impostazioni di sicurezza
        [support_call] partecipare alla chiamata con l'assistenza
        [verify_contact] confermare questo contatto
       *[other] confermare un'operazione
    }
# $recipient: il beneficiario, la destinazione o "beneficiario (destinazione)".
code-action-payment = { code-action }: { $amount } { $currency } a { $recipient }

## L'SMS: UN segmento, riga WebOTP ("@host #code") compresa, in ogni caso
## (un secondo raddoppia il costo): 160 caratteri GSM-7, o 70 se uno non è in
## GSM-7. $service è il nome breve del servizio (al massimo 11 caratteri); un
## test genera il caso più lungo.

code-sms = { $code } è il codice { $service } per { $action }. Valido { $minutes } min. Non lo condivida.
# L'SMS di un pagamento: $recipient arriva accorciato a ciò che ci sta ("Alice Mar...").
code-sms-payment = { $code }: codice { $service } per pagare { $amount } { $currency } a { $recipient }. Non lo condivida.
code-voice = Buongiorno. Qui è { $service }. Il suo codice per { $action } è: { $digits }. Ripeto, il suo codice è: { $digits }. Non lo comunichi mai a nessuno. Arrivederci.
# Le prime parole di una chiamata: nessun codice (una segreteria telefonica non deve mai registrarlo).
code-call-prompt = Buongiorno. Qui è { $service }, con il codice che ha richiesto per { $action }. Per ascoltarlo, prema ora un tasto qualsiasi del suo telefono.
code-call-goodbye = Non è stato premuto nessun tasto, quindi il codice non verrà letto. Arrivederci.
code-subject = { $code } è il suo codice { $service }

## I paragrafi dell'email.

email-hello = Gentile cliente,
code-email-intro = Il suo codice { $service } per { $action } è:
code-email-expiry =
    { $minutes ->
        [one] Scade tra { $minutes } minuto. Non lo comunichi a nessuno: { $service } non glielo chiederà mai.
       *[other] Scade tra { $minutes } minuti. Non lo comunichi a nessuno: { $service } non glielo chiederà mai.
    }
code-email-not-you = Se non ha richiesto questo codice, qualcuno potrebbe cercare di usare il suo account. Non lo inserisca da nessuna parte e valuti di cambiare la password.
