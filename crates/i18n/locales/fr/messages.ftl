### Les codes envoyés par SMS, appel et e-mail.

code-action =
    { $purpose ->
        [login] vous connecter
        [withdrawal] approuver un retrait
        [security_change] modifier vos paramètres de sécurité
        [support_call] rejoindre votre appel avec le support
        [verify_contact] confirmer ce moyen de contact
       *[other] confirmer une action
    }
code-action-payment = { code-action } : { $amount } { $currency } à { $recipient }

code-sms =
    { $minutes ->
        [one] { $code } est votre code { $service } pour { $action }. Il expire dans { $minutes } minute. Ne le communiquez jamais : { $service } ne vous le demandera jamais.
       *[other] { $code } est votre code { $service } pour { $action }. Il expire dans { $minutes } minutes. Ne le communiquez jamais : { $service } ne vous le demandera jamais.
    }
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
