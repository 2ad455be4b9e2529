### Le centre de sécurité (/security).

security-title = Centre de sécurité
security-lead = Les moyens de prouver que c'est vous, et ce qui s'est passé récemment sur votre compte.
security-methods = Moyens de prouver que c'est vous
security-no-methods = Aucun authentificateur. Ajoutez-en un : les codes par SMS ou e-mail seuls sont faciles à voler.
security-add-method = Ajouter un moyen
security-add-totp = Ajouter une application d'authentification
security-add-passkey = Ajouter une clé d'accès
security-add-security-key = Ajouter une clé de sécurité
security-devices = Appareils de confiance
security-no-devices = Aucun appareil de confiance.
security-recovery = Codes de secours
security-recovery-left =
    { $n ->
        [one] Il reste { $n } code sur 10.
       *[other] Il reste { $n } codes sur 10.
    }
security-no-recovery = Aucun code de secours. Obtenez-en et gardez-les en lieu sûr, au cas où vous perdriez vos autres moyens.
security-new-recovery = Obtenir de nouveaux codes de secours
security-contacts = E-mail et téléphone
security-email = E-mail
security-phone = Téléphone
security-verified = Vérifié
security-unverified = Non vérifié
security-none = Aucun
security-activity = Activité de sécurité récente
security-no-activity = Rien pour l'instant.
security-added = Ajouté le
security-last-used = dernière utilisation le
security-never-used = jamais utilisé
security-remove = Supprimer
security-sign-out = Se déconnecter
security-back-to-app = Retour à l'application
security-back = Retour au centre de sécurité
security-strength =
    { $strength ->
        [phishing_resistant] Résiste au hameçonnage
        [strong] Robuste
        [backup] Secours
       *[weaker] Plus faible
    }
security-kind =
    { $kind ->
        [passkey] Clé d'accès
        [webauthn] Clé d'accès
        [security_key] Clé de sécurité
        [device] Appareil de confiance
        [totp] Application d'authentification
        [hotp] Jeton matériel
       *[recovery_codes] Codes de secours
    }
security-sent-codes = Codes par SMS, appel ou e-mail
security-notice-added = C'est fait : le moyen a été ajouté. Nous avons envoyé un avis à votre adresse e-mail et à votre téléphone vérifiés.
security-notice-removed = C'est fait : le moyen a été supprimé. Nous avons envoyé un avis à votre adresse e-mail et à votre téléphone vérifiés.
security-notice-session-ended = C'est fait : cette session est fermée.
security-notice-others-ended = C'est fait : vos autres sessions sont fermées.

## Ajouter une application d'authentification.

security-totp-title = Ajouter une application d'authentification
security-totp-scan = Scannez ce QR code avec votre application d'authentification (Google Authenticator, Aegis, 1Password…), puis saisissez le code qu'elle affiche.
security-totp-qr = QR code à scanner avec votre application d'authentification
security-totp-key = Impossible de scanner ? Saisissez cette clé dans l'application :
security-totp-open = Ouvrir dans une application d'authentification de cet appareil
security-totp-code = Code de l'application
security-totp-code-hint = 6 chiffres. Cette clé n'est affichée qu'une fois.
security-activate = Activer
security-wrong-code = Ce code n'est pas le bon. Vérifiez l'application et réessayez.

## Ajouter une clé d'accès ou une clé de sécurité.

security-passkey-title = Ajouter une clé d'accès
security-passkey-lead = Votre téléphone ou ordinateur garde la clé d'accès et la déverrouille par empreinte, visage ou code. Elle ne marche que sur ce site : un faux site n'obtient rien.
security-security-key-title = Ajouter une clé de sécurité
security-security-key-lead = Gardez votre clé de sécurité à portée de main : branchez-la ou approchez-la du téléphone quand on vous le demande, puis touchez-la.
security-webauthn-label = Nom (facultatif)
security-webauthn-label-hint = Pour la reconnaître plus tard, par ex. « Portable du travail ».
security-webauthn-start = Continuer
security-webauthn-working = Suivez les instructions du navigateur…
security-webauthn-cancelled = C'est annulé ou le délai est dépassé. Réessayez.
security-webauthn-failed = Impossible de l'ajouter. Réessayez.

## Codes de secours, confirmations, début et fin de session.

security-codes-title = Vos nouveaux codes de secours
security-codes-lead = Chaque code sert une fois. Imprimez-les ou notez-les et gardez-les en lieu sûr : ils ne sont affichés que maintenant. Vos anciens codes ne marchent plus.
security-done = Terminé
security-confirm-title = Vérifié
security-confirm-lead = Vous avez prouvé que c'est vous. Supprimer ce moyen ?
security-confirm-add-lead = Vous avez prouvé que c'est vous. Continuez pour ajouter :
security-cancel = Le garder
security-opening-title = Ouverture de votre centre de sécurité
security-opening-lead = Un instant…
security-continue = Continuer
security-signed-out-title = Déconnecté
security-signed-out-lead = Vous avez quitté le centre de sécurité.
security-step-up-first-title = Confirmez d'abord que c'est vous
security-step-up-first-lead = Ajouter un moyen d'accéder à votre compte demande une nouvelle vérification.
security-verify-me = Vérifier que c'est moi

## Ce qui n'a pas marché.

security-link-title = Ce lien ne marche plus
security-link-lead = Les liens vers le centre de sécurité servent une fois, pendant 5 minutes. Revenez à l'application et rouvrez le centre de sécurité.
security-session-title = Votre session est terminée
security-session-lead = Par sécurité, le centre de sécurité se ferme après 10 minutes sans activité et 30 minutes au total. Revenez à l'application et rouvrez-le.
security-csrf-title = Cette demande n'a pas pu être vérifiée
security-csrf-lead = Rien n'a été modifié. Revenez au centre de sécurité, rechargez-le et réessayez.
security-not-found-title = Introuvable
security-not-found-lead = Ce moyen n'est pas sur votre compte.
security-step-up-title = Non vérifié
security-step-up-lead = Cette vérification n'a pas abouti, ou a déjà servi. Rien n'a été modifié.
security-unsatisfiable-lead = Pour modifier vos moyens, il faut prouver que c'est vous avec un authentificateur et un code par e-mail ou SMS, ce que ce compte ne peut pas faire. Contactez l'assistance.
security-locked-lead = Trop de codes erronés : votre compte est bloqué quelque temps. Réessayez plus tard.
security-expired-lead = Cette configuration a trop attendu. Recommencez.
security-error-lead = Rien n'a été modifié. Réessayez dans un instant.

## Sessions.

security-sessions = Vos sessions
security-sessions-lead = Si vous ne reconnaissez pas une session, fermez-la.
security-this-session = Cette session
security-browser-on = { $browser } sous { $system }
security-unknown-browser = Navigateur inconnu
security-opened = Ouverte le
security-last-active = dernière activité le
security-end-session = Fermer cette session
security-end-others = Fermer toutes les autres sessions
security-end-others-offer = Vous avez fait ce changement parce que quelque chose vous semblait anormal ? Fermez aussi vos autres sessions.

## Activité récente.

security-event-factor-activated = Moyen ajouté : { security-kind }
security-event-factor-removed = Moyen supprimé : { security-kind }
security-event-recovery-codes = Nouveaux codes de secours
security-event-factor-activation-failed = Code erroné à l'ajout d'un moyen
security-event-factor-possible-clone = Une clé de sécurité semblait copiée et a été refusée
security-event-contact-changed =
    { $field ->
        [email] E-mail modifié
       *[phone] Téléphone modifié
    }
security-event-challenge-approved = Vérifié : { code-action }
security-event-challenge-failed = Vérification échouée : { code-action }
security-event-challenge-denied = Refusé sur un appareil de confiance : { code-action }
security-event-challenge-code-rejected = Code erroné saisi
security-event-user-locked = Compte bloqué après des codes erronés
security-event-portal-session-opened = Centre de sécurité ouvert
security-event-portal-session-revoked = Session du centre de sécurité fermée
