# Quorum's messages in Russian. English (en.ftl) is the reference.
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

site-nav-groups = Группы
site-nav-past = Прошедшие встречи
site-nav-calendar = Календарь
site-nav-calendar-title = Подписаться в своём календаре
site-footer = Quorum · встречи, открытые для наблюдателей
site-language = Язык

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date }, { $start }–{ $end } { $zone }
when-two-days = с { $date }, { $start } по { $end_date }, { $end } { $zone }

## Seats

seats-open = открыто, без ограничений
seats-full = мест нет
seats-full-waitlist = мест нет ({ $count } в листе ожидания)
seats-left =
    { $count ->
        [one] осталось { $count } место
        [few] осталось { $count } места
       *[other] осталось { $count } мест
    }

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] Каждую неделю: { $days }
        [one] Раз в { $interval } неделю: { $days }
        [few] Раз в { $interval } недели: { $days }
       *[other] Раз в { $interval } недель: { $days }
    }
rule-short = { $every }, { $time } { $zone }
rule-long =
    { $every }, в { $time } ({ $zone }), { $minutes } мин., { $count ->
        [one] { $count } встреча
        [few] { $count } встречи
       *[other] { $count } встреч
    }

## Names of things: formats, attendance, materials, roles

format-in-person = Очно
format-online = Онлайн
format-hybrid = Смешанный формат (очно и онлайн)
attendance-in-person = Очно
attendance-remote = Дистанционно
material-agenda = Повестка дня
material-slides = Слайды
material-minutes = Протокол
material-recording = Запись
material-transcript = Стенограмма
material-chat = Чат
material-documents = Документы
role-chair = Председатель
role-member = Участник
role-liaison = Связной
role-staff = Сотрудник секретариата

## Durations

duration-hours =
    { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[other] { $hours } часов
    }
duration-hours-minutes = { $hours } ч { $minutes } мин
duration-minutes =
    { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[other] { $minutes } минут
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
ics-online = Онлайн
ics-cancelled = ОТМЕНЕНО
ics-cancelled-reason = ОТМЕНЕНО: { $reason }
ics-join-online = Подключиться онлайн:
ics-manage = Изменить или отменить регистрацию:
ics-milestone-done = Статус: выполнено
ics-milestone-planned = Статус: запланировано
ics-milestones-name = { $group }: ключевые этапы
atom-updates-title = { $group }: новости
ics-invite-pending = Сначала подтвердите регистрацию: приглашение придёт вместе с подтверждением.
# (end of section feeds)
