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
# Home page

home-title = Группы и их встречи
home-lead = Встречи, открытые для наблюдателей, очно или дистанционно.
home-no-groups = Групп пока нет.
home-more =
    { $count ->
        [one] ещё { $count } предстоящая встреча
        [few] ещё { $count } предстоящие встречи
        [many] ещё { $count } предстоящих встреч
       *[other] ещё { $count } предстоящей встречи
    }
home-subscribe = Все встречи в вашем календаре
home-feed-apps = Календарь Apple / Thunderbird / Outlook для компьютера
home-feed-ics = лента .ics
home-past = Прошедшие встречи

# Lists of meetings ahead (a weekly series as one line)

upcoming-none = Сейчас встречи не запланированы.
upcoming-next = следующая:
upcoming-ahead =
    { $count ->
        [one] впереди { $count } встреча
        [few] впереди { $count } встречи
        [many] впереди { $count } встреч
       *[other] впереди { $count } встречи
    }
upcoming-all = все встречи

# Group page
# $group is the group's name, as staff wrote it.

group-about = О группе { $group }
group-more-about = Подробнее о группе { $group }
group-contact = Контакт:
group-next = Следующая встреча
group-register = Зарегистрироваться
group-meeting-page = Страница встречи
group-join = Подключиться онлайн
group-add-calendar = Добавить в календарь (.ics)
group-series-all = Все встречи этой серии
group-also-coming = Также впереди
group-upcoming = Предстоящие встречи
group-nothing-else = Других встреч пока не запланировано.
group-closed-draft = Эта встреча не опубликована.
group-closed-cancelled = Эта встреча отменена.
group-closed-not-yet-open = Регистрация на эту встречу ещё не открыта.
group-closed-closed = Регистрация на эту встречу закрыта.
group-closed-past = Эта встреча уже состоялась.
group-timeline = Хронология
group-timeline-empty = Этапов и прошедших встреч пока нет.
group-people = Состав
group-people-empty = Список участников пока пуст.
# Between a person's name and their role: "Denise Michel, Chair".
group-person-sep = {", "}
group-input = Предложения общественности
group-send-input = Направить предложение группе { $group }
group-input-public = Предложения публикуются в открытом архиве без адреса электронной почты отправителя.
group-updates = Новости
group-updates-empty = Новостей пока нет.
group-feed-meetings = Встречи в вашем календаре:
group-feed-milestones = Этапы:
group-feed-updates = Новости:
group-feed-atom = лента Atom
group-back = Вернуться к группе { $group }

# Timeline
# $kind is "Minutes" or "Recording"; $day a short day ("Wed 2 Dec"); $rule a weekly rule.

milestone-done = Выполнен
milestone-planned = Запланирован
timeline-series-note =
    { $count ->
        [one] { $count } прошедшая встреча
        [few] { $count } прошедшие встречи
        [many] { $count } прошедших встреч
       *[other] { $count } прошедшей встречи
    } · { $rule }
timeline-record = { $kind }:
timeline-record-day = { $kind }, { $day }:

# An update's page

update-crumb = Новость
update-published = Опубликовано
update-feed = Лента новостей (Atom)
update-feed-title = { $group }: новости

# Follow a group; unsubscribe

follow-title = Следить за группой { $group }
follow-label = Получать письмо, когда группа { $group } публикует встречу или новость
follow-button = Подписаться
follow-honeypot = Оставьте это поле пустым
follow-hint = Мы отправим одно письмо, чтобы подтвердить адрес. В каждом письме есть ссылка, позволяющая отписаться одним щелчком.
follow-email-problem = Адрес электронной почты: { $problem }
# $within is a duration ("48 hours").
follow-check-mail = Если этот адрес может следить за группой { $group }, мы отправили на него письмо. Откройте ссылку из письма и нажмите «Подтвердить» в течение { $within }; до этого на адрес ничего не отправляется. Если адрес уже подписан на группу, об этом будет сказано в письме.
follow-active = Вы следите за группой { $group }: на этот адрес приходит письмо всякий раз, когда группа публикует встречу, серию встреч или новость. В каждом таком письме есть ссылка, позволяющая отписаться одним щелчком.
follow-confirm-question = Подтвердите, что на этот адрес нужно присылать письмо всякий раз, когда группа { $group } публикует встречу, серию встреч или новость.
follow-confirm = Подтвердить
unsubscribe-title = Отписаться
unsubscribe-done = Вы больше не следите за группой { $group }.
unsubscribe-done-none = Этот адрес не подписан на группу.
unsubscribe-deleted = На него больше ничего не будет отправляться, и он удалён.
unsubscribe-question = Прекратить отправку на этот адрес писем о встречах и новостях этой группы?
unsubscribe-button = Отписаться
unsubscribe-back = Вернуться к предстоящим встречам

# Public input: form, archive, check-mail and confirm pages

input-title = Предложения группе { $group }
input-heading = Предложения общественности группе { $group }
input-lead = Направьте группе свои замечания. Как только вы подтвердите адрес, ваше предложение будет опубликовано в этом архиве под вашим именем. Ваш адрес электронной почты никогда не показывается.
input-lead-forwarded = Направьте группе свои замечания. Как только вы подтвердите адрес, ваше предложение будет опубликовано в этом архиве под вашим именем и передано группе. Ваш адрес электронной почты никогда не показывается.
input-send-heading = Направить предложение
input-correct = Исправьте поля, отмеченные ниже.
input-name = Имя
input-email = Адрес электронной почты
input-not-shown = (не показывается)
input-subject = Тема
input-message = Сообщение
input-message-hint = (обычный текст; ссылки станут активными)
input-send = Отправить
input-hint = Мы отправим на этот адрес одно письмо, чтобы подтвердить его. До подтверждения ничего не публикуется.
input-archive = Архив
input-none = Опубликованных предложений пока нет.
input-no-more = Других предложений нет.
input-pages = Страницы архива
input-newer = Более новые
input-older = Более ранние
input-check-title = Проверьте почту
input-check-sent = Мы отправили письмо на указанный вами адрес. Откройте ссылку из письма и нажмите «Подтвердить», чтобы опубликовать ваше предложение группе { $group }. До подтверждения ничего не публикуется.
# $duration is a duration ("48 hours").
input-check-expiry = Ссылка действительна { $duration }. После этого неподтверждённые предложения удаляются, и вы сможете отправить своё ещё раз.
input-check-none = Письмо не пришло?
input-check-wait = Подождите несколько минут и поищите письмо от этого сайта в папке «Спам» или «Нежелательная почта».
input-check-typo = Проверьте, правильно ли вы ввели адрес. Если нет, просто отправьте предложение ещё раз с правильным адресом.
input-back-archive = Вернуться в архив предложений
input-yours = Ваше предложение группе { $group }
input-hidden = Ваше предложение было опубликовано; позднее сотрудники группы скрыли его из архива.
input-published = Ваше предложение опубликовано.
input-see-archive = Посмотреть его в архиве группы
input-confirm-question = Подтвердите, что это предложение отправили вы. Когда вы нажмёте кнопку, оно будет опубликовано в открытом архиве группы в том виде, в каком показано ниже. Ваш адрес электронной почты не показывается.
input-confirm-question-forwarded = Подтвердите, что это предложение отправили вы. Когда вы нажмёте кнопку, оно будет опубликовано в открытом архиве группы в том виде, в каком показано ниже, и передано группе. Ваш адрес электронной почты не показывается.
input-not-you = Если вы его не отправляли, ничего не делайте: оно будет удалено без публикации.
input-thanks = Спасибо! Ваше предложение опубликовано.

# Problems beside the fields of the input and follow forms
# $max is a number of characters.

input-error-required = Это поле обязательно.
input-error-too-long =
    { $max ->
        [one] Не более { $max } символа.
        [few] Не более { $max } символов.
        [many] Не более { $max } символов.
       *[other] Не более { $max } символа.
    }
input-error-control = Содержит управляющие символы.
input-error-single-line = Должно быть в одну строку.
input-error-one-line = Должно быть в одну строку, без переносов строк, табуляции и других управляющих символов.
input-error-email = Введите действительный адрес электронной почты, например name@example.org.

# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
