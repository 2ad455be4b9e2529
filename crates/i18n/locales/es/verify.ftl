### La página de verificación alojada (/verify/…).

verify-title = Confirme que es usted
# $purpose: como en code-action.
verify-lead = { $service } necesita que confirme que es usted para { code-action }.
verify-payment = El pago que autoriza
verify-amount = Importe
verify-payee = Beneficiario
verify-destination = Cuenta o dirección
verify-done = Hecho
verify-method =
    { $method ->
        [webauthn] Llave de acceso o llave de seguridad
        [device] Su dispositivo con sesión iniciada
        [totp] App de autenticación
        [hotp] Token de códigos
        [email] Correo electrónico
        [sms] SMS
        [voice] Llamada telefónica
       *[recovery_code] Código de recuperación
    }
verify-send =
    { $channel ->
        [sms] Enviarme un código por SMS
        [voice] Prefiero una llamada
       *[email] Enviarme un código por correo
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Introduzca el código enviado a { $to }
verify-code-totp = Introduzca el código que muestra su app de autenticación
verify-code-hotp = Introduzca el código que muestra su token
verify-code-recovery = Introduzca uno de sus códigos de recuperación
verify-verify = Verificar
verify-resend-wait = Podrá pedir un nuevo código dentro de { $time }.
verify-resend-ready = Ya puede pedir un nuevo código.
verify-not-received = ¿No ha recibido el código?
verify-other-ways = Otras formas de confirmar
verify-choose = Elija cómo confirmar
verify-passkey = Usar mi llave de acceso o llave de seguridad
verify-passkey-hint = Su móvil u ordenador le pedirá su huella, su cara, su PIN o su llave.
verify-device = Abra { $service } en su dispositivo con sesión iniciada y elija el número { $number }.
verify-device-waiting = Esperando su aprobación en el dispositivo…
verify-device-check = Ya lo he aprobado
verify-next-step = Un paso más: confirme con una de estas opciones.
verify-cancel = No he sido yo: cancelar

## Cuando la verificación ha terminado.

verify-finished-approved = Se ha verificado su identidad.
verify-finished-held = Confirmado. Por su seguridad, esta retirada quedará en espera hasta el { $until }, porque sus ajustes de seguridad han cambiado recientemente.
verify-finished-failed = Esta verificación ha fallado. Vuelva a empezar desde { $service }.
verify-finished-expired = Esta verificación ha caducado. Vuelva a empezar desde { $service }.
verify-finished-cancelled = Esta verificación se ha cancelado.
verify-finished-denied = Ha rechazado esta solicitud en su dispositivo.
verify-back-to = Volver a { $service }
verify-not-found-title = Verificación no encontrada
verify-not-found-lead = Este enlace no es válido. Vuelva a empezar desde la web o la app que estaba usando.

## Qué ha fallado en la última acción. $attempts: los intentos que quedan.

verify-error-wrong-code = Ese código no es correcto. Intentos restantes: { $attempts }.
verify-error-credential-refused = No se ha aceptado esa llave de acceso o llave de seguridad. Intentos restantes: { $attempts }.
verify-error-too-many-attempts = Demasiados códigos incorrectos: esta verificación ha fallado.
verify-error-resend-too-soon = Espere un poco antes de pedir otro código.
verify-error-delivery-failed = No hemos podido enviar el código. Elija otra opción más abajo.
verify-error-rate-limited = Se han enviado demasiados códigos. Elija otra opción o inténtelo más tarde.
verify-error-locked = Demasiados intentos fallidos. Inténtelo más tarde.
verify-error-method-unavailable = Esta opción no está disponible para esta verificación.
verify-error-expired = Esta verificación ha caducado.
verify-error-closed = Esta verificación ya ha terminado.
verify-error-other = Se ha producido un error. Inténtelo de nuevo.
