# Quorum's messages in Russian. English (en.ftl) is the reference.
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
# Meeting page
meeting-when = Дата и время
meeting-format = Формат
meeting-where = Место
meeting-online = Онлайн
meeting-online-sent = Ссылка для подключения рассылается зарегистрированным наблюдателям.
meeting-seats = Места
meeting-seat-line = { $mode }: { $seats }
meeting-format-place = { $format } · { $place }
meeting-calendar = Календарь
meeting-download-ics = Скачать (.ics)
meeting-add-google = Добавить в Google Календарь
meeting-add-outlook = Добавить в Outlook
meeting-subscribe-webcal = Подписаться (webcal)
meeting-materials = Материалы
meeting-agenda = Повестка дня
meeting-cancelled = Эта встреча отменена.
meeting-card-cancelled = Отменена
meeting-series-part = Входит в серию:
meeting-series-register-once = Зарегистрируйтесь один раз на все встречи серии
meeting-series-or-this = или только на эту встречу ниже.

# Registration form (meeting and series pages)
register-heading = Регистрация наблюдателя
register-room-full = В зале нет свободных мест.
register-room-full-choice = Вы можете встать в лист ожидания на место в зале или уже сейчас выбрать дистанционное участие.
register-name = Имя
register-email = Электронная почта
register-affiliation = Организация
register-optional = (необязательно)
register-attendance = Как вы будете участвовать?
register-seats-waitlist = { $seats }: вы будете внесены в лист ожидания
register-leave-empty = Оставьте это поле пустым
register-consent-meeting = Я даю согласие на хранение моего имени, адреса электронной почты и названия организации для этой встречи и на их передачу её организаторам.
register-consent-series = Я даю согласие на хранение моего имени, адреса электронной почты и названия организации для этих встреч и на их передачу их организаторам.
register-button = Зарегистрироваться
register-remote-instead = Участвовать дистанционно
register-correct-fields = Исправьте поля, отмеченные ниже.
register-closed-draft = Эта встреча не опубликована.
register-closed-cancelled = Эта встреча отменена.
register-closed-not-yet = Регистрация на эту встречу ещё не открыта.
register-closed = Регистрация на эту встречу закрыта.
register-closed-past = Эта встреча уже состоялась.
register-existing-title = Вы уже зарегистрированы
register-existing = Этот адрес уже зарегистрирован. Мы отправили на него новую ссылку на вашу регистрацию: по ней вы можете просмотреть, изменить или отменить регистрацию.

# Series page
series-coming = Ближайшие встречи
series-none-ahead = Предстоящих встреч нет.
series-register-heading = Регистрация на всю серию
series-register-lead = Одна регистрация и одна запись в календаре, которая обновляется при каждом изменении. Чтобы посетить только одну встречу, зарегистрируйтесь на её странице.
series-register-button = Зарегистрироваться на серию
series-closed = Регистрация на эту серию закрыта.

# Lists of meetings
list-past-heading = Прошедшие встречи
list-past-empty = Прошедших встреч пока нет.
list-back-home = Группы и предстоящие встречи

# Manage page (/r/…)
manage-title = Ваша регистрация
manage-join-now = Подключиться
manage-join-now-hint = Встреча начинается: по этой ссылке вы на неё попадёте.
manage-who = { $name }:
manage-status-confirmed = подтверждена
manage-status-waitlisted = в листе ожидания
manage-status-pending = ещё не подтверждена
manage-status-cancelled = отменена
manage-group = Группа
manage-join = Подключение
manage-meeting = Встреча
manage-your-seat = Ваше место
manage-seat-confirmed = подтверждено
manage-seat-waitlisted = в листе ожидания
manage-seat-cancelled = отменено
manage-seat-meeting-cancelled = встреча отменена
manage-materials = Материалы для зарегистрированных участников
manage-confirm-lead = Подтвердите, что хотите зарегистрироваться. Место (в зале или в листе ожидания, если мест нет) закрепляется за вами после нажатия кнопки.
manage-confirm = Подтвердить
manage-not-me = Это не моя регистрация: удалить эти данные
manage-download-invite = Скачать приглашение для календаря
manage-switch = Перейти на формат: { $attendance }
manage-cancel = Отменить регистрацию
manage-keep-secret = Никому не сообщайте адрес этой страницы: любой, кто его знает, может изменить вашу регистрацию.
manage-done-cancelled = Ваша регистрация отменена. Мы отправили вам подтверждение.
manage-done-attendance = Формат вашего участия изменён. Мы отправили вам обновлённое приглашение.
manage-done-confirmed = Спасибо: ваш адрес подтверждён. Мы отправили вам письмо с подробностями.
manage-not-possible = Это невозможно.
manage-withdrawn-title = Регистрация не состоялась
manage-withdrawn = Регистрация так и не была подтверждена, и её данные удалены.

# After a registration that waits for the address to be confirmed
checkmail-title = Проверьте почту
checkmail-sent = Мы отправили письмо на указанный вами адрес. Откройте ссылку из письма и нажмите «Подтвердить», чтобы получить место. До подтверждения место за вами не закрепляется.
checkmail-valid-for = Ссылка действует { $duration }. После этого неподтверждённые данные удаляются, и вы сможете зарегистрироваться снова.
checkmail-no-message = Письмо не пришло?
checkmail-wait = Подождите несколько минут и поищите письмо с этого сайта в папке «Спам».
checkmail-typo = Проверьте, правильно ли вы ввели адрес. Если нет, просто зарегистрируйтесь ещё раз с верным адресом.
checkmail-known = Если этот адрес уже был зарегистрирован, в письме будет ссылка на вашу существующую регистрацию.
checkmail-back = Вернуться к встрече

# Errors beside form fields (the JSON API gives the same English text)
field-required = Это поле обязательно.
field-too-long =
    { $max ->
        [one] Не более { $max } символа.
       *[other] Не более { $max } символов.
    }
field-control-characters = Содержит управляющие символы.
field-single-line = Должно умещаться в одну строку.
field-one-line = Должно умещаться в одну строку, без переносов строк, табуляций и других управляющих символов.
field-invalid-email = Введите действительный адрес электронной почты, например name@example.org.
field-choose-attendance = Выберите формат участия.
field-attendance-one-of = Допустимые значения: { $choices }.
field-not-offered = Формат участия «{ $attendance }» здесь не предусмотрен.
field-not-offered-here = На этой встрече такой формат участия не предусмотрен.
field-consent = Дайте согласие на хранение ваших данных, иначе мы не сможем вас зарегистрировать.
field-leave-empty = Это поле должно оставаться пустым.

# Error pages: titles by status, then what they say
errorpage-back = Вернуться к предстоящим встречам
errorpage-title-400 = Некорректный запрос
errorpage-title-401 = Требуется вход
errorpage-title-403 = Доступ запрещён
errorpage-title-404 = Страница не найдена
errorpage-title-409 = Действие невозможно
errorpage-title-410 = Больше недоступно
errorpage-title-413 = Слишком большой объём
errorpage-title-415 = Неподдерживаемый формат
errorpage-title-422 = Неверные данные
errorpage-title-429 = Слишком много запросов
errorpage-title-500 = Произошла ошибка
errorpage-title-503 = Сервис временно недоступен
errorpage-not-found = Такой страницы нет.
errorpage-not-found-meeting = Такой встречи нет, или она не опубликована.
errorpage-not-found-series = Такой серии нет, или она не опубликована.
errorpage-not-found-group = Такой группы нет.
errorpage-not-found-link = Эта ссылка недействительна. Возможно, срок её действия истёк или её заменила более новая.
errorpage-not-found-material = Такого материала нет, или он не опубликован.
errorpage-not-found-update = Такой новости нет, или она не опубликована.
errorpage-bad-request = Не удалось прочитать запрос.
errorpage-unauthorized = Чтобы открыть эту страницу, необходимо войти.
errorpage-forbidden = Срок действия формы истёк, или она была отправлена не с этого сайта. Вернитесь назад, обновите страницу и попробуйте ещё раз.
errorpage-gone = Это больше недоступно.
errorpage-series-closed = Ни на одну встречу этой серии регистрация не открыта.
errorpage-full = Мест этого типа не осталось, а листа ожидания у этой встречи нет.
errorpage-already-registered = Этот адрес уже зарегистрирован.
errorpage-already-by-series = У этого адреса уже есть место на этой встрече благодаря регистрации на серию.
errorpage-registration-cancelled = Эта регистрация отменена.
errorpage-confirm-first = Сначала подтвердите регистрацию: приглашение придёт вместе с подтверждением.
errorpage-conflict = Сейчас это сделать нельзя. Обновите страницу и попробуйте ещё раз.
errorpage-too-large = Отправленные данные слишком велики.
errorpage-unsupported = Этот сайт не принимает данные в таком формате.
errorpage-validation = Часть введённых данных неверна.
errorpage-rate-limited =
    { $seconds ->
        [one] Слишком много запросов с вашего подключения. Повторите попытку через { $seconds } секунду.
        [few] Слишком много запросов с вашего подключения. Повторите попытку через { $seconds } секунды.
        [many] Слишком много запросов с вашего подключения. Повторите попытку через { $seconds } секунд.
       *[other] Слишком много запросов с вашего подключения. Повторите попытку через { $seconds } секунды.
    }
errorpage-unavailable = Сервис временно недоступен. Повторите попытку чуть позже.
errorpage-internal = На нашей стороне произошла ошибка. Она зафиксирована; повторите попытку позже.


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
