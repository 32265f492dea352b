# Quorum's messages in Arabic. English (en.ftl) is the reference.
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
# (end of section pages-a)

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
group-closed-draft = هذا الاجتماع غير منشور.
group-closed-cancelled = أُلغي هذا الاجتماع.
group-closed-not-yet-open = لم يُفتح باب التسجيل في هذا الاجتماع بعد.
group-closed-closed = أُغلق باب التسجيل في هذا الاجتماع.
group-closed-past = انعقد هذا الاجتماع بالفعل.
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

# Problems beside the fields of the input and follow forms
# $max is a number of characters.

input-error-required = هذا الحقل مطلوب.
input-error-too-long =
    { $max ->
        [zero] { $max } حرف كحد أقصى.
        [one] حرف واحد كحد أقصى.
        [two] حرفان كحد أقصى.
        [few] { $max } أحرف كحد أقصى.
        [many] { $max } حرفًا كحد أقصى.
       *[other] { $max } حرف كحد أقصى.
    }
input-error-control = يحتوي على أحرف تحكم.
input-error-single-line = يجب أن يكون في سطر واحد.
input-error-one-line = يجب أن يكون في سطر واحد، دون فواصل أسطر أو علامات جدولة أو أحرف تحكم أخرى.
input-error-email = أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.org.

# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
