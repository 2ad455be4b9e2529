### Ce que toutes les pages partagent : le cadre, les dates, la page
### d'accueil (/) et les pages qui disent qu'une erreur est survenue.

page-header-home = Aide et assistance
page-header-support = Centre d'assistance
page-header-help = Centre d'aide { $service }
page-header-security = Centre de sécurité
page-header-security-of = Centre de sécurité { $service }
page-header-verify = Vérification sécurisée
page-header-verify-for = Vérification sécurisée pour { $service }

## Dates et heures, en UTC.

month-long =
    { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    }
month-short =
    { $month ->
        [1] janv.
        [2] févr.
        [3] mars
        [4] avr.
        [5] mai
        [6] juin
        [7] juil.
        [8] août
        [9] sept.
        [10] oct.
        [11] nov.
       *[12] déc.
    }
date = { $day } { month-long } { $year }
datetime = { $day } { month-short } { $year } à { $hour }:{ $minute } UTC
# Numérique : « août » n'est pas en GSM-7 et ferait passer le SMS en UCS-2.
datetime-short = { $day }/{ $month } à { $hour }:{ $minute } UTC

## La page d'accueil.

landing-title = Aide et assistance
landing-lead = Des réponses à vos questions, et des outils pour joindre notre assistance en toute sécurité.
landing-support = Centre d'assistance
landing-support-hint = Rejoignez un appel vidéo avec l'assistance, ou vérifiez qu'un conseiller est authentique.
landing-help-centers = Centres d'aide
landing-help-hint = Des articles sur la connexion, les codes et la sécurité de votre compte.
landing-no-help-center = Aucun centre d'aide n'est encore publié.

## Les pages d'erreur.

page-not-found-title = Page introuvable
page-not-found-lead = Il n'y a pas de page à cette adresse. Vérifiez le lien que vous avez suivi.
page-not-found-home = Aller à l'aide et à l'assistance
error-title = Une erreur est survenue
error-page-lead = Cette page ne peut pas être affichée pour le moment. Réessayez dans un instant.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Contacter le support
brand-privacy = Confidentialité
# The last lines of every email of a service with these links.
brand-email-support = Aide : { $support }
brand-email-privacy = Politique de confidentialité : { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Cette page n'a pas pu traiter cette demande. Revenez en arrière et réessayez.
