### El centro de seguridad (/security).

security-title = Centro de seguridad
security-lead = Las formas de demostrar que es usted y lo que ha ocurrido últimamente en su cuenta.
security-methods = Formas de demostrar que es usted
security-no-methods = Todavía no tiene ningún autenticador. Añada uno: los códigos solo por SMS o correo son fáciles de robar.
security-add-method = Añadir un método
security-add-totp = Añadir una app de autenticación
security-add-passkey = Añadir una llave de acceso
security-add-security-key = Añadir una llave de seguridad
security-devices = Dispositivos de confianza
security-no-devices = Ningún dispositivo de confianza.
security-recovery = Códigos de recuperación
security-recovery-left =
    { $n ->
        [one] Le queda { $n } código de 10.
       *[other] Le quedan { $n } códigos de 10.
    }
security-no-recovery = No tiene códigos de recuperación. Genérelos y guárdelos en un lugar seguro por si pierde sus otros métodos.
security-new-recovery = Generar nuevos códigos de recuperación
security-contacts = Correo electrónico y teléfono
security-email = Correo electrónico
security-phone = Teléfono
security-verified = Verificado
security-unverified = No verificado
security-none = Ninguno
security-activity = Actividad de seguridad reciente
security-no-activity = Todavía nada.
# Seguido de una fecha y una hora.
security-added = Añadido el
# Seguido de una fecha y una hora.
security-last-used = último uso el
security-never-used = nunca usado
security-remove = Eliminar
security-sign-out = Cerrar sesión
security-back-to-app = Volver a la app
security-back = Volver al centro de seguridad
security-strength =
    { $strength ->
        [phishing_resistant] Resistente al phishing
        [strong] Alta seguridad
        [backup] De reserva
       *[weaker] Menor seguridad
    }
security-kind =
    { $kind ->
        [passkey] Llave de acceso
        [webauthn] Llave de acceso
        [security_key] Llave de seguridad
        [device] Dispositivo de confianza
        [totp] App de autenticación
        [hotp] Token físico
       *[recovery_codes] Códigos de recuperación
    }
security-sent-codes = Códigos por SMS, llamada o correo electrónico
security-notice-added = Hecho: se ha añadido el método. Hemos enviado un aviso a su correo y su teléfono verificados.
security-notice-removed = Hecho: se ha eliminado el método. Hemos enviado un aviso a su correo y su teléfono verificados.
security-notice-session-ended = Hecho: se ha cerrado esa sesión.
security-notice-others-ended = Hecho: se han cerrado sus otras sesiones.

## Añadir una app de autenticación.

security-totp-title = Añadir una app de autenticación
security-totp-scan = Escanee este código QR con su app de autenticación (Google Authenticator, Aegis, 1Password…) e introduzca el código que muestre.
security-totp-qr = Código QR para escanear con su app de autenticación
security-totp-key = ¿No puede escanearlo? Introduzca esta clave en la app:
security-totp-open = Abrir en una app de autenticación de este dispositivo
security-totp-code = Código de la app
security-totp-code-hint = 6 cifras. Esta clave solo se muestra ahora.
security-activate = Activar
security-wrong-code = Este código no es correcto. Revise la app e inténtelo de nuevo.

## Añadir una llave de acceso o una llave de seguridad.

security-passkey-title = Añadir una llave de acceso
security-passkey-lead = Su móvil u ordenador guarda la llave de acceso y la desbloquea con su huella, su cara o su PIN. Solo funciona en este sitio, así que una web falsa no obtiene nada.
security-security-key-title = Añadir una llave de seguridad
security-security-key-lead = Tenga a mano su llave de seguridad: conéctela o acérquela al móvil cuando se le pida y, después, tóquela.
security-webauthn-label = Nombre (opcional)
security-webauthn-label-hint = Para reconocerla más adelante, p. ej. «Portátil del trabajo».
security-webauthn-start = Continuar
security-webauthn-working = Siga las instrucciones de su navegador…
security-webauthn-cancelled = Se ha cancelado o ha caducado. Inténtelo de nuevo.
security-webauthn-failed = No se ha podido añadir. Inténtelo de nuevo.

## Códigos de recuperación, confirmaciones, inicio y fin de la sesión.

security-codes-title = Sus nuevos códigos de recuperación
security-codes-lead = Cada código sirve una sola vez. Imprímalos o anótelos y guárdelos en un lugar seguro: solo se muestran ahora. Sus códigos anteriores ya no funcionan.
security-done = Hecho
security-confirm-title = Verificado
security-confirm-lead = Ha demostrado que es usted. ¿Eliminar este método?
security-confirm-add-lead = Ha demostrado que es usted. Continúe para añadir:
security-cancel = Conservarlo
security-opening-title = Abriendo su centro de seguridad
security-opening-lead = Un momento…
security-continue = Continuar
security-signed-out-title = Sesión cerrada
security-signed-out-lead = Ha salido del centro de seguridad.
security-step-up-first-title = Primero, confirme que es usted
security-step-up-first-lead = Para añadir una forma de acceder a su cuenta se necesita una nueva verificación.
security-verify-me = Verificar que soy yo

## Qué ha fallado.

security-link-title = Este enlace ya no funciona
security-link-lead = Los enlaces al centro de seguridad sirven una sola vez y durante 5 minutos. Vuelva a la app y abra de nuevo el centro de seguridad.
security-session-title = Su sesión ha terminado
security-session-lead = Por su seguridad, el centro de seguridad se cierra tras 10 minutos sin actividad y tras 30 minutos en total. Vuelva a la app y ábralo de nuevo.
security-csrf-title = No se ha podido comprobar esta solicitud
security-csrf-lead = No se ha cambiado nada. Vuelva al centro de seguridad, recárguelo e inténtelo de nuevo.
security-not-found-title = No encontrado
security-not-found-lead = Este método no está en su cuenta.
security-step-up-title = No verificado
security-step-up-lead = Esta verificación no se completó o ya se había usado. No se ha cambiado nada.
security-unsatisfiable-lead = Para cambiar sus métodos debe demostrar que es usted con un autenticador y un código por correo o SMS, y esta cuenta no puede hacerlo. Contacte con nuestro equipo de atención.
security-locked-lead = Demasiados códigos incorrectos: su cuenta está bloqueada temporalmente. Inténtelo más tarde.
security-expired-lead = Esta configuración ha esperado demasiado. Vuelva a empezar.
security-error-lead = No se ha cambiado nada. Inténtelo de nuevo en unos instantes.

## Sesiones.

security-sessions = Sus sesiones
security-sessions-lead = Si no reconoce una sesión, ciérrela.
security-this-session = Esta sesión
security-browser-on = { $browser } en { $system }
security-unknown-browser = Navegador desconocido
# Seguido de una fecha y una hora.
security-opened = Abierta el
# Seguido de una fecha y una hora.
security-last-active = última actividad el
security-end-session = Cerrar esta sesión
security-end-others = Cerrar todas las demás sesiones
security-end-others-offer = ¿Ha hecho este cambio porque algo le parecía extraño? Cierre también sus otras sesiones.

## Actividad reciente. $kind: como en security-kind; $purpose: como en code-action.

security-event-factor-activated = Método añadido: { security-kind }
security-event-factor-removed = Método eliminado: { security-kind }
security-event-recovery-codes = Nuevos códigos de recuperación
security-event-factor-activation-failed = Código incorrecto al añadir un método
security-event-factor-possible-clone = Una llave de seguridad parecía copiada y se ha rechazado
security-event-contact-changed =
    { $field ->
        [email] Correo electrónico cambiado
       *[phone] Teléfono cambiado
    }
security-event-challenge-approved = Verificación correcta para { code-action }
security-event-challenge-failed = Verificación fallida para { code-action }
security-event-challenge-denied = Solicitud para { code-action } rechazada en un dispositivo de confianza
security-event-challenge-code-rejected = Código incorrecto introducido
security-event-user-locked = Cuenta bloqueada tras códigos incorrectos
security-event-portal-session-opened = Centro de seguridad abierto
security-event-portal-session-revoked = Sesión del centro de seguridad cerrada
