### L'area supporto (/support) e i suoi strumenti self-service.

support-title = Area supporto
support-lead = Strumenti self-service. Nessuno dell'assistenza le chiederà mai i suoi codici.
support-join-tool = Partecipare a un appuntamento in videochiamata
support-join-tool-hint = Dimostri la sua identità, poi partecipi alla chiamata fissata con il nostro team di assistenza.
support-check-tool = Verificare che un operatore sia autentico
support-check-tool-hint = Qualcuno dice di essere dell'assistenza? Verifichi il codice che le legge.
support-join-title = Partecipare alla videochiamata
support-join-lead = Inserisca il codice appuntamento ricevuto nella conversazione con l'assistenza.
support-appointment-code = Codice appuntamento
support-appointment-code-hint = 12 lettere e cifre, ad es. 7KQ2-9XMD-4TPR
support-continue = Continua
support-verify-lead = La sua chiamata con
support-totp-code = Codice della sua app di autenticazione
support-totp-hint = Il codice di 6 cifre che l'app mostra per questo account.
support-email-code = Codice ricevuto via email
support-email-hint = Lo abbiamo inviato a
support-verify-button = Verifica e partecipa
support-join-button = Partecipa alla videochiamata
support-check-title = Questo operatore è autentico?
support-check-lead = Chieda all'operatore di leggerle il suo codice, poi lo inserisca insieme al suo codice appuntamento.
support-agent-code = Codice dell'operatore
support-check-button = Verifica

## Ciò che mostra lo script della pagina (attributi data-msg-*). Lo script
## inserisce $agent e $n: la pagina contiene "{agent}" e "{n}" al loro
## posto, quindi un plurale sceglie qui la forma "other".

support-msg-working = Un momento…
support-msg-verified = La sua identità è stata verificata. Può partecipare alla chiamata.
support-msg-genuine = Autentico: { $agent } fa parte del nostro team di assistenza.
support-msg-not-genuine = Questo codice non è corretto. Non comunichi nulla, chiuda la chiamata e ci contatti dal nostro sito.
support-msg-not-found = Questo codice appuntamento non esiste. Lo controlli e riprovi.
support-msg-too-early = È ancora presto: la chiamata si apre 15 minuti prima dell'inizio.
support-msg-too-late = Questa chiamata è terminata. Fissi un nuovo appuntamento con l'assistenza.
support-msg-appointment-cancelled = Questo appuntamento è stato annullato.
support-msg-invalid-code = Questo codice non è corretto.
support-msg-attempts-left =
    { $n ->
        [one] Resta { $n } tentativo.
       *[other] Restano { $n } tentativi.
    }
support-msg-too-many-attempts = Troppi codici errati. Ricominci con il suo codice appuntamento.
support-msg-rate-limited = Troppi tentativi da questa connessione.
support-msg-retry =
    { $n ->
        [one] Riprovi tra { $n } minuto.
       *[other] Riprovi tra { $n } minuti.
    }
support-msg-locked = Il suo account è bloccato per un po' dopo troppi codici errati.
support-msg-policy-unsatisfiable = Per le chiamate verificate serve un'app di autenticazione. La configuri nelle impostazioni di sicurezza del suo account.
support-msg-expired = Questa verifica è scaduta. Ricominci.
support-msg-not-join-session = Questo browser non ha partecipato a questa chiamata. Ricominci con il suo codice appuntamento.
support-msg-error = Si è verificato un errore. Riprovi.
