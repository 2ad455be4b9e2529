### El centro de atención (/support) y sus herramientas de autoservicio.

support-title = Centro de atención
support-lead = Herramientas de autoservicio. Nadie de nuestro equipo le pedirá nunca sus códigos.
support-join-tool = Unirse a una cita por videollamada
support-join-tool-hint = Demuestre que es usted y únase a la llamada concertada con nuestro equipo de atención.
support-check-tool = Comprobar que un agente es auténtico
support-check-tool-hint = ¿Alguien dice ser de nuestro equipo de atención? Compruebe el código que le lee.
support-join-title = Unirse a su videollamada
support-join-lead = Introduzca el código de cita que recibió en su conversación con nuestro equipo de atención.
support-appointment-code = Código de cita
support-appointment-code-hint = 12 letras y cifras, p. ej. 7KQ2-9XMD-4TPR
support-continue = Continuar
support-verify-lead = Su llamada con
support-totp-code = Código de su app de autenticación
support-totp-hint = El código de 6 cifras que muestra la app para esta cuenta.
support-email-code = Código recibido por correo electrónico
support-email-hint = Lo enviamos a
support-verify-button = Verificar y unirse
support-join-button = Unirse a la videollamada
support-check-title = ¿Es auténtico este agente?
support-check-lead = Pida al agente que le lea su código e introdúzcalo junto con su código de cita.
support-agent-code = Código del agente
support-check-button = Comprobar

## Lo que muestra el script de la página (atributos data-msg-*). El script
## sustituye $agent y $n: la página lleva "{agent}" y "{n}" en su lugar, así
## que un plural elige aquí su forma "other".

support-msg-working = Un momento…
support-msg-verified = Se ha verificado su identidad. Ya puede unirse a la llamada.
support-msg-genuine = Auténtico: { $agent } forma parte de nuestro equipo de atención.
support-msg-not-genuine = Este código no es correcto. No facilite ningún dato, cuelgue y contacte con nosotros desde nuestra web.
support-msg-not-found = Este código de cita no existe. Compruébelo e inténtelo de nuevo.
support-msg-too-early = Todavía es pronto: la llamada se abre 15 minutos antes de la hora de inicio.
support-msg-too-late = Esta llamada ya ha terminado. Concierte una nueva cita con nuestro equipo de atención.
support-msg-appointment-cancelled = Esta cita se ha cancelado.
support-msg-invalid-code = Este código no es correcto.
support-msg-attempts-left =
    { $n ->
        [one] Le queda { $n } intento.
       *[other] Le quedan { $n } intentos.
    }
support-msg-too-many-attempts = Demasiados códigos incorrectos. Vuelva a empezar con su código de cita.
support-msg-rate-limited = Demasiados intentos desde esta conexión.
support-msg-retry =
    { $n ->
        [one] Inténtelo de nuevo dentro de { $n } minuto.
       *[other] Inténtelo de nuevo dentro de { $n } minutos.
    }
support-msg-locked = Su cuenta está bloqueada temporalmente tras demasiados códigos incorrectos.
support-msg-policy-unsatisfiable = Para las llamadas verificadas se necesita una app de autenticación. Configúrela en los ajustes de seguridad de su cuenta.
support-msg-expired = Esta verificación ha caducado. Vuelva a empezar.
support-msg-not-join-session = Este navegador no se ha unido a esta llamada. Vuelva a empezar con su código de cita.
support-msg-error = Se ha producido un error. Inténtelo de nuevo.
