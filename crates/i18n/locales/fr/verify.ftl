### La page de vérification hébergée (/verify/…).

verify-title = Confirmez que c'est vous
verify-lead =
    { $service } vous demande { $purpose ->
        [login] de vous connecter
        [withdrawal] d'approuver un retrait
        [security_change] de modifier vos paramètres de sécurité
        [support_call] de rejoindre votre appel avec le support
        [verify_contact] de confirmer ce moyen de contact
       *[other] de confirmer une action
    }.
verify-payment = Le paiement que vous approuvez
verify-amount = Montant
verify-payee = Bénéficiaire
verify-destination = Compte ou adresse
verify-done = Fait
verify-method =
    { $method ->
        [webauthn] Clé d'accès ou clé de sécurité
        [device] Votre appareil connecté
        [totp] Application d'authentification
        [hotp] Jeton à codes
        [email] E-mail
        [sms] SMS
        [voice] Appel téléphonique
       *[recovery_code] Code de secours
    }
verify-send =
    { $channel ->
        [sms] M'envoyer un code par SMS
        [voice] M'appeler plutôt
       *[email] M'envoyer un code par e-mail
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Saisissez le code envoyé à { $to }
verify-code-totp = Saisissez le code affiché par votre application d'authentification
verify-code-hotp = Saisissez le code affiché par votre jeton
verify-code-recovery = Saisissez l'un de vos codes de secours
verify-verify = Vérifier
verify-resend-wait = Vous pourrez demander un nouveau code dans { $time }.
verify-resend-ready = Vous pouvez demander un nouveau code.
verify-not-received = Vous n'avez pas reçu le code ?
verify-other-ways = Autres façons de confirmer
verify-choose = Choisissez comment confirmer
verify-passkey = Utiliser ma clé d'accès ou ma clé de sécurité
verify-passkey-hint = Votre téléphone ou ordinateur vous demande votre empreinte, votre visage, un code ou votre clé.
verify-device = Ouvrez { $service } sur votre appareil connecté et choisissez le nombre { $number }.
verify-device-waiting = En attente de votre accord sur l'appareil…
verify-device-check = J'ai approuvé
verify-next-step = Encore une étape : confirmez avec l'un de ces moyens.
verify-cancel = Ce n'est pas moi : annuler

## Une fois la vérification terminée.

verify-finished-approved = Vérification réussie.
verify-finished-held = C'est confirmé. Par précaution, ce retrait attend jusqu'au { $until }, car vos paramètres de sécurité ont changé récemment.
verify-finished-failed = Cette vérification a échoué. Recommencez depuis { $service }.
verify-finished-expired = Cette vérification a expiré. Recommencez depuis { $service }.
verify-finished-cancelled = Cette vérification a été annulée.
verify-finished-denied = Vous avez refusé cette demande sur votre appareil.
verify-back-to = Retour à { $service }
verify-not-found-title = Vérification introuvable
verify-not-found-lead = Ce lien n'est pas valide. Recommencez depuis le site ou l'application que vous utilisiez.

## Ce qui n'a pas marché.

verify-error-wrong-code = Ce code n'est pas le bon. Essais restants : { $attempts }.
verify-error-credential-refused = Cette clé n'a pas été acceptée. Essais restants : { $attempts }.
verify-error-too-many-attempts = Trop de codes erronés : cette vérification a échoué.
verify-error-resend-too-soon = Patientez un peu avant de demander un autre code.
verify-error-delivery-failed = Nous n'avons pas pu envoyer le code. Choisissez un autre moyen ci-dessous.
verify-error-rate-limited = Trop de codes ont été envoyés. Choisissez un autre moyen ou réessayez plus tard.
verify-error-locked = Trop d'échecs. Réessayez plus tard.
verify-error-method-unavailable = Ce moyen n'est pas disponible pour cette vérification.
verify-error-expired = Cette vérification a expiré.
verify-error-closed = Cette vérification est déjà terminée.
verify-error-other = Une erreur s'est produite. Veuillez réessayer.
