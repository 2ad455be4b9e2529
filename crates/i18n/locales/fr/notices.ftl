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
       *[recovery_codes] un jeu de codes de secours a été ajouté à votre compte
    }
notice-factor-removed =
    { $factor ->
        [totp] une application d'authentification a été retirée de votre compte
        [hotp] un jeton matériel à codes a été retiré de votre compte
        [webauthn] une clé d'accès ou clé de sécurité a été retirée de votre compte
        [device] un appareil de confiance a été retiré de votre compte
       *[recovery_codes] un jeu de codes de secours a été retiré de votre compte
    }
notice-email-changed = l'adresse e-mail de votre compte a été modifiée
notice-phone-changed = le numéro de téléphone de votre compte a été modifié
notice-codes-regenerated = de nouveaux codes de secours ont été créés (les anciens ne fonctionnent plus)
notice-totp-replayed = un code de votre application d'authentification a été saisi de nouveau alors qu'il avait déjà servi, ce qui n'arrive pas en temps normal : quelqu'un d'autre voit peut-être vos codes
notice-risky-sign-in =
    { $seen ->
        [device] une connexion à votre compte a eu lieu depuis un nouvel appareil
        [country] une connexion à votre compte a eu lieu depuis un nouveau pays
       *[both] une connexion à votre compte a eu lieu depuis un nouvel appareil dans un nouveau pays
    }

## Le SMS : UN segment, en mots et dates courts.

notice-sms-factor-added =
    { $factor ->
        [totp] appli d'authentification ajoutée
        [hotp] jeton à codes ajouté
        [webauthn] clé d'accès ou de sécurité ajoutée
        [device] appareil de confiance ajouté
       *[recovery_codes] codes de secours ajoutés
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] appli d'authentification retirée
        [hotp] jeton à codes retiré
        [webauthn] clé d'accès ou de sécurité retirée
        [device] appareil de confiance retiré
       *[recovery_codes] codes de secours retirés
    }
notice-sms-email-changed = adresse e-mail modifiée
notice-sms-phone-changed = numéro de téléphone modifié
notice-sms-codes-regenerated = nouveaux codes de secours créés
notice-sms-totp-replayed = code réutilisé, vos codes ont pu fuiter
notice-sms-risky-sign-in =
    { $seen ->
        [device] connexion depuis un nouvel appareil
        [country] connexion depuis un nouveau pays
       *[both] connexion depuis un nouvel appareil et pays
    }
notice-sms = { $service } : { $what } ({ $when }). Pas vous ? Contactez le support.
notice-sms-held = { $service } : { $what } ({ $when }). Pas vous ? Contactez le support. Retraits bloqués jusqu'au { $until }.

## Les paragraphes de l'e-mail.

notice-email-what = Le { $when }, { $what }.
notice-email-what-ip = Le { $when } depuis l'adresse IP { $ip }, { $what }.
notice-email-if-you = Si c'est bien vous, vous n'avez rien à faire.
notice-email-if-not-you = Sinon, quelqu'un a peut-être accès à votre compte : contactez immédiatement le support { $service } et ne communiquez aucun code reçu.
notice-email-held = Par précaution, les retraits sont suspendus jusqu'au { $until }.
notice-email-never-ask = { $service } ne vous demandera jamais de code ni de mot de passe.

## L'appel, lu par une voix : phrases entières, dates longues ($when,
## $until : « 26 nov. 2026 à 01:10 UTC »), toujours le blocage ; les mots de
## l'e-mail sans l'adresse IP.

notice-call = Ceci est un message de sécurité concernant votre compte { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
