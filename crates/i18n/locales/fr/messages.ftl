### Les codes envoyés par SMS, appel et e-mail.

code-action =
    { $purpose ->
        [login] vous connecter
        [withdrawal] approuver un retrait
        [security_change] modifier vos paramètres de sécurité
        [support_call] rejoindre l'appel avec le support
        [verify_contact] confirmer ce moyen de contact
       *[other] confirmer une action
    }
code-action-payment = { code-action } : { $amount } { $currency } à { $recipient }

## Le SMS : UN segment, ligne WebOTP comprise (160 caractères GSM-7, 70
## si un caractère n'est pas en GSM-7 : pas de ç, ê, â, î, ô, û).

code-sms = { $code } : votre code { $service } pour { $action }. Valide { $minutes } min. Ne le donnez jamais.
code-sms-payment = { $code } : code { $service } pour payer { $amount } { $currency } à { $recipient }. Ne le donnez jamais.
code-voice = Bonjour. Ici { $service }. Votre code pour { $action } est : { $digits }. Je répète, votre code est : { $digits }. Ne le communiquez jamais. Au revoir.
code-call-prompt = Bonjour. Ici { $service }, avec le code que vous avez demandé pour { $action }. Pour l'entendre, appuyez maintenant sur une touche de votre téléphone.
code-call-goodbye = Aucune touche n'a été pressée : le code ne sera pas lu. Au revoir.
code-subject = { $code } est votre code { $service }

## Les paragraphes de l'e-mail.

email-hello = Bonjour,
code-email-intro = Votre code { $service } pour { $action } est :
code-email-expiry =
    { $minutes ->
        [one] Il expire dans { $minutes } minute. Ne le communiquez à personne : { $service } ne vous le demandera jamais.
       *[other] Il expire dans { $minutes } minutes. Ne le communiquez à personne : { $service } ne vous le demandera jamais.
    }
code-email-not-you = Si vous n'avez pas demandé ce code, quelqu'un essaie peut-être d'utiliser votre compte. Ne le saisissez nulle part et pensez à changer votre mot de passe.
