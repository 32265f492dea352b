# Quorum's messages in Spanish. English (en.ftl) is the reference.
#
# One file per language (locales/xx.ftl), with the same message ids and the same
# placeables in each; `cargo test` fails otherwise (tests/api/languages.rs). Messages
# whose id starts with `staff-` are for staff pages, which are in English only: they live
# here alone.
#
# Sections, in order: site chrome, dates and times, seats, weekly series, names of things,
# durations, the meeting pages, the group's pages, mail, calendars and
# feeds, staff (en.ftl only).

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


## Pages: home, group page, updates, follow, input, unsubscribe
# Home page

home-title = Los grupos y sus reuniones
home-lead = Reuniones abiertas a observadores, de forma presencial o a distancia.
home-no-groups = Todavía no hay grupos.
home-more =
    { $count ->
        [one] { $count } reunión más prevista
       *[other] { $count } reuniones más previstas
    }
home-subscribe = Todas las reuniones en su calendario
home-feed-apps = Calendario de Apple / Thunderbird / Outlook (escritorio)
home-feed-ics = fuente .ics
home-past = Reuniones anteriores

# Lists of meetings ahead (a weekly series as one line)

upcoming-none = No hay reuniones programadas por el momento.
upcoming-next = próxima:
upcoming-ahead =
    { $count ->
        [one] queda { $count } reunión
       *[other] quedan { $count } reuniones
    }
upcoming-all = ver todas

# Group page
# $group is the group's name, as staff wrote it.

group-about = Acerca de { $group }
group-more-about = Más información sobre { $group }
group-contact = Contacto:
group-next = Próxima reunión
group-register = Inscribirse
group-meeting-page = Página de la reunión
group-join = Unirse en línea
group-add-calendar = Añadir al calendario (.ics)
group-series-all = Todas las reuniones de esta serie
group-also-coming = También próximamente
group-upcoming = Próximas reuniones
group-nothing-else = Todavía no hay nada más programado.
group-timeline = Cronología
group-timeline-empty = Todavía no hay hitos ni reuniones anteriores.
group-people = Integrantes
group-people-empty = Todavía no figura ningún integrante.
# Between a person's name and their role: "Denise Michel, Chair".
group-person-sep = {", "}
group-input = Aportaciones del público
group-send-input = Enviar una aportación a { $group }
group-input-public = Las aportaciones se archivan públicamente, sin la dirección de correo electrónico de quien las envía.
group-updates = Novedades
group-updates-empty = Todavía no hay novedades.
group-feed-meetings = Las reuniones en su calendario:
group-feed-milestones = Hitos:
group-feed-updates = Novedades:
group-feed-atom = fuente Atom
group-back = Volver a { $group }

# Timeline
# $kind is "Minutes" or "Recording"; $day a short day ("Wed 2 Dec"); $rule a weekly rule.

milestone-done = Cumplido
milestone-planned = Previsto
timeline-series-note =
    { $count ->
        [one] { $count } reunión celebrada
       *[other] { $count } reuniones celebradas
    } · { $rule }
timeline-record = { $kind }:
timeline-record-day = { $kind }, { $day }:

# An update's page

update-crumb = Novedad
update-published = Publicada el
update-feed = Fuente de novedades (Atom)
update-feed-title = { $group }: novedades

# Follow a group; unsubscribe

follow-title = Seguir a { $group }
follow-label = Reciba un correo electrónico cuando { $group } publique una reunión o una novedad
follow-button = Seguir
follow-honeypot = Deje este campo vacío
follow-hint = Enviamos un único mensaje para confirmar la dirección. Cada correo incluye un enlace para darse de baja con un solo clic.
follow-email-problem = Correo electrónico: { $problem }
# $within is a duration ("48 hours").
follow-check-mail = Si esta dirección puede seguir a { $group }, le hemos enviado un mensaje. Abra el enlace que contiene y pulse «Confirmar» en un plazo de { $within }; hasta entonces no se le enviará nada. Si la dirección ya sigue al grupo, el mensaje lo indica.
follow-active = Usted sigue a { $group }: esta dirección recibe un correo electrónico cada vez que el grupo publica una reunión, una serie de reuniones o una novedad. Cada uno de esos correos incluye un enlace para darse de baja con un solo clic.
follow-confirm-question = Confirme que esta dirección debe recibir un correo electrónico cada vez que { $group } publique una reunión, una serie de reuniones o una novedad.
follow-confirm = Confirmar
unsubscribe-title = Darse de baja
unsubscribe-done = Ya no sigue a { $group }.
unsubscribe-done-none = Esta dirección no sigue al grupo.
unsubscribe-deleted = No se le enviará nada más y se ha eliminado.
unsubscribe-question = ¿Dejar de enviar a esta dirección los correos sobre las reuniones y novedades de este grupo?
unsubscribe-button = Darse de baja
unsubscribe-back = Volver a las próximas reuniones

# Public input: form, archive, check-mail and confirm pages

input-title = Aportaciones a { $group }
input-heading = Aportaciones del público a { $group }
input-lead = Envíe sus comentarios al grupo. Una vez que confirme su dirección, su aportación se publica en este archivo con su nombre. Su dirección de correo electrónico nunca se muestra.
input-lead-forwarded = Envíe sus comentarios al grupo. Una vez que confirme su dirección, su aportación se publica en este archivo con su nombre y se transmite al grupo. Su dirección de correo electrónico nunca se muestra.
input-send-heading = Enviar una aportación
input-correct = Corrija los campos señalados a continuación.
input-name = Nombre
input-email = Correo electrónico
input-not-shown = (no se muestra)
input-subject = Asunto
input-message = Mensaje
input-message-hint = (texto sin formato; los enlaces se vuelven clicables)
input-send = Enviar
input-hint = Enviamos un único mensaje a la dirección para confirmarla. No se publica nada hasta que usted lo haga.
input-archive = Archivo
input-none = Todavía no se ha publicado ninguna aportación.
input-no-more = No hay más aportaciones.
input-pages = Páginas del archivo
input-newer = Más recientes
input-older = Más antiguas
input-check-title = Revise su correo
input-check-sent = Hemos enviado un mensaje a la dirección que indicó. Abra el enlace que contiene y pulse «Confirmar» para publicar su aportación a { $group }. No se publica nada hasta que confirme.
# $duration is a duration ("48 hours").
input-check-expiry = El enlace es válido durante { $duration }. Pasado ese plazo, las aportaciones no confirmadas se eliminan y puede volver a enviar la suya.
input-check-none = ¿No ha recibido el mensaje?
input-check-wait = Espere unos minutos y busque en su carpeta de correo no deseado un mensaje de este sitio.
input-check-typo = Compruebe que escribió bien la dirección. Si no es así, vuelva a enviar su aportación con la dirección correcta.
input-back-archive = Volver al archivo de aportaciones
input-yours = Su aportación a { $group }
input-hidden = Su aportación se publicó; desde entonces, el personal del grupo la ha ocultado del archivo.
input-published = Su aportación está publicada.
input-see-archive = Verla en el archivo del grupo
input-confirm-question = Confirme que usted envió esta aportación. Al pulsar el botón, se publica en el archivo público del grupo tal como se muestra a continuación. Su dirección de correo electrónico no se muestra.
input-confirm-question-forwarded = Confirme que usted envió esta aportación. Al pulsar el botón, se publica en el archivo público del grupo tal como se muestra a continuación y se transmite al grupo. Su dirección de correo electrónico no se muestra.
input-not-you = Si no la envió usted, no haga nada: se eliminará sin publicarse.
input-thanks = Gracias: su aportación está publicada.


## Mail to observers, followers and input authors
mail-subject = { $heading }: { $title }
mail-kind-confirm-address = Confirme su inscripción
mail-kind-confirmed = Inscripción confirmada
mail-kind-promoted = Ya tiene plaza
mail-kind-waitlisted = Está en la lista de espera
mail-kind-already-registered = Esta dirección ya está inscrita
mail-kind-attendance-changed = Modalidad de asistencia modificada
mail-kind-observer-cancelled = Inscripción cancelada
mail-kind-meeting-changed = Reunión modificada
mail-kind-zone-rules-changed = Hora de la reunión corregida
mail-kind-meeting-cancelled = Reunión cancelada
mail-kind-reminder = Recordatorio
mail-kind-material-added = Nuevo material
mail-hello-name = Hola, { $name }:
mail-hello = Hola:
mail-intro-confirm-address = Alguien (probablemente usted) ha solicitado inscribir esta dirección en la reunión que figura a continuación. Para reservar su plaza, abra el enlace siguiente y pulse «Confirmar» en un plazo de { $duration }. Hasta entonces no se reserva ninguna plaza.
mail-intro-not-you = Si no ha sido usted, ignore este mensaje: no se inscribe nada y los datos se eliminarán.
mail-intro-confirmed = Su inscripción está confirmada. La invitación adjunta añade la reunión a su calendario y se mantendrá actualizada si la reunión cambia.
mail-intro-promoted = Ha quedado una plaza libre y ahora es suya: su inscripción está confirmada. La invitación adjunta añade la reunión a su calendario.
mail-intro-waitlisted = La reunión está completa, por lo que usted figura en la lista de espera. Si queda una plaza libre, se asignará a la persona que lleve más tiempo esperando, y usted recibirá una confirmación con una invitación de calendario.
mail-intro-already-registered = Alguien (probablemente usted) ha intentado inscribir de nuevo esta dirección en esta reunión. Ya tiene una inscripción; use el enlace siguiente para consultarla, modificarla o cancelarla. Los enlaces anteriores siguen siendo válidos.
mail-intro-attendance-changed = Se ha modificado su modalidad de asistencia. La invitación adjunta actualiza su calendario.
mail-intro-observer-cancelled = Se ha cancelado su inscripción. La cancelación adjunta elimina la reunión de su calendario.
mail-intro-meeting-changed = Esta reunión ha cambiado. La invitación adjunta actualiza su calendario; los datos que figuran a continuación son los nuevos.
mail-intro-zone-rules-changed = Han cambiado las reglas de huso horario del lugar de esta reunión (base de datos tz { $version }). La reunión mantiene su hora local, indicada a continuación; su hora en UTC, y por tanto en otros husos horarios, ha cambiado. La invitación adjunta actualiza su calendario.
mail-intro-meeting-cancelled = Se ha cancelado esta reunión. La cancelación adjunta la elimina de su calendario.
mail-cancel-reason = Motivo: { $reason }
mail-intro-material-added = Se ha añadido nuevo material a la reunión que figura a continuación.
mail-intro-reminder = La reunión que figura a continuación comienza dentro de { $duration }. Su plaza está confirmada; encontrará los datos a continuación.
mail-when = Fecha y hora
mail-where = Lugar
mail-join = Conexión
mail-you = Usted
mail-page = Página
mail-agenda = Orden del día
mail-group = Grupo
mail-material = Material
mail-next = Próxima reunión: { $when }
mail-status-pending = pendiente de confirmar la dirección
mail-status-confirmed = inscripción confirmada
mail-status-waitlisted = en lista de espera
mail-status-cancelled = inscripción cancelada
mail-what-changed = Cambios
mail-change-title = Título
mail-change-time = Horario
mail-change-place = Lugar
mail-change-join = Enlace de conexión
mail-change-none = (ninguno)
mail-link-confirm = Confirmar su inscripción
mail-link-manage = Modificar o cancelar su inscripción
mail-link-keep-line = { $label } (no comparta este enlace):
mail-link-keep = No comparta este enlace: cualquier persona que lo tenga puede modificar su inscripción.
mail-footer = Enviado por Quorum. Recibe este mensaje porque esta dirección se inscribió en la reunión indicada.
mail-follow-subject = Confirme que desea seguir a { $group }
mail-follow-subject-already = Ya sigue a { $group }
mail-follow-intro = Alguien (probablemente usted) ha solicitado recibir un correo electrónico cada vez que { $group } publique una reunión, una serie de reuniones o una novedad. Para empezar, abra el enlace siguiente y pulse «Confirmar» en un plazo de { $duration }.
mail-follow-not-you = Si no ha sido usted, ignore este mensaje: no se enviará nada a esta dirección, que se eliminará.
mail-follow-already = Alguien (probablemente usted) ha solicitado seguir a { $group } con esta dirección. Esta dirección ya sigue al grupo: no ha cambiado nada.
mail-follow-confirm = Confirmar
mail-follow-footer = Enviado por Quorum porque esta dirección se introdujo en el formulario para seguir al grupo indicado.
mail-unsubscribe = Cancelar la suscripción
mail-unsubscribe-one-click = Cancelar la suscripción con un clic
mail-announce-meeting = Nueva reunión
mail-announce-series = Nueva serie de reuniones
mail-announce-update = Novedad
mail-announce-subject = { $heading }: { $title } ({ $group })
mail-announce-published = { $group } ha publicado:
mail-read-more = Leer más
mail-announce-footer = Enviado por Quorum porque usted sigue a { $group }.
mail-input-subject = Confirme su aportación a { $group }
mail-input-title = Confirme su aportación
mail-input-intro = Alguien (probablemente usted) ha enviado una aportación a { $group } a través de su página pública, con esta dirección. Para publicarla en el archivo público del grupo y hacérsela llegar, abra el enlace siguiente y pulse «Confirmar» en un plazo de { $duration }:
mail-input-review = Revisar y confirmar
mail-input-shown = Su nombre, el asunto y el mensaje se muestran en el archivo; su dirección, no.
mail-input-not-you = Si no ha sido usted, ignore este mensaje: no se publica nada y los datos se eliminarán.
mail-input-footer = Enviado por Quorum porque esta dirección se indicó en el formulario de aportaciones de un grupo.


## Calendars (invites and feeds) and the Atom feed
ics-online = En línea
ics-cancelled = CANCELADA
ics-cancelled-reason = CANCELADA: { $reason }
ics-join-online = Participar en línea:
ics-manage = Modificar o cancelar su inscripción:
ics-milestone-done = Estado: cumplido
ics-milestone-planned = Estado: previsto
ics-milestones-name = { $group }: hitos
atom-updates-title = { $group }: novedades
ics-invite-pending = Confirme primero su inscripción: la invitación se envía con la confirmación.
