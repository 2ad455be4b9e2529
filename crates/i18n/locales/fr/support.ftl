### Le centre d'assistance (/support) et ses outils en libre-service.

support-title = Centre d'assistance
support-lead = Outils en libre-service. Personne de l'assistance ne vous demandera jamais vos codes.
support-join-tool = Rejoindre un rendez-vous vidéo
support-join-tool-hint = Prouvez que c'est vous, puis rejoignez l'appel prévu avec notre équipe.
support-check-tool = Vérifier qu'un conseiller est authentique
support-check-tool-hint = Quelqu'un dit appeler de l'assistance ? Vérifiez le code qu'il vous lit.
support-join-title = Rejoindre votre appel vidéo
support-join-lead = Saisissez le code de rendez-vous reçu dans votre échange avec l'assistance.
support-appointment-code = Code de rendez-vous
support-appointment-code-hint = 12 lettres et chiffres, par ex. 7KQ2-9XMD-4TPR
support-continue = Continuer
support-verify-lead = Votre appel avec
support-totp-code = Code de votre application d'authentification
support-totp-hint = Le code à 6 chiffres affiché par l'application pour ce compte.
support-email-code = Code reçu par e-mail
support-email-hint = Nous l'avons envoyé à
support-verify-button = Vérifier et rejoindre
support-join-button = Rejoindre l'appel vidéo
support-check-title = Ce conseiller est-il authentique ?
support-check-lead = Demandez au conseiller de lire son code, puis saisissez-le avec votre code de rendez-vous.
support-agent-code = Code du conseiller
support-check-button = Vérifier

## Ce qu'affiche le script de la page.

support-msg-working = Un instant…
support-msg-verified = Vous êtes vérifié. Vous pouvez rejoindre l'appel.
support-msg-genuine = Authentique : { $agent } fait partie de notre équipe d'assistance.
support-msg-not-genuine = Ce code n'est pas le bon. Ne communiquez rien ; raccrochez et contactez-nous depuis notre site.
support-msg-not-found = Ce code de rendez-vous est inconnu. Vérifiez-le et réessayez.
support-msg-too-early = Il est trop tôt : l'appel ouvre 15 minutes avant l'heure prévue.
support-msg-too-late = Cet appel est terminé. Prenez un nouveau rendez-vous avec l'assistance.
support-msg-appointment-cancelled = Ce rendez-vous a été annulé.
support-msg-invalid-code = Ce code n'est pas le bon.
support-msg-attempts-left =
    { $n ->
        [one] Encore { $n } essai.
       *[other] Encore { $n } essais.
    }
support-msg-too-many-attempts = Trop de codes erronés. Recommencez avec votre code de rendez-vous.
support-msg-rate-limited = Trop d'essais depuis cette connexion.
support-msg-retry =
    { $n ->
        [one] Réessayez dans { $n } minute.
       *[other] Réessayez dans { $n } minutes.
    }
support-msg-locked = Votre compte est bloqué quelque temps après trop de codes erronés.
support-msg-policy-unsatisfiable = Une application d'authentification est nécessaire pour les appels vérifiés. Configurez-la dans les réglages de sécurité de votre compte.
support-msg-expired = Cette vérification a expiré. Recommencez.
support-msg-not-join-session = Ce navigateur n'a pas rejoint cet appel. Recommencez avec votre code de rendez-vous.
support-msg-error = Une erreur est survenue. Réessayez.
