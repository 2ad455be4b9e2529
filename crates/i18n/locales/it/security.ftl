### Il centro sicurezza (/security).

security-title = Centro sicurezza
security-lead = I modi in cui dimostra la sua identità e ciò che è successo di recente sul suo account.
security-methods = Modi per dimostrare la sua identità
security-no-methods = Nessun autenticatore. Ne aggiunga uno: i codici solo via SMS o email sono facili da rubare.
security-add-method = Aggiungi un metodo
security-add-totp = Aggiungi un'app di autenticazione
security-add-passkey = Aggiungi una passkey
security-add-security-key = Aggiungi una chiave di sicurezza
security-devices = Dispositivi attendibili
security-no-devices = Nessun dispositivo attendibile.
security-recovery = Codici di recupero
security-recovery-left =
    { $n ->
        [one] Resta { $n } codice su 10.
       *[other] Restano { $n } codici su 10.
    }
security-no-recovery = Nessun codice di recupero. Ne generi alcuni e li conservi in un luogo sicuro, nel caso perdesse gli altri metodi.
security-new-recovery = Genera nuovi codici di recupero
security-contacts = Email e telefono
security-email = Email
security-phone = Telefono
security-verified = Verificato
security-unverified = Non verificato
security-none = Nessuno
security-activity = Attività di sicurezza recenti
security-no-activity = Ancora nulla.
# Seguito da data e ora.
security-added = Aggiunto il
# Seguito da data e ora.
security-last-used = ultimo utilizzo il
security-never-used = mai utilizzato
security-remove = Rimuovi
security-sign-out = Esci
security-back-to-app = Torna all'app
security-back = Torna al centro sicurezza
security-strength =
    { $strength ->
        [phishing_resistant] Resistente al phishing
        [strong] Forte
        [backup] Di riserva
       *[weaker] Più debole
    }
security-kind =
    { $kind ->
        [passkey] Passkey
        [webauthn] Passkey
        [security_key] Chiave di sicurezza
        [device] Dispositivo attendibile
        [totp] App di autenticazione
        [hotp] Token hardware
       *[recovery_codes] Codici di recupero
    }
security-sent-codes = Codici via SMS, telefonata o email
security-notice-added = Fatto: il metodo è stato aggiunto. Abbiamo inviato un avviso alla sua email e al suo telefono verificati.
security-notice-removed = Fatto: il metodo è stato rimosso. Abbiamo inviato un avviso alla sua email e al suo telefono verificati.
security-notice-session-ended = Fatto: la sessione è stata chiusa.
security-notice-others-ended = Fatto: le sue altre sessioni sono state chiuse.

## Aggiungere un'app di autenticazione.

security-totp-title = Aggiungi un'app di autenticazione
security-totp-scan = Scansioni questo codice QR con la sua app di autenticazione (Google Authenticator, Aegis, 1Password…), poi inserisca il codice che mostra.
security-totp-qr = Codice QR da scansionare con la sua app di autenticazione
security-totp-key = Non riesce a scansionarlo? Inserisca questa chiave nell'app:
security-totp-open = Apri in un'app di autenticazione su questo dispositivo
security-totp-code = Codice dell'app
security-totp-code-hint = 6 cifre. Questa chiave viene mostrata solo ora.
security-activate = Attiva
security-wrong-code = Il codice non è corretto. Controlli l'app e riprovi.

## Aggiungere una passkey o una chiave di sicurezza.

security-passkey-title = Aggiungi una passkey
security-passkey-lead = Il suo telefono o computer conserva la passkey e la sblocca con impronta, volto o PIN. Funziona solo su questo sito, quindi un sito falso non ottiene nulla.
security-security-key-title = Aggiungi una chiave di sicurezza
security-security-key-lead = Tenga a portata di mano la sua chiave di sicurezza: la inserisca o la avvicini al telefono quando richiesto, poi la tocchi.
security-webauthn-label = Nome (facoltativo)
security-webauthn-label-hint = Per riconoscerla in seguito, ad es. "Portatile di lavoro".
security-webauthn-start = Continua
security-webauthn-working = Segua le istruzioni del browser…
security-webauthn-cancelled = L'operazione è stata annullata o è scaduta. Riprovi.
security-webauthn-failed = Non è stato possibile aggiungerla. Riprovi.

## Codici di recupero, conferme, inizio e fine della sessione.

security-codes-title = I suoi nuovi codici di recupero
security-codes-lead = Ogni codice funziona una sola volta. Li stampi o li annoti e li conservi in un luogo sicuro: vengono mostrati solo ora. I codici precedenti non funzionano più.
security-done = Fatto
security-confirm-title = Verificato
security-confirm-lead = Ha dimostrato la sua identità. Rimuovere questo metodo?
security-confirm-add-lead = Ha dimostrato la sua identità. Continui per aggiungere:
security-cancel = Mantieni
security-opening-title = Apertura del centro sicurezza
security-opening-lead = Un momento…
security-continue = Continua
security-signed-out-title = Disconnesso
security-signed-out-lead = Ha lasciato il centro sicurezza.
security-step-up-first-title = Prima confermi che è lei
security-step-up-first-lead = Per aggiungere un modo di accedere al suo account serve una nuova verifica.
security-verify-me = Verifica la mia identità

## Cosa non è andato a buon fine.

security-link-title = Questo link non funziona più
security-link-lead = I link al centro sicurezza funzionano una sola volta e per 5 minuti. Torni all'app e riapra il centro sicurezza.
security-session-title = La sua sessione è scaduta
security-session-lead = Per la sua sicurezza, il centro sicurezza si chiude dopo 10 minuti di inattività e dopo 30 minuti in totale. Torni all'app e lo riapra.
security-csrf-title = Non è stato possibile verificare questa richiesta
security-csrf-lead = Non è stato modificato nulla. Torni al centro sicurezza, ricarichi la pagina e riprovi.
security-not-found-title = Non trovato
security-not-found-lead = Questo metodo non è associato al suo account.
security-step-up-title = Non verificato
security-step-up-lead = Questa verifica non è stata completata, o è già stata usata. Non è stato modificato nulla.
security-unsatisfiable-lead = Per modificare i suoi metodi deve dimostrare la sua identità con un autenticatore e un codice via email o SMS, e questo account non lo consente. Contatti l'assistenza.
security-locked-lead = Troppi codici errati: il suo account è bloccato per un po'. Riprovi più tardi.
security-expired-lead = La configurazione è rimasta in sospeso troppo a lungo. Ricominci.
security-error-lead = Non è stato modificato nulla. Riprovi tra qualche istante.

## Sessioni.

security-sessions = Le sue sessioni
security-sessions-lead = Se non riconosce una sessione, la chiuda.
security-this-session = Questa sessione
security-browser-on = { $browser } su { $system }
security-unknown-browser = Browser sconosciuto
# Seguito da data e ora.
security-opened = Aperta il
# Seguito da data e ora.
security-last-active = ultima attività il
security-end-session = Chiudi questa sessione
security-end-others = Chiudi tutte le altre sessioni
security-end-others-offer = Ha fatto questa modifica perché qualcosa le sembrava strano? Chiuda anche le sue altre sessioni.

## Attività recenti. $kind: come in security-kind; $purpose: come in code-action.

security-event-factor-activated = Metodo aggiunto: { security-kind }
security-event-factor-removed = Metodo rimosso: { security-kind }
security-event-recovery-codes = Nuovi codici di recupero
security-event-factor-activation-failed = Codice errato durante l'aggiunta di un metodo
security-event-factor-possible-clone = Una chiave di sicurezza sembrava copiata ed è stata rifiutata
security-event-contact-changed =
    { $field ->
        [email] Email modificata
       *[phone] Telefono modificato
    }
security-event-challenge-approved = Verifica riuscita per { code-action }
security-event-challenge-failed = Verifica non riuscita per { code-action }
security-event-challenge-denied = Richiesta di { code-action } rifiutata su un dispositivo attendibile
security-event-challenge-code-rejected = Inserito un codice errato
security-event-user-locked = Account bloccato dopo codici errati
security-event-portal-session-opened = Centro sicurezza aperto
security-event-portal-session-revoked = Sessione del centro sicurezza chiusa
