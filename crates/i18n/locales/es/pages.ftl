### Lo que comparten todas las páginas: el marco, las fechas, la página de
### inicio (/) y las páginas que solo indican que algo ha fallado.

page-header-support = Centro de atención

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
error-page-lead = No se puede mostrar esta página en este momento. Inténtelo de nuevo en unos instantes.
