# Quorum's messages in Spanish. English (en.ftl) is the reference.
#
# One file per language (locales/xx.ftl), with the same message ids and the same
# placeables in each; `cargo test` fails otherwise (tests/api/languages.rs). Messages
# whose id starts with `staff-` are for staff pages, which are in English only: they live
# here alone.
#
# Sections, in order: site chrome, dates and times, seats, meeting pages, registration
# and its form, manage page, group home, follow, input, errors, mail, calendars and feeds,
# staff.

## Site chrome

site-nav-groups = Grupos
site-nav-past = Reuniones anteriores
site-nav-calendar = Suscripción al calendario
site-nav-calendar-title = Suscríbase desde su calendario
site-footer = Quorum · reuniones abiertas a observadores
site-language = Idioma

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date }, { $start }–{ $end } { $zone }
when-two-days = del { $date }, { $start } al { $end_date }, { $end } { $zone }

## Seats

seats-open = abierta, sin límite de plazas
seats-full = completa
seats-full-waitlist = completa ({ $count } en lista de espera)
seats-left =
    { $count ->
        [one] queda { $count } plaza
       *[other] quedan { $count } plazas
    }

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] Todas las semanas: { $days }
       *[other] Cada { $interval } semanas: { $days }
    }
rule-short = { $every }, { $time } { $zone }
rule-long =
    { $every } a las { $time } ({ $zone }), { $minutes } minutos, { $count ->
        [one] { $count } reunión
       *[other] { $count } reuniones
    }

## Names of things: formats, attendance, materials, roles

format-in-person = Presencial
format-online = En línea
format-hybrid = Híbrida (presencial y en línea)
attendance-in-person = Presencial
attendance-remote = A distancia
material-agenda = Orden del día
material-slides = Diapositivas
material-minutes = Acta
material-recording = Grabación
material-transcript = Transcripción
material-chat = Chat
material-documents = Documentos
role-chair = Presidencia
role-member = Miembro
role-liaison = Enlace
role-staff = Personal de apoyo

## Durations

duration-hours =
    { $hours ->
        [one] una hora
       *[other] { $hours } horas
    }
duration-hours-minutes = { $hours } horas y { $minutes } minutos
duration-minutes =
    { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }

## Pages: meetings, series, past meetings, registration form, manage page
# Meeting page
meeting-when = Fecha y hora
meeting-format = Modalidad
meeting-where = Lugar
meeting-online = En línea
meeting-online-sent = El enlace para conectarse se envía a los observadores inscritos.
meeting-seats = Plazas
meeting-seat-line = { $mode }: { $seats }
meeting-format-place = { $format } · { $place }
meeting-calendar = Calendario
meeting-download-ics = Descargar (.ics)
meeting-add-google = Añadir a Google Calendar
meeting-add-outlook = Añadir a Outlook
meeting-subscribe-webcal = Suscribirse (webcal)
meeting-materials = Documentación
meeting-agenda = Orden del día
meeting-cancelled = Esta reunión se ha cancelado.
meeting-card-cancelled = Cancelada
meeting-series-part = Forma parte de la serie:
meeting-series-register-once = Inscríbase una sola vez en todas las reuniones de la serie
meeting-series-or-this = o solo en esta, más abajo.

# Registration form (meeting and series pages)
register-heading = Inscribirse como observador
register-room-full = La sala está completa.
register-room-full-choice = Puede apuntarse a la lista de espera para una plaza en la sala o participar ya a distancia.
register-name = Nombre
register-email = Correo electrónico
register-affiliation = Organización
register-optional = (opcional)
register-attendance = ¿Cómo participará?
register-seats-waitlist = { $seats }: quedará en la lista de espera
register-leave-empty = Deje este campo vacío
register-consent-meeting = Acepto que mi nombre, mi correo electrónico y mi organización se conserven para esta reunión y se comuniquen a sus organizadores.
register-consent-series = Acepto que mi nombre, mi correo electrónico y mi organización se conserven para estas reuniones y se comuniquen a sus organizadores.
register-button = Inscribirse
register-remote-instead = Participar a distancia
register-correct-fields = Corrija los campos señalados a continuación.
register-closed-draft = Esta reunión no está publicada.
register-closed-cancelled = Esta reunión se ha cancelado.
register-closed-not-yet = La inscripción para esta reunión aún no está abierta.
register-closed = La inscripción para esta reunión está cerrada.
register-closed-past = Esta reunión ya se ha celebrado.
register-existing-title = Esta dirección ya está inscrita
register-existing = Esta dirección ya está inscrita. Le hemos enviado a esa dirección un nuevo enlace a su inscripción; úselo para consultarla, modificarla o cancelarla.

# Series page
series-coming = Próximas reuniones
series-none-ahead = No hay reuniones próximas.
series-register-heading = Inscribirse en toda la serie
series-register-lead = Una sola inscripción y una sola entrada en el calendario, que se actualiza con cada cambio. Para asistir a una sola reunión, inscríbase en su propia página.
series-register-button = Inscribirse en la serie
series-closed = La inscripción para esta serie está cerrada.

# Lists of meetings
list-past-heading = Reuniones anteriores
list-past-empty = Todavía no hay reuniones anteriores.
list-back-home = Grupos y próximas reuniones

# Manage page (/r/…)
manage-title = Su inscripción
manage-join-now = Conectarse ahora
manage-join-now-hint = La reunión está empezando: este enlace le da acceso.
manage-who = { $name }:
manage-status-confirmed = confirmada
manage-status-waitlisted = en lista de espera
manage-status-pending = aún sin confirmar
manage-status-cancelled = cancelada
manage-group = Grupo
manage-join = Conexión
manage-meeting = Reunión
manage-your-seat = Su plaza
manage-seat-confirmed = confirmada
manage-seat-waitlisted = en lista de espera
manage-seat-cancelled = cancelada
manage-seat-meeting-cancelled = reunión cancelada
manage-materials = Documentación para inscritos
manage-confirm-lead = Confirme que desea inscribirse. Su plaza (en la sala, o en la lista de espera si la reunión está completa) queda reservada al pulsar el botón.
manage-confirm = Confirmar
manage-not-me = No fui yo: borrar estos datos
manage-download-invite = Descargar la invitación para el calendario
manage-switch = Cambiar a: { $attendance }
manage-cancel = Cancelar mi inscripción
manage-keep-secret = No comparta la dirección de esta página: cualquier persona que la tenga puede modificar su inscripción.
manage-done-cancelled = Su inscripción se ha cancelado. Le hemos enviado una confirmación.
manage-done-attendance = Se ha cambiado su modalidad de participación. Le hemos enviado una invitación actualizada.
manage-done-confirmed = Gracias: su dirección está confirmada. Le hemos enviado un mensaje con los detalles.
manage-not-possible = No es posible.
manage-withdrawn-title = No se ha registrado nada
manage-withdrawn = La inscripción nunca se confirmó y sus datos se han borrado.

# After a registration that waits for the address to be confirmed
checkmail-title = Revise su correo
checkmail-sent = Hemos enviado un mensaje a la dirección indicada. Abra el enlace que contiene y pulse «Confirmar» para obtener su plaza. No se reserva ninguna plaza hasta que confirme.
checkmail-valid-for = El enlace es válido durante { $duration }. Pasado ese plazo, los datos sin confirmar se borran y puede volver a inscribirse.
checkmail-no-message = ¿No ha recibido el mensaje?
checkmail-wait = Espere unos minutos y busque en su carpeta de correo no deseado un mensaje de este sitio.
checkmail-typo = Compruebe que escribió bien la dirección. Si no es así, vuelva a inscribirse con la correcta.
checkmail-known = Si ya había inscrito esta dirección, el mensaje contiene en su lugar un enlace a su inscripción existente.
checkmail-back = Volver a la reunión

# Errors beside form fields (the JSON API gives the same English text)
field-required = Este campo es obligatorio.
field-too-long =
    { $max ->
        [one] Como máximo { $max } carácter.
       *[other] Como máximo { $max } caracteres.
    }
field-control-characters = Contiene caracteres de control.
field-single-line = Debe ocupar una sola línea.
field-one-line = Debe ocupar una sola línea, sin saltos de línea, tabulaciones ni otros caracteres de control.
field-invalid-email = Introduzca una dirección de correo electrónico válida, como nombre@example.org.
field-choose-attendance = Indique cómo participará.
field-attendance-one-of = Debe ser uno de estos valores: { $choices }.
field-not-offered = La modalidad «{ $attendance }» no se ofrece aquí.
field-not-offered-here = Esta reunión no ofrece esa modalidad de participación.
field-consent = Acepte la conservación de sus datos; de lo contrario, no podemos inscribirle.
field-leave-empty = Este campo debe quedar vacío.

# Error pages: titles by status, then what they say
errorpage-back = Volver a las próximas reuniones
errorpage-title-400 = Solicitud incorrecta
errorpage-title-401 = Es necesario iniciar sesión
errorpage-title-403 = Acceso denegado
errorpage-title-404 = Página no encontrada
errorpage-title-409 = No es posible
errorpage-title-410 = Ya no está disponible
errorpage-title-413 = Envío demasiado grande
errorpage-title-415 = Formato no admitido
errorpage-title-422 = Datos no válidos
errorpage-title-429 = Demasiadas solicitudes
errorpage-title-500 = Se ha producido un error
errorpage-title-503 = Servicio no disponible temporalmente
errorpage-not-found = Esta página no existe.
errorpage-not-found-meeting = Esta reunión no existe o no está publicada.
errorpage-not-found-series = Esta serie no existe o no está publicada.
errorpage-not-found-group = Este grupo no existe.
errorpage-not-found-link = Este enlace no es válido. Puede haber caducado o haber sido sustituido por otro más reciente.
errorpage-not-found-material = Este documento no existe o no es público.
errorpage-not-found-update = Esta novedad no existe o no está publicada.
errorpage-bad-request = No se ha podido leer la solicitud.
errorpage-unauthorized = Debe iniciar sesión para ver esta página.
errorpage-forbidden = El formulario ha caducado o no se envió desde este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
errorpage-gone = Esto ya no está disponible.
errorpage-series-closed = Ninguna reunión de esta serie está abierta a inscripciones.
errorpage-full = No quedan plazas de este tipo y esta reunión no tiene lista de espera.
errorpage-already-registered = Esta dirección ya está inscrita.
errorpage-already-by-series = Esta dirección ya tiene plaza en esta reunión gracias a su inscripción en la serie.
errorpage-registration-cancelled = Esta inscripción se ha cancelado.
errorpage-confirm-first = Confirme primero su inscripción: la invitación llega con la confirmación.
errorpage-conflict = Ahora no es posible hacerlo. Recargue la página e inténtelo de nuevo.
errorpage-too-large = Lo enviado es demasiado grande.
errorpage-unsupported = Lo enviado no está en un formato que este sitio acepte.
errorpage-validation = Algunos de los datos introducidos no son válidos.
errorpage-rate-limited =
    { $seconds ->
        [one] Demasiadas solicitudes desde su conexión. Inténtelo de nuevo dentro de { $seconds } segundo.
       *[other] Demasiadas solicitudes desde su conexión. Inténtelo de nuevo dentro de { $seconds } segundos.
    }
errorpage-unavailable = El servicio no está disponible temporalmente. Inténtelo de nuevo en unos instantes.
errorpage-internal = Se ha producido un error por nuestra parte. Ha quedado registrado; inténtelo de nuevo más tarde.

# (end of section pages-a)

## Pages: home, group page, updates, follow, input, unsubscribe
# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
