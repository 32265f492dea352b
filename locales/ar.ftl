# Quorum's messages in Arabic. English (en.ftl) is the reference.
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

site-nav-groups = المجموعات
site-nav-past = الاجتماعات السابقة
site-nav-calendar = موجز التقويم
site-nav-calendar-title = اشترك في تقويمك
site-footer = Quorum · اجتماعات مفتوحة للمراقبين
site-language = اللغة

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date }، { $start }–{ $end } { $zone }
when-two-days = من { $date }، { $start } إلى { $end_date }، { $end } { $zone }

## Seats

seats-open = مفتوح، بلا حدّ للمقاعد
seats-full = مكتمل
seats-full-waitlist = مكتمل ({ $count } على قائمة الانتظار)
seats-left =
    { $count ->
        [zero] لا مقاعد متبقية
        [one] بقي مقعد واحد
        [two] بقي مقعدان
        [few] بقيت { $count } مقاعد
        [many] بقي { $count } مقعدًا
       *[other] بقي { $count } مقعد
    }

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] كل أسبوع يوم { $days }
        [2] كل أسبوعين يوم { $days }
       *[other] كل { $interval } أسابيع يوم { $days }
    }
rule-short = { $every }، { $time } { $zone }
rule-long =
    { $every } الساعة { $time } ({ $zone })، { $minutes } دقيقة، { $count ->
        [zero] لا اجتماعات
        [one] اجتماع واحد
        [two] اجتماعان
        [few] { $count } اجتماعات
       *[other] { $count } اجتماعًا
    }

## Names of things: formats, attendance, materials, roles

format-in-person = حضوري
format-online = عبر الإنترنت
format-hybrid = مختلط (حضوريًا وعبر الإنترنت)
attendance-in-person = حضوريًا
attendance-remote = عن بُعد
material-agenda = جدول الأعمال
material-slides = العروض التقديمية
material-minutes = المحضر
material-recording = التسجيل
material-transcript = النص المكتوب
material-chat = رسائل الدردشة
material-documents = الوثائق
role-chair = الرئاسة
role-member = عضو
role-liaison = منسق اتصال
role-staff = فريق الدعم

## Durations

duration-hours =
    { $hours ->
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $hours } ساعات
       *[other] { $hours } ساعة
    }
duration-hours-minutes = { $hours } ساعة و{ $minutes } دقيقة
duration-minutes =
    { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    }

## Pages: meetings, series, past meetings, registration form, manage page
# Meeting page
meeting-when = الموعد
meeting-format = الشكل
meeting-where = المكان
meeting-online = عبر الإنترنت
meeting-online-sent = يُرسَل رابط الانضمام إلى المراقبين المسجَّلين.
meeting-seats = المقاعد
meeting-seat-line = { $mode }: { $seats }
meeting-format-place = { $format } · { $place }
meeting-calendar = التقويم
meeting-download-ics = تنزيل (ملف ics)
meeting-add-google = إضافة إلى تقويم Google
meeting-add-outlook = إضافة إلى Outlook
meeting-subscribe-webcal = اشتراك (webcal)
meeting-materials = الوثائق
meeting-agenda = جدول الأعمال
meeting-cancelled = أُلغي هذا الاجتماع.
meeting-card-cancelled = ملغى
meeting-series-part = جزء من السلسلة:
meeting-series-register-once = سجّل مرة واحدة لجميع اجتماعات السلسلة
meeting-series-or-this = أو سجّل لهذا الاجتماع وحده أدناه.

# Registration form (meeting and series pages)
register-heading = التسجيل بصفة مراقب
register-room-full = القاعة ممتلئة.
register-room-full-choice = يمكنك الانضمام إلى قائمة الانتظار للحصول على مقعد في القاعة، أو الحضور عن بُعد الآن.
register-name = الاسم
register-email = البريد الإلكتروني
register-affiliation = الجهة التي تنتمي إليها
register-optional = (اختياري)
register-attendance = كيف ستحضر؟
register-seats-waitlist = { $seats }: ستُدرَج في قائمة الانتظار
register-leave-empty = اترك هذا الحقل فارغًا
register-consent-meeting = أوافق على حفظ اسمي وبريدي الإلكتروني والجهة التي أنتمي إليها لأغراض هذا الاجتماع، وعلى اطّلاع منظّميه عليها.
register-consent-series = أوافق على حفظ اسمي وبريدي الإلكتروني والجهة التي أنتمي إليها لأغراض هذه الاجتماعات، وعلى اطّلاع منظّميها عليها.
register-button = تسجيل
register-remote-instead = الحضور عن بُعد بدلًا من ذلك
register-correct-fields = يُرجى تصحيح الحقول المشار إليها أدناه.
register-closed-draft = هذا الاجتماع غير منشور.
register-closed-cancelled = أُلغي هذا الاجتماع.
register-closed-not-yet = لم يُفتح باب التسجيل لهذا الاجتماع بعد.
register-closed = أُغلق باب التسجيل لهذا الاجتماع.
register-closed-past = انعقد هذا الاجتماع بالفعل.
register-existing-title = أنت مسجَّل بالفعل
register-existing = هذا العنوان مسجَّل بالفعل. أرسلنا إليه رابطًا جديدًا إلى تسجيلك؛ استخدمه للاطّلاع على تسجيلك أو تغييره أو إلغائه.

# Series page
series-coming = الاجتماعات القادمة
series-none-ahead = لا توجد اجتماعات قادمة.
series-register-heading = التسجيل في السلسلة كاملة
series-register-lead = تسجيل واحد، وموعد واحد في التقويم يُحدَّث مع كل تغيير. لحضور اجتماع واحد فقط، سجّل في صفحته بدلًا من ذلك.
series-register-button = التسجيل في السلسلة
series-closed = أُغلق باب التسجيل في هذه السلسلة.

# Lists of meetings
list-past-heading = الاجتماعات السابقة
list-past-empty = لا توجد اجتماعات سابقة بعد.
list-back-home = المجموعات والاجتماعات القادمة

# Manage page (/r/…)
manage-title = تسجيلك
manage-join-now = انضم الآن
manage-join-now-hint = الاجتماع على وشك أن يبدأ: هذا الرابط يُدخلك إليه.
manage-who = { $name }:
manage-status-confirmed = مؤكَّد
manage-status-waitlisted = على قائمة الانتظار
manage-status-pending = لم يُؤكَّد بعد
manage-status-cancelled = ملغى
manage-group = المجموعة
manage-join = الانضمام
manage-meeting = الاجتماع
manage-your-seat = مقعدك
manage-seat-confirmed = مؤكَّد
manage-seat-waitlisted = على قائمة الانتظار
manage-seat-cancelled = ملغى
manage-seat-meeting-cancelled = أُلغي الاجتماع
manage-materials = وثائق للمسجَّلين
manage-confirm-lead = يُرجى تأكيد رغبتك في التسجيل. يُحجز مكانك (مقعد، أو مكان في قائمة الانتظار إذا كان الاجتماع مكتملًا) عند الضغط على الزر.
manage-confirm = تأكيد
manage-not-me = لست أنا من سجّل: احذف هذه البيانات
manage-download-invite = تنزيل دعوة التقويم
manage-switch = التحويل إلى: { $attendance }
manage-cancel = إلغاء تسجيلي
manage-keep-secret = لا تُطلع أحدًا على عنوان هذه الصفحة: يستطيع كل من يعرفه تغيير تسجيلك.
manage-done-cancelled = أُلغي تسجيلك. أرسلنا إليك رسالة تؤكد ذلك.
manage-done-attendance = تغيّرت طريقة حضورك. أرسلنا إليك دعوة محدَّثة.
manage-done-confirmed = شكرًا لك: تأكّد عنوانك. أرسلنا إليك رسالة بالتفاصيل.
manage-not-possible = غير ممكن.
manage-withdrawn-title = لم يُسجَّل شيء
manage-withdrawn = لم يُؤكَّد التسجيل قط، وحُذفت بياناته.

# After a registration that waits for the address to be confirmed
checkmail-title = تحقّق من بريدك
checkmail-sent = أرسلنا رسالة إلى العنوان الذي أدخلته. افتح الرابط الوارد فيها واضغط على «تأكيد» لحجز مكانك. لا يُحجز أي مقعد قبل التأكيد.
checkmail-valid-for = يظل الرابط صالحًا لمدة { $duration }. بعد ذلك تُحذف البيانات غير المؤكَّدة ويمكنك التسجيل من جديد.
checkmail-no-message = لم تصلك الرسالة؟
checkmail-wait = انتظر بضع دقائق، وابحث في مجلد الرسائل غير المرغوب فيها عن رسالة من هذا الموقع.
checkmail-typo = تأكّد من أنك كتبت العنوان بشكل صحيح. وإن لم يكن كذلك، فسجّل من جديد بالعنوان الصحيح.
checkmail-known = إذا كنت قد سجّلت هذا العنوان من قبل، فستجد في الرسالة بدلًا من ذلك رابطًا إلى تسجيلك القائم.
checkmail-back = العودة إلى الاجتماع

# Errors beside form fields (the JSON API gives the same English text)
field-required = هذا الحقل مطلوب.
field-too-long =
    { $max ->
        [one] حرف واحد على الأكثر.
        [two] حرفان على الأكثر.
        [few] { $max } أحرف على الأكثر.
        [many] { $max } حرفًا على الأكثر.
       *[other] { $max } حرف على الأكثر.
    }
field-control-characters = يحتوي على محارف تحكّم.
field-single-line = يجب أن يكون في سطر واحد.
field-one-line = يجب أن يكون في سطر واحد، دون فواصل أسطر أو علامات جدولة أو محارف تحكّم أخرى.
field-invalid-email = أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.org.
field-choose-attendance = اختر طريقة حضورك.
field-attendance-one-of = يجب أن تكون القيمة إحدى القيم التالية: { $choices }.
field-not-offered = الحضور «{ $attendance }» غير متاح هنا.
field-not-offered-here = لا يتيح هذا الاجتماع طريقة الحضور هذه.
field-consent = يُرجى الموافقة على حفظ بياناتك، وإلا فلن يمكننا تسجيلك.
field-leave-empty = يجب ترك هذا الحقل فارغًا.

# Error pages: titles by status, then what they say
errorpage-back = العودة إلى الاجتماعات القادمة
errorpage-title-400 = طلب غير صالح
errorpage-title-401 = يلزم تسجيل الدخول
errorpage-title-403 = غير مسموح
errorpage-title-404 = الصفحة غير موجودة
errorpage-title-409 = غير ممكن
errorpage-title-410 = لم يعد متاحًا
errorpage-title-413 = الحجم كبير جدًا
errorpage-title-415 = تنسيق غير مدعوم
errorpage-title-422 = بيانات غير صالحة
errorpage-title-429 = طلبات كثيرة جدًا
errorpage-title-500 = حدث خطأ
errorpage-title-503 = الخدمة غير متاحة مؤقتًا
errorpage-not-found = هذه الصفحة غير موجودة.
errorpage-not-found-meeting = هذا الاجتماع غير موجود أو غير منشور.
errorpage-not-found-series = هذه السلسلة غير موجودة أو غير منشورة.
errorpage-not-found-group = هذه المجموعة غير موجودة.
errorpage-not-found-link = هذا الرابط غير صالح. ربما انتهت صلاحيته أو حلّ محلّه رابط أحدث.
errorpage-not-found-material = هذه الوثيقة غير موجودة أو غير متاحة للعموم.
errorpage-not-found-update = هذا التحديث غير موجود أو غير منشور.
errorpage-bad-request = تعذّرت قراءة الطلب.
errorpage-unauthorized = يجب تسجيل الدخول لعرض هذه الصفحة.
errorpage-forbidden = انتهت صلاحية النموذج أو لم يُرسَل من هذا الموقع. ارجع إلى الصفحة السابقة وأعد تحميلها ثم حاول مرة أخرى.
errorpage-gone = لم يعد هذا متاحًا.
errorpage-series-closed = لا يوجد في هذه السلسلة اجتماع مفتوح للتسجيل.
errorpage-full = لم تبقَ مقاعد من هذا النوع، ولا توجد قائمة انتظار لهذا الاجتماع.
errorpage-already-registered = هذا العنوان مسجَّل بالفعل.
errorpage-already-by-series = لهذا العنوان مقعد في هذا الاجتماع بالفعل من خلال التسجيل في السلسلة.
errorpage-registration-cancelled = أُلغي هذا التسجيل.
errorpage-confirm-first = أكّد تسجيلك أولًا: تصلك الدعوة مع التأكيد.
errorpage-conflict = لا يمكن تنفيذ ذلك الآن. أعد تحميل الصفحة وحاول مرة أخرى.
errorpage-too-large = ما أُرسل كبير جدًا.
errorpage-unsupported = ما أُرسل ليس بتنسيق يقبله هذا الموقع.
errorpage-validation = بعض البيانات المدخلة غير صالحة.
errorpage-rate-limited =
    { $seconds ->
        [one] طلبات كثيرة جدًا من اتصالك. حاول مرة أخرى بعد ثانية واحدة.
        [two] طلبات كثيرة جدًا من اتصالك. حاول مرة أخرى بعد ثانيتين.
        [few] طلبات كثيرة جدًا من اتصالك. حاول مرة أخرى بعد { $seconds } ثوانٍ.
       *[other] طلبات كثيرة جدًا من اتصالك. حاول مرة أخرى بعد { $seconds } ثانية.
    }
errorpage-unavailable = الخدمة غير متاحة مؤقتًا. حاول مرة أخرى بعد قليل.
errorpage-internal = حدث خطأ من جانبنا وسُجِّل. يُرجى المحاولة مرة أخرى لاحقًا.


## Pages: home, group page, updates, follow, input, unsubscribe
# Home page

home-title = المجموعات واجتماعاتها
home-lead = اجتماعات مفتوحة للمراقبين من الجمهور، حضوريًا أو عن بُعد.
home-no-groups = لا توجد مجموعات بعد.
home-more =
    { $count ->
        [zero] لا اجتماعات أخرى قادمة
        [one] اجتماع آخر قادم
        [two] اجتماعان آخران قادمان
        [few] { $count } اجتماعات أخرى قادمة
        [many] { $count } اجتماعًا آخر قادمًا
       *[other] { $count } اجتماع آخر قادم
    }
home-subscribe = جميع الاجتماعات في تقويمك
home-feed-apps = تقويم Apple / Thunderbird / Outlook لسطح المكتب
home-feed-ics = موجز ‎.ics
home-past = الاجتماعات السابقة

# Lists of meetings ahead (a weekly series as one line)

upcoming-none = لا توجد اجتماعات مجدولة حاليًا.
upcoming-next = الاجتماع القادم:
upcoming-ahead =
    { $count ->
        [zero] لا اجتماعات قادمة
        [one] اجتماع واحد قادم
        [two] اجتماعان قادمان
        [few] { $count } اجتماعات قادمة
        [many] { $count } اجتماعًا قادمًا
       *[other] { $count } اجتماع قادم
    }
upcoming-all = عرضها جميعًا

# Group page
# $group is the group's name, as staff wrote it.

group-about = نبذة عن { $group }
group-more-about = المزيد عن { $group }
group-contact = للتواصل:
group-next = الاجتماع القادم
group-register = التسجيل
group-meeting-page = صفحة الاجتماع
group-join = الانضمام عبر الإنترنت
group-add-calendar = إضافة إلى التقويم (‎.ics)
group-series-all = جميع اجتماعات هذه السلسلة
group-also-coming = اجتماعات قادمة أخرى
group-upcoming = الاجتماعات القادمة
group-nothing-else = لم يُجدول أي اجتماع آخر بعد.
group-timeline = المسار الزمني
group-timeline-empty = لا توجد مراحل رئيسية أو اجتماعات سابقة بعد.
group-people = الأعضاء
group-people-empty = لم يُدرج أي عضو بعد.
# Between a person's name and their role: "Denise Michel, Chair".
group-person-sep = {"، "}
group-input = مساهمات الجمهور
group-send-input = أرسل مساهمتك إلى { $group }
group-input-public = تُحفظ المساهمات في أرشيف علني، دون عنوان البريد الإلكتروني لمرسلها.
group-updates = المستجدات
group-updates-empty = لا توجد مستجدات بعد.
group-feed-meetings = الاجتماعات في تقويمك:
group-feed-milestones = المراحل الرئيسية:
group-feed-updates = المستجدات:
group-feed-atom = موجز Atom
group-back = العودة إلى { $group }

# Timeline
# $kind is "Minutes" or "Recording"; $day a short day ("Wed 2 Dec"); $rule a weekly rule.

milestone-done = مُنجزة
milestone-planned = مُخطط لها
timeline-series-note =
    { $count ->
        [zero] لا اجتماعات سابقة
        [one] اجتماع سابق واحد
        [two] اجتماعان سابقان
        [few] { $count } اجتماعات سابقة
        [many] { $count } اجتماعًا سابقًا
       *[other] { $count } اجتماع سابق
    } · { $rule }
timeline-record = { $kind }:
timeline-record-day = { $kind }، { $day }:

# An update's page

update-crumb = مستجدات
update-published = نُشر في
update-feed = موجز المستجدات (Atom)
update-feed-title = { $group }: المستجدات

# Follow a group; unsubscribe

follow-title = متابعة { $group }
follow-label = تلقَّ رسالة بريد إلكتروني عندما تنشر { $group } اجتماعًا أو مستجدات
follow-button = متابعة
follow-honeypot = اترك هذا الحقل فارغًا
follow-hint = نرسل رسالة واحدة لتأكيد العنوان. وتتضمن كل رسالة رابطًا لإلغاء الاشتراك بنقرة واحدة.
follow-email-problem = البريد الإلكتروني: { $problem }
# $within is a duration ("48 hours").
follow-check-mail = إذا كان بإمكان هذا العنوان متابعة { $group }، فقد أرسلنا إليه رسالة. افتح الرابط الوارد فيها واضغط على «تأكيد» في غضون { $within }؛ ولن يُرسل إليه شيء قبل ذلك. وإذا كان العنوان يتابع المجموعة بالفعل، فستوضح الرسالة ذلك.
follow-active = أنت تتابع { $group }: يتلقى هذا العنوان رسالة بريد إلكتروني كلما نشرت المجموعة اجتماعًا أو سلسلة اجتماعات أو مستجدات. وتتضمن كل رسالة من هذه الرسائل رابطًا لإلغاء الاشتراك بنقرة واحدة.
follow-confirm-question = يُرجى تأكيد أن هذا العنوان ينبغي أن يتلقى رسالة بريد إلكتروني كلما نشرت { $group } اجتماعًا أو سلسلة اجتماعات أو مستجدات.
follow-confirm = تأكيد
unsubscribe-title = إلغاء الاشتراك
unsubscribe-done = لم تعد تتابع { $group }.
unsubscribe-done-none = هذا العنوان لا يتابع المجموعة.
unsubscribe-deleted = لن يُرسل إليه أي شيء بعد الآن، وقد حُذف.
unsubscribe-question = هل تريد إيقاف رسائل البريد الإلكتروني المتعلقة باجتماعات هذه المجموعة ومستجداتها إلى هذا العنوان؟
unsubscribe-button = إلغاء الاشتراك
unsubscribe-back = العودة إلى الاجتماعات القادمة

# Public input: form, archive, check-mail and confirm pages

input-title = المساهمات المقدَّمة إلى { $group }
input-heading = مساهمات الجمهور المقدَّمة إلى { $group }
input-lead = أرسل تعليقاتك إلى المجموعة. بعد أن تؤكد عنوانك، تُنشر مساهمتك في هذا الأرشيف باسمك. ولا يُعرض عنوان بريدك الإلكتروني أبدًا.
input-lead-forwarded = أرسل تعليقاتك إلى المجموعة. بعد أن تؤكد عنوانك، تُنشر مساهمتك في هذا الأرشيف باسمك وتُحال إلى المجموعة. ولا يُعرض عنوان بريدك الإلكتروني أبدًا.
input-send-heading = إرسال مساهمة
input-correct = يُرجى تصحيح الحقول المشار إليها أدناه.
input-name = الاسم
input-email = البريد الإلكتروني
input-not-shown = (لا يُعرض)
input-subject = الموضوع
input-message = الرسالة
input-message-hint = (نص عادي؛ تصبح الروابط قابلة للنقر)
input-send = إرسال
input-hint = نرسل رسالة واحدة إلى العنوان لتأكيده. ولا يُنشر شيء قبل أن تؤكده.
input-archive = الأرشيف
input-none = لم تُنشر أي مساهمة بعد.
input-no-more = لا توجد مساهمات أخرى.
input-pages = صفحات الأرشيف
input-newer = الأحدث
input-older = الأقدم
input-check-title = تحقق من بريدك الإلكتروني
input-check-sent = أرسلنا رسالة إلى العنوان الذي أدخلته. افتح الرابط الوارد فيها واضغط على «تأكيد» لنشر مساهمتك المقدَّمة إلى { $group }. ولا يُنشر شيء قبل أن تؤكد.
# $duration is a duration ("48 hours").
input-check-expiry = يظل الرابط صالحًا لمدة { $duration }. وبعد ذلك تُحذف المساهمات غير المؤكدة، ويمكنك إرسال مساهمتك مجددًا.
input-check-none = ألم تصلك الرسالة؟
input-check-wait = انتظر بضع دقائق، وابحث في مجلد الرسائل غير المرغوب فيها عن رسالة من هذا الموقع.
input-check-typo = تحقق من أنك كتبت العنوان بشكل صحيح. وإن لم يكن كذلك، فأرسل مساهمتك مجددًا بالعنوان الصحيح.
input-back-archive = العودة إلى أرشيف المساهمات
input-yours = مساهمتك المقدَّمة إلى { $group }
input-hidden = نُشرت مساهمتك، ثم أخفاها فريق المجموعة من الأرشيف.
input-published = نُشرت مساهمتك.
input-see-archive = اطّلع عليها في أرشيف المجموعة
input-confirm-question = يُرجى تأكيد أنك أرسلت هذه المساهمة. عند الضغط على الزر، تُنشر في الأرشيف العلني للمجموعة كما هي معروضة أدناه. ولا يُعرض عنوان بريدك الإلكتروني.
input-confirm-question-forwarded = يُرجى تأكيد أنك أرسلت هذه المساهمة. عند الضغط على الزر، تُنشر في الأرشيف العلني للمجموعة كما هي معروضة أدناه وتُحال إلى المجموعة. ولا يُعرض عنوان بريدك الإلكتروني.
input-not-you = إذا لم تكن أنت من أرسلها، فلا تفعل شيئًا: ستُحذف دون أن تُنشر.
input-thanks = شكرًا لك: نُشرت مساهمتك.


## Mail to observers, followers and input authors
mail-subject = { $heading }: { $title }
mail-kind-confirm-address = يُرجى تأكيد تسجيلك
mail-kind-confirmed = تم تأكيد التسجيل
mail-kind-promoted = أصبح لك مقعد
mail-kind-waitlisted = أنت على قائمة الانتظار
mail-kind-already-registered = هذا العنوان مسجَّل بالفعل
mail-kind-attendance-changed = تم تغيير طريقة الحضور
mail-kind-observer-cancelled = تم إلغاء التسجيل
mail-kind-meeting-changed = تم تحديث الاجتماع
mail-kind-zone-rules-changed = تم تصحيح موعد الاجتماع
mail-kind-meeting-cancelled = تم إلغاء الاجتماع
mail-kind-reminder = تذكير
mail-kind-material-added = مواد جديدة
mail-hello-name = مرحبًا { $name }،
mail-hello = مرحبًا،
mail-intro-confirm-address = طلب شخص ما (ربما أنت) تسجيل هذا العنوان في الاجتماع المذكور أدناه. لحجز مكانك، افتح الرابط أدناه واضغط على «تأكيد» خلال { $duration }. لن يُحجز أي مقعد قبل ذلك.
mail-intro-not-you = إذا لم تكن أنت صاحب الطلب، فتجاهل هذه الرسالة: لن يُسجَّل أي شيء، وستُحذف البيانات.
mail-intro-confirmed = تم تأكيد تسجيلك. تضيف الدعوة المرفقة الاجتماع إلى تقويمك، وتبقى محدَّثة إذا تغيّر الاجتماع.
mail-intro-promoted = شغر أحد المقاعد وأصبح الآن لك: تم تأكيد تسجيلك. تضيف الدعوة المرفقة الاجتماع إلى تقويمك.
mail-intro-waitlisted = الاجتماع مكتمل، لذا أنت على قائمة الانتظار. إذا شغر مقعد، فسيُمنح لمن انتظر أطول مدة، وستتلقى حينها تأكيدًا مع دعوة للتقويم.
mail-intro-already-registered = حاول شخص ما (ربما أنت) تسجيل هذا العنوان مرة أخرى في هذا الاجتماع. لديك تسجيل بالفعل؛ استخدم الرابط أدناه لعرضه أو تغييره أو إلغائه. تظل الروابط السابقة صالحة.
mail-intro-attendance-changed = تم تغيير طريقة حضورك. تُحدِّث الدعوة المرفقة تقويمك.
mail-intro-observer-cancelled = تم إلغاء تسجيلك. يزيل الإلغاء المرفق الاجتماع من تقويمك.
mail-intro-meeting-changed = طرأ تغيير على هذا الاجتماع. تُحدِّث الدعوة المرفقة تقويمك، والتفاصيل الواردة أدناه هي التفاصيل الجديدة.
mail-intro-zone-rules-changed = تغيّرت قواعد المنطقة الزمنية لمكان انعقاد هذا الاجتماع (قاعدة بيانات tz { $version }). يحتفظ الاجتماع بتوقيته المحلي المبيَّن أدناه، أما موعده بالتوقيت العالمي المنسَّق (UTC)، ومن ثَمّ في المناطق الزمنية الأخرى، فقد تغيّر. تُحدِّث الدعوة المرفقة تقويمك.
mail-intro-meeting-cancelled = تم إلغاء هذا الاجتماع. يزيله الإلغاء المرفق من تقويمك.
mail-cancel-reason = السبب: { $reason }
mail-intro-material-added = أُضيفت مواد جديدة إلى الاجتماع المذكور أدناه.
mail-intro-reminder = يبدأ الاجتماع المذكور أدناه بعد { $duration }. مقعدك مؤكَّد، وتجد التفاصيل أدناه.
mail-when = الموعد
mail-where = المكان
mail-join = الانضمام
mail-you = أنت
mail-page = الصفحة
mail-agenda = جدول الأعمال
mail-group = المجموعة
mail-material = مادة
mail-next = الاجتماع التالي: { $when }
mail-status-pending = بانتظار تأكيد العنوان
mail-status-confirmed = التسجيل مؤكَّد
mail-status-waitlisted = على قائمة الانتظار
mail-status-cancelled = التسجيل ملغى
mail-what-changed = ما الذي تغيّر
mail-change-title = العنوان
mail-change-time = الموعد
mail-change-place = المكان
mail-change-join = رابط الانضمام
mail-change-none = (لا يوجد)
mail-link-confirm = تأكيد تسجيلك
mail-link-manage = تغيير تسجيلك أو إلغاؤه
mail-link-keep-line = { $label } (لا تُطلع أحدًا على هذا الرابط):
mail-link-keep = لا تُطلع أحدًا على هذا الرابط: يمكن لأي شخص يملكه أن يغيّر تسجيلك.
mail-footer = أُرسلت هذه الرسالة من Quorum. تتلقاها لأن هذا العنوان سُجِّل في الاجتماع المذكور أعلاه.
mail-follow-subject = يُرجى التأكيد: متابعة { $group }
mail-follow-subject-already = أنت تتابع { $group } بالفعل
mail-follow-intro = طلب شخص ما (ربما أنت) تلقّي رسالة بريد إلكتروني كلما نُشر في { $group } اجتماع أو سلسلة اجتماعات أو تحديث. للبدء، افتح الرابط أدناه واضغط على «تأكيد» خلال { $duration }.
mail-follow-not-you = إذا لم تكن أنت صاحب الطلب، فتجاهل هذه الرسالة: لن يُرسَل أي شيء إلى هذا العنوان، وسيُحذف.
mail-follow-already = طلب شخص ما (ربما أنت) متابعة { $group } بهذا العنوان. هذا العنوان يتابع المجموعة بالفعل، ولم يتغيّر شيء.
mail-follow-confirm = تأكيد
mail-follow-footer = أُرسلت هذه الرسالة من Quorum لأن هذا العنوان أُدخل في نموذج متابعة المجموعة المذكورة أعلاه.
mail-unsubscribe = إلغاء الاشتراك
mail-unsubscribe-one-click = إلغاء الاشتراك بنقرة واحدة
mail-announce-meeting = اجتماع جديد
mail-announce-series = سلسلة اجتماعات جديدة
mail-announce-update = تحديث جديد
mail-announce-subject = { $heading }: { $title } ({ $group })
mail-announce-published = نُشر ما يلي في { $group }:
mail-read-more = اقرأ المزيد
mail-announce-footer = أُرسلت هذه الرسالة من Quorum لأنك تتابع { $group }.
mail-input-subject = يُرجى تأكيد مساهمتك المرسلة إلى { $group }
mail-input-title = يُرجى تأكيد مساهمتك
mail-input-intro = أرسل شخص ما (ربما أنت) مساهمة إلى { $group } عبر صفحتها العامة، مستخدمًا هذا العنوان. لنشرها في الأرشيف العام للمجموعة وإحالتها إليها، افتح الرابط أدناه واضغط على «تأكيد» خلال { $duration }:
mail-input-review = المراجعة والتأكيد
mail-input-shown = يظهر اسمك وموضوع رسالتك ونصها في الأرشيف، أما عنوانك فلا يظهر.
mail-input-not-you = إذا لم تكن أنت صاحب الطلب، فتجاهل هذه الرسالة: لن يُنشر أي شيء، وستُحذف البيانات.
mail-input-footer = أُرسلت هذه الرسالة من Quorum لأن هذا العنوان أُدخل في نموذج المساهمات لإحدى المجموعات.


## Calendars (invites and feeds) and the Atom feed
ics-online = عبر الإنترنت
ics-cancelled = أُلغي الاجتماع
ics-cancelled-reason = أُلغي الاجتماع: { $reason }
ics-join-online = المشاركة عبر الإنترنت:
ics-manage = لتعديل تسجيلك أو إلغائه:
ics-milestone-done = الحالة: مُنجَز
ics-milestone-planned = الحالة: مُقرَّر
ics-milestones-name = { $group }: المعالم الرئيسية
atom-updates-title = { $group }: المستجدات
ics-invite-pending = يُرجى تأكيد تسجيلك أولًا، فالدعوة تُرسَل مع التأكيد.
