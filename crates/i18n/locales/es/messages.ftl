### Códigos enviados por SMS, llamada y correo. Cada mensaje nombra el
### servicio y la acción que se aprueba, y advierte de no compartir nunca
### el código. Los textos de SMS (code-sms, y code-action que va dentro)
### evitan las tildes á í ó ú, que no están en GSM-7: una sola convierte el
### SMS a UCS-2 y reduce a la mitad lo que cabe en él.

# Lo que aprueba el código (sin caracteres fuera de GSM-7).
code-action =
    { $purpose ->
        [login] acceder a su cuenta
        [withdrawal] aprobar una retirada
        [security_change] cambiar sus ajustes de seguridad
        [support_call] entrar en su videollamada de soporte
        [verify_contact] confirmar este contacto
       *[other] confirmar una solicitud
    }
# $recipient: el beneficiario, el destino o "beneficiario (destino)".
code-action-payment = { code-action }: { $amount } { $currency } a { $recipient }

## El SMS: UN segmento, línea WebOTP ("@host #code") incluida, en todos
## los casos (un segundo duplica el coste): 160 caracteres GSM-7, o 70 si uno
## no está en GSM-7. $service es el nombre corto del servicio (11 caracteres
## como máximo); un test genera el caso más largo.

code-sms = { $code } es su clave de { $service } para { $action }. Caduca en { $minutes } min. No la comparta.
# El SMS de un pago: $recipient llega acortado a lo que cabe ("Alice Mar...").
code-sms-payment = { $code }: clave de { $service } para pagar { $amount } { $currency } a { $recipient }. No la comparta.
code-voice = Hola. Le llamamos de { $service }. Su código para { $action } es: { $digits }. Repetimos, su código es: { $digits }. No lo comparta nunca. Adiós.
# Las primeras palabras de una llamada: ningún código (un buzón de voz nunca debe grabarlo).
code-call-prompt = Hola. Le llamamos de { $service } con el código que ha pedido para { $action }. Para escucharlo, pulse ahora cualquier tecla de su teléfono.
code-call-goodbye = No se ha pulsado ninguna tecla, así que no leeremos el código. Adiós.
code-subject = { $code } es su código de { $service }

## Los párrafos del correo.

email-hello = Hola:
code-email-intro = Su código de { $service } para { $action } es:
code-email-expiry =
    { $minutes ->
        [one] Caduca en { $minutes } minuto. No lo comparta con nadie: { $service } nunca se lo pedirá.
       *[other] Caduca en { $minutes } minutos. No lo comparta con nadie: { $service } nunca se lo pedirá.
    }
code-email-not-you = Si no ha pedido este código, puede que alguien esté intentando usar su cuenta. No lo introduzca en ningún sitio y le recomendamos cambiar su contraseña.
