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
# (end of section mail)

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
# (end of section feeds)
