### Avvisi di sicurezza: inviati a ogni contatto verificato quando la
### sicurezza dell'account cambia, e allerte su qualcosa di sospetto.

notice-subject = Modifica di sicurezza sul suo account { $service }
notice-alert-subject = Allerta di sicurezza sul suo account { $service }

## Cosa è successo ($what sotto).

notice-factor-added =
    { $factor ->
        [totp] è stata aggiunta un'app di autenticazione al suo account
        [hotp] è stato aggiunto un token hardware di codici al suo account
        [webauthn] è stata aggiunta una passkey o chiave di sicurezza al suo account
        [device] è stato aggiunto un dispositivo attendibile al suo account
       *[recovery_codes] è stata aggiunta una serie di codici di recupero al suo account
    }
notice-factor-removed =
    { $factor ->
        [totp] è stata rimossa un'app di autenticazione dal suo account
        [hotp] è stato rimosso un token hardware di codici dal suo account
        [webauthn] è stata rimossa una passkey o chiave di sicurezza dal suo account
        [device] è stato rimosso un dispositivo attendibile dal suo account
       *[recovery_codes] è stata rimossa una serie di codici di recupero dal suo account
    }
notice-email-changed = è stato modificato l'indirizzo email del suo account
notice-phone-changed = è stato modificato il numero di telefono del suo account
notice-codes-regenerated = sono stati creati nuovi codici di recupero (quelli precedenti non funzionano più)
notice-totp-replayed = un codice della sua app di autenticazione è stato inserito di nuovo dopo essere già stato usato, cosa che non succede con un uso normale: qualcun altro potrebbe vedere i suoi codici
notice-risky-sign-in =
    { $seen ->
        [device] qualcuno ha effettuato l'accesso al suo account da un nuovo dispositivo
        [country] qualcuno ha effettuato l'accesso al suo account da un nuovo paese
       *[both] qualcuno ha effettuato l'accesso al suo account da un nuovo dispositivo in un nuovo paese
    }

## L'SMS: UN segmento, 160 caratteri GSM-7 (70 se uno non è
## in GSM-7), con il nome breve del servizio ($service, al massimo 11
## caratteri) e date brevi ($when: "26 nov, 01:10 UTC"; $until: "al 26 nov,
## 01:10 UTC", "all'8 nov, 01:10 UTC", con la preposizione). Cosa è
## successo ($what) è detto in poche parole.

notice-sms-factor-added =
    { $factor ->
        [totp] app di autenticazione aggiunta
        [hotp] token di codici aggiunto
        [webauthn] passkey o chiave di sicurezza aggiunta
        [device] dispositivo attendibile aggiunto
       *[recovery_codes] codici di recupero aggiunti
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] app di autenticazione rimossa
        [hotp] token di codici rimosso
        [webauthn] passkey o chiave di sicurezza rimossa
        [device] dispositivo attendibile rimosso
       *[recovery_codes] codici di recupero rimossi
    }
notice-sms-email-changed = indirizzo email modificato
notice-sms-phone-changed = numero di telefono modificato
notice-sms-codes-regenerated = nuovi codici di recupero creati
notice-sms-totp-replayed = codice riusato: i suoi codici a rischio
notice-sms-risky-sign-in =
    { $seen ->
        [device] accesso da un nuovo dispositivo
        [country] accesso da un nuovo paese
       *[both] accesso da un nuovo dispositivo e paese
    }
notice-sms = { $service }: { $what } ({ $when }). Non è stato lei? Contatti l'assistenza.
notice-sms-held = { $service }: { $what } ({ $when }). Non è stato lei? Contatti l'assistenza. Prelievi sospesi fino { $until }.

## I paragrafi dell'email (inizia con email-hello).

notice-email-what = In data { $when } { $what }.
notice-email-what-ip = In data { $when }, dall'indirizzo IP { $ip }, { $what }.
notice-email-if-you = Se è stato lei, non deve fare nulla.
notice-email-if-not-you = Se non è stato lei, qualcuno potrebbe avere accesso al suo account: contatti subito l'assistenza { $service } e non comunichi nessun codice che riceve.
notice-email-held = Per la sua sicurezza, i prelievi sono sospesi fino { $until }.
notice-email-never-ask = { $service } non le chiederà mai un codice o una password.

## La chiamata, letta da una voce: frasi intere, date lunghe ($when,
## $until: "al 27 nov 2026 alle 01:10 UTC"), sempre la sospensione; le parole
## dell'email senza l'indirizzo IP.

notice-call = Questo è un messaggio di sicurezza di { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
