### Avisos de seguridad: se envían a cada contacto verificado cuando cambia
### la seguridad de la cuenta, y alertas sobre algo detectado. Los textos
### que van por SMS evitan en lo posible á í ó ú (fuera de GSM-7).

notice-subject = Cambio de seguridad en su cuenta de { $service }
notice-alert-subject = Alerta de seguridad en su cuenta de { $service }

## Lo que ha pasado ($what abajo).

notice-factor-added =
    { $factor ->
        [totp] se ha añadido una app de autenticación a su cuenta
        [hotp] se ha añadido un token físico de códigos a su cuenta
        [webauthn] se ha añadido una llave de acceso o llave de seguridad a su cuenta
        [device] se ha añadido un dispositivo de confianza a su cuenta
       *[recovery_codes] se ha añadido un juego de códigos de recuperación a su cuenta
    }
notice-factor-removed =
    { $factor ->
        [totp] se ha eliminado una app de autenticación de su cuenta
        [hotp] se ha eliminado un token físico de códigos de su cuenta
        [webauthn] se ha eliminado una llave de acceso o llave de seguridad de su cuenta
        [device] se ha eliminado un dispositivo de confianza de su cuenta
       *[recovery_codes] se ha eliminado un juego de códigos de recuperación de su cuenta
    }
notice-email-changed = se ha cambiado el correo de su cuenta
notice-phone-changed = se ha cambiado el teléfono de su cuenta
notice-codes-regenerated = se han creado nuevos códigos de recuperación (los anteriores ya no funcionan)
notice-totp-replayed = se ha vuelto a introducir un código de su app de autenticación que ya se había usado, algo que no ocurre con un uso normal: puede que otra persona esté viendo sus códigos
notice-risky-sign-in =
    { $seen ->
        [device] alguien ha entrado en su cuenta desde un dispositivo nuevo
        [country] alguien ha entrado en su cuenta desde un país nuevo
       *[both] alguien ha entrado en su cuenta desde un dispositivo nuevo y un país nuevo
    }

## El SMS: UN segmento, 160 caracteres GSM-7 (70 si uno no
## está en GSM-7), con el nombre corto del servicio ($service, 11 caracteres
## como máximo) y fechas cortas ($when, $until: "26/11 01:10 UTC"). Lo que
## ha pasado ($what) se dice en pocas palabras, sin á í ó ú.

notice-sms-factor-added =
    { $factor ->
        [totp] app autenticadora añadida
        [hotp] token de claves añadido
        [webauthn] llave de acceso o de seguridad añadida
        [device] dispositivo de confianza añadido
       *[recovery_codes] claves de respaldo añadidas
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] app autenticadora eliminada
        [hotp] token de claves eliminado
        [webauthn] llave de acceso o de seguridad eliminada
        [device] dispositivo de confianza eliminado
       *[recovery_codes] claves de respaldo eliminadas
    }
notice-sms-email-changed = correo de la cuenta cambiado
notice-sms-phone-changed = teléfono de la cuenta cambiado
notice-sms-codes-regenerated = nuevas claves de respaldo creadas
notice-sms-totp-replayed = clave ya usada: alguien puede ver sus claves
notice-sms-risky-sign-in =
    { $seen ->
        [device] acceso desde un dispositivo nuevo
        [country] acceso desde el extranjero
       *[both] acceso: dispositivo nuevo, en el extranjero
    }
notice-sms = { $service }: { $what } ({ $when }). ¿No fue usted? Contacte con soporte.
notice-sms-held = { $service }: { $what } ({ $when }). ¿No fue usted? Contacte con soporte. Retiradas bloqueadas hasta el { $until }.

## Los párrafos del correo (empieza con email-hello).

notice-email-what = El { $when }, { $what }.
notice-email-what-ip = El { $when }, desde la dirección IP { $ip }, { $what }.
notice-email-if-you = Si ha sido usted, no tiene que hacer nada.
notice-email-if-not-you = Si no ha sido usted, puede que alguien tenga acceso a su cuenta: contacte de inmediato con el soporte de { $service } y no comparta ningún código que reciba.
notice-email-held = Por su seguridad, las retiradas quedan bloqueadas hasta el { $until }.
notice-email-never-ask = { $service } nunca le pedirá un código ni una contraseña.

## La llamada, leída por una voz: frases completas, fechas largas ($when,
## $until: "26 nov. 2026 a las 01:10 UTC"), siempre el bloqueo; las palabras
## del correo sin la dirección IP.

notice-call = Este es un mensaje de seguridad de { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
