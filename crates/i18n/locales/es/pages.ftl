### Lo que comparten todas las páginas: el marco, las fechas, la página de
### inicio (/) y las páginas que solo indican que algo ha fallado.

## La cabecera de cada página: dónde está el usuario. $service es el
## nombre del servicio.

# La página de inicio (/) y la de página no encontrada.
page-header-home = Ayuda y atención al cliente
page-header-support = Centro de atención
page-header-help = Centro de ayuda de { $service }
# El centro de seguridad, antes de saber su servicio (p. ej., sin sesión).
page-header-security = Centro de seguridad
page-header-security-of = Centro de seguridad de { $service }
# La página de verificación, antes de saber su servicio (p. ej., un enlace erróneo).
page-header-verify = Verificación segura
page-header-verify-for = Verificación segura para { $service }

## Fechas y horas, en UTC.

month-long =
    { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    }
# Sin tildes ni caracteres fuera de GSM-7: las fechas van en los SMS.
month-short =
    { $month ->
        [1] ene.
        [2] feb.
        [3] mar.
        [4] abr.
        [5] may.
        [6] jun.
        [7] jul.
        [8] ago.
        [9] sept.
        [10] oct.
        [11] nov.
       *[12] dic.
    }
# "1 de noviembre de 2026"
date = { $day } de { month-long } de { $year }
# "1 nov. 2026 a las 14:05 UTC"
datetime = { $day } { month-short } { $year } a las { $hour }:{ $minute } UTC
# "1/11 14:05 UTC", para un SMS (un segmento: corto y solo con caracteres
# GSM-7); en número, que cabe mejor
datetime-short = { $day }/{ $month } { $hour }:{ $minute } UTC

## La página de inicio.

landing-title = Ayuda y atención al cliente
landing-lead = Respuestas a sus preguntas y herramientas para contactar con nuestro equipo de atención de forma segura.
landing-support = Centro de atención
landing-support-hint = Únase a una videollamada con nuestro equipo o compruebe que un agente es auténtico.
landing-help-centers = Centros de ayuda
landing-help-hint = Artículos sobre el acceso, los códigos y la seguridad de su cuenta.
landing-no-help-center = Todavía no se ha publicado ningún centro de ayuda.

## Páginas de error.

error-title = Se ha producido un error
# Una dirección que no lleva a ninguna parte: página, centro de ayuda o artículo desconocidos.
page-not-found-title = Página no encontrada
page-not-found-lead = No hay ninguna página en esta dirección. Compruebe el enlace que ha seguido.
# El enlace de la página no encontrada a la página de inicio.
page-not-found-home = Ir a ayuda y atención al cliente
error-page-lead = No se puede mostrar esta página en este momento. Inténtelo de nuevo en unos instantes.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Contactar con soporte
brand-privacy = Privacidad
# The last lines of every email of a service with these links.
brand-email-support = Ayuda: { $support }
brand-email-privacy = Aviso de privacidad: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Esta página no ha podido atender la solicitud. Vuelva atrás e inténtelo de nuevo.
