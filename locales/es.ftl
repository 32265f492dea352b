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
# (end of section pages-a)

## Pages: home, group page, updates, follow, input, unsubscribe
# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

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
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
