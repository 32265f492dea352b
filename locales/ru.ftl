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
mail-subject = { $heading }: { $title }
mail-kind-confirm-address = Подтвердите регистрацию
mail-kind-confirmed = Регистрация подтверждена
mail-kind-promoted = Для вас освободилось место
mail-kind-waitlisted = Вы в листе ожидания
mail-kind-already-registered = Этот адрес уже зарегистрирован
mail-kind-attendance-changed = Формат участия изменён
mail-kind-observer-cancelled = Регистрация отменена
mail-kind-meeting-changed = Встреча изменена
mail-kind-zone-rules-changed = Время встречи уточнено
mail-kind-meeting-cancelled = Встреча отменена
mail-kind-reminder = Напоминание
mail-kind-material-added = Новые материалы
mail-hello-name = Здравствуйте, { $name }!
mail-hello = Здравствуйте!
mail-intro-confirm-address = Кто-то (вероятно, вы) попросил зарегистрировать этот адрес на встречу, указанную ниже. Чтобы занять место, откройте ссылку ниже и нажмите «Подтвердить». Срок для подтверждения: { $duration }. До этого место за вами не закрепляется.
mail-intro-not-you = Если это были не вы, просто проигнорируйте это письмо: ничего не зарегистрировано, а данные будут удалены.
mail-intro-confirmed = Ваша регистрация подтверждена. Приложенное приглашение добавит встречу в ваш календарь и будет обновляться при её изменении.
mail-intro-promoted = Освободилось место, и теперь оно ваше: ваша регистрация подтверждена. Приложенное приглашение добавит встречу в ваш календарь.
mail-intro-waitlisted = Все места на встречу заняты, поэтому вы внесены в лист ожидания. Если место освободится, его получит тот, кто ждёт дольше всех, и вам придёт подтверждение с приглашением в календарь.
mail-intro-already-registered = Кто-то (вероятно, вы) снова попытался зарегистрировать этот адрес на эту встречу. Регистрация уже есть: по ссылке ниже её можно просмотреть, изменить или отменить. Прежние ссылки продолжают действовать.
mail-intro-attendance-changed = Формат вашего участия изменён. Приложенное приглашение обновит ваш календарь.
mail-intro-observer-cancelled = Ваша регистрация отменена. Приложенная отмена удалит встречу из вашего календаря.
mail-intro-meeting-changed = Во встречу внесены изменения. Приложенное приглашение обновит ваш календарь; ниже указаны новые данные.
mail-intro-zone-rules-changed = В месте проведения встречи изменились правила часового пояса (база данных tz { $version }). Местное время встречи, указанное ниже, остаётся прежним; изменилось её время по UTC, а значит, и в других часовых поясах. Приложенное приглашение обновит ваш календарь.
mail-intro-meeting-cancelled = Эта встреча отменена. Приложенная отмена удалит её из вашего календаря.
mail-cancel-reason = Причина: { $reason }
mail-intro-material-added = К встрече, указанной ниже, добавлены новые материалы.
mail-intro-reminder = До начала встречи, указанной ниже, осталось: { $duration }. Ваше место подтверждено; подробности ниже.
mail-when = Когда
mail-where = Где
mail-join = Подключение
mail-you = Вы
mail-page = Страница
mail-agenda = Повестка дня
mail-group = Группа
mail-material = Материал
mail-next = Следующая встреча: { $when }
mail-status-pending = адрес ожидает подтверждения
mail-status-confirmed = регистрация подтверждена
mail-status-waitlisted = в листе ожидания
mail-status-cancelled = регистрация отменена
mail-what-changed = Что изменилось
mail-change-title = Название
mail-change-time = Время
mail-change-place = Место
mail-change-join = Ссылка для подключения
mail-change-none = (нет)
mail-link-confirm = Подтвердить регистрацию
mail-link-manage = Изменить или отменить регистрацию
mail-link-keep-line = { $label } (никому не передавайте эту ссылку):
mail-link-keep = Никому не передавайте эту ссылку: любой, у кого она есть, может изменить вашу регистрацию.
mail-footer = Отправлено системой Quorum. Вы получили это письмо, потому что этот адрес был зарегистрирован на указанную выше встречу.
mail-follow-subject = Подтвердите подписку на группу { $group }
mail-follow-subject-already = Вы уже подписаны на группу { $group }
mail-follow-intro = Кто-то (вероятно, вы) попросил присылать письмо всякий раз, когда группа { $group } публикует встречу, серию встреч или новость. Чтобы начать, откройте ссылку ниже и нажмите «Подтвердить». Срок для подтверждения: { $duration }.
mail-follow-not-you = Если это были не вы, просто проигнорируйте это письмо: на этот адрес ничего не будет отправлено, и он будет удалён.
mail-follow-already = Кто-то (вероятно, вы) попросил подписать этот адрес на группу { $group }. Этот адрес уже подписан на неё: ничего не изменилось.
mail-follow-confirm = Подтвердить
mail-follow-footer = Отправлено системой Quorum, потому что этот адрес был указан в форме подписки на группу, указанную выше.
mail-unsubscribe = Отписаться
mail-unsubscribe-one-click = Отписаться одним щелчком
mail-announce-meeting = Новая встреча
mail-announce-series = Новая серия встреч
mail-announce-update = Новость
mail-announce-subject = { $heading }: { $title } ({ $group })
mail-announce-published = Новая публикация группы { $group }:
mail-read-more = Подробнее
mail-announce-footer = Отправлено системой Quorum, потому что вы подписаны на группу { $group }.
mail-input-subject = Подтвердите своё обращение в группу { $group }
mail-input-title = Подтвердите своё обращение
mail-input-intro = Кто-то (вероятно, вы) отправил обращение в группу { $group } через её публичную страницу, указав этот адрес. Чтобы опубликовать его в открытом архиве группы и передать группе, откройте ссылку ниже и нажмите «Подтвердить». Срок для подтверждения: { $duration }.
mail-input-review = Просмотреть и подтвердить
mail-input-shown = Ваше имя, тема и текст сообщения публикуются в архиве, а ваш адрес — нет.
mail-input-not-you = Если это были не вы, просто проигнорируйте это письмо: ничего не будет опубликовано, а данные будут удалены.
mail-input-footer = Отправлено системой Quorum, потому что этот адрес был указан в форме обращений одной из групп.
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
