### Les avis de sécurité.

notice-subject = Modification de sécurité sur votre compte { $service }
notice-alert-subject = Alerte de sécurité sur votre compte { $service }

## Ce qui s'est passé.

notice-factor-added =
    { $factor ->
        [totp] une application d'authentification a été ajoutée à votre compte
        [hotp] un jeton matériel à codes a été ajouté à votre compte
        [webauthn] une clé d'accès ou clé de sécurité a été ajoutée à votre compte
        [device] un appareil de confiance a été ajouté à votre compte
       *[recovery_codes] un jeu de codes de récupération a été ajouté à votre compte
    }
notice-factor-removed =
    { $factor ->
        [totp] une application d'authentification a été retirée de votre compte
        [hotp] un jeton matériel à codes a été retiré de votre compte
        [webauthn] une clé d'accès ou clé de sécurité a été retirée de votre compte
        [device] un appareil de confiance a été retiré de votre compte
       *[recovery_codes] un jeu de codes de récupération a été retiré de votre compte
    }
notice-email-changed = l'adresse e-mail de votre compte a été modifiée
notice-phone-changed = le numéro de téléphone de votre compte a été modifié
notice-codes-regenerated = de nouveaux codes de récupération ont été créés (les anciens ne fonctionnent plus)
notice-totp-replayed = un code de votre application d'authentification a été saisi de nouveau alors qu'il avait déjà servi, ce qui n'arrive pas en temps normal : quelqu'un d'autre voit peut-être vos codes
notice-risky-sign-in =
    { $seen ->
        [device] une connexion à votre compte a eu lieu depuis un nouvel appareil
        [country] une connexion à votre compte a eu lieu depuis un nouveau pays
       *[both] une connexion à votre compte a eu lieu depuis un nouvel appareil dans un nouveau pays
    }

## Le SMS.

notice-sms = { $service } : { $what } le { $when }. Ce n'est pas vous ? Contactez le support { $service } tout de suite.
notice-sms-held = { $service } : { $what } le { $when }. Ce n'est pas vous ? Contactez le support { $service } tout de suite. Par précaution, les retraits sont suspendus jusqu'au { $until }.

## Les paragraphes de l'e-mail.

notice-email-what = Le { $when }, { $what }.
notice-email-what-ip = Le { $when } depuis l'adresse IP { $ip }, { $what }.
notice-email-if-you = Si c'est bien vous, vous n'avez rien à faire.
notice-email-if-not-you = Sinon, quelqu'un a peut-être accès à votre compte : contactez immédiatement le support { $service } et ne communiquez aucun code reçu.
notice-email-held = Par précaution, les retraits sont suspendus jusqu'au { $until }.
notice-email-never-ask = { $service } ne vous demandera jamais de code ni de mot de passe.
