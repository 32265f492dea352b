# Quorum's messages in Simplified Chinese. English (en.ftl) is the reference.
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

site-nav-groups = 工作组
site-nav-past = 往期会议
site-nav-calendar = 日历订阅
site-nav-calendar-title = 在您的日历中订阅
site-footer = Quorum · 向观察员开放的会议
site-language = 语言

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date } { $start }–{ $end } { $zone }
when-two-days = { $date } { $start } 至 { $end_date } { $end } { $zone }

## Seats

seats-open = 开放，不限名额
seats-full = 已满
seats-full-waitlist = 已满（{ $count } 人在候补名单上）
seats-left = 剩余 { $count } 个名额

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] 每周{ $days }
       *[other] 每 { $interval } 周的{ $days }
    }
rule-short = { $every } { $time } { $zone }
rule-long = { $every } { $time }（{ $zone }），每次 { $minutes } 分钟，共 { $count } 次会议

## Names of things: formats, attendance, materials, roles

format-in-person = 线下
format-online = 线上
format-hybrid = 混合（线下与线上）
attendance-in-person = 现场参加
attendance-remote = 远程参加
material-agenda = 议程
material-slides = 演示文稿
material-minutes = 会议纪要
material-recording = 录音录像
material-transcript = 文字记录
material-chat = 聊天记录
material-documents = 文件
role-chair = 主席
role-member = 成员
role-liaison = 联络人
role-staff = 工作人员

## Durations

duration-hours = { $hours } 小时
duration-hours-minutes = { $hours } 小时 { $minutes } 分钟
duration-minutes = { $minutes } 分钟

## Pages: meetings, series, past meetings, registration form, manage page
# Meeting page
meeting-when = 时间
meeting-format = 形式
meeting-where = 地点
meeting-online = 线上
meeting-online-sent = 参会链接将发送给已报名的观察员。
meeting-seats = 名额
meeting-seat-line = { $mode }：{ $seats }
meeting-format-place = { $format } · { $place }
meeting-calendar = 日历
meeting-download-ics = 下载（.ics）
meeting-add-google = 添加到 Google 日历
meeting-add-outlook = 添加到 Outlook
meeting-subscribe-webcal = 订阅（webcal）
meeting-materials = 会议资料
meeting-agenda = 议程
meeting-cancelled = 本次会议已取消。
meeting-card-cancelled = 已取消
meeting-series-part = 属于系列会议：
meeting-series-register-once = 一次报名该系列的全部会议。
meeting-series-or-this = 也可以在下方仅报名本次会议。

# Registration form (meeting and series pages)
register-heading = 以观察员身份报名
register-room-full = 会场名额已满。
register-room-full-choice = 您可以进入会场名额的候补名单，也可以现在改为远程参加。
register-name = 姓名
register-email = 电子邮箱
register-affiliation = 所属机构
register-optional = （选填）
register-attendance = 您将如何参加？
register-seats-waitlist = { $seats }：您将进入候补名单
register-leave-empty = 请勿填写此项
register-consent-meeting = 我同意为本次会议保存我的姓名、电子邮箱和所属机构，并提供给会议组织方。
register-consent-series = 我同意为这些会议保存我的姓名、电子邮箱和所属机构，并提供给会议组织方。
register-button = 报名
register-remote-instead = 改为远程参加
register-correct-fields = 请更正下方标出的各项。
register-closed-draft = 本次会议尚未发布。
register-closed-cancelled = 本次会议已取消。
register-closed-not-yet = 本次会议尚未开放报名。
register-closed = 本次会议报名已截止。
register-closed-past = 本次会议已经举行。
register-existing-title = 您已报名
register-existing = 该邮箱已经报名。我们已向该邮箱发送一个指向您报名信息的新链接，您可以通过它查看、更改或取消报名。

# Series page
series-coming = 即将举行的会议
series-none-ahead = 暂无即将举行的会议。
series-register-heading = 报名整个系列
series-register-lead = 一次报名，一个日历条目，随每次变更自动更新。如只想参加其中一次会议，请在该会议的页面上报名。
series-register-button = 报名该系列
series-closed = 该系列报名已截止。

# Lists of meetings
list-past-heading = 往期会议
list-past-empty = 暂无往期会议。
list-back-home = 工作组与近期会议

# Manage page (/r/…)
manage-title = 您的报名
manage-join-now = 立即加入
manage-join-now-hint = 会议即将开始：点击此链接进入会议。
manage-who = { $name }：
manage-status-confirmed = 已确认
manage-status-waitlisted = 在候补名单上
manage-status-pending = 尚未确认
manage-status-cancelled = 已取消
manage-group = 工作组
manage-join = 加入会议
manage-meeting = 会议
manage-your-seat = 您的名额
manage-seat-confirmed = 已确认
manage-seat-waitlisted = 候补中
manage-seat-cancelled = 已取消
manage-seat-meeting-cancelled = 会议已取消
manage-materials = 报名者专享资料
manage-confirm-lead = 请确认您要报名。点击按钮后，系统将为您保留名额（会议已满时为候补名单上的位置）。
manage-confirm = 确认
manage-not-me = 不是我本人：删除这些信息
manage-download-invite = 下载日历邀请
manage-switch = 改为：{ $attendance }
manage-cancel = 取消我的报名
manage-keep-secret = 请勿向他人透露本页地址：任何知道该地址的人都可以更改您的报名。
manage-done-cancelled = 您的报名已取消。我们已向您发送确认邮件。
manage-done-attendance = 您的参加方式已更改。我们已向您发送更新后的邀请。
manage-done-confirmed = 谢谢！您的邮箱已确认。我们已向您发送一封包含详细信息的邮件。
manage-not-possible = 无法执行此操作。
manage-withdrawn-title = 未登记任何报名
manage-withdrawn = 该报名从未确认，相关信息已删除。

# After a registration that waits for the address to be confirmed
checkmail-title = 请查收邮件
checkmail-sent = 我们已向您填写的邮箱发送了一封邮件。请打开邮件中的链接，并点击“确认”以获得名额。确认之前不会为您保留名额。
checkmail-valid-for = 该链接在 { $duration } 内有效。逾期后，未确认的信息将被删除，您可以重新报名。
checkmail-no-message = 没有收到邮件？
checkmail-wait = 请稍等几分钟，并在垃圾邮件文件夹中查找本网站发出的邮件。
checkmail-typo = 请检查邮箱地址是否填写正确。如有错误，用正确的地址重新报名即可。
checkmail-known = 如果该邮箱此前已经报名，邮件中将改为附上指向您现有报名的链接。
checkmail-back = 返回会议页面

# Errors beside form fields (the JSON API gives the same English text)
field-required = 此项为必填项。
field-too-long = 最多 { $max } 个字符。
field-control-characters = 包含控制字符。
field-single-line = 只能填写一行。
field-one-line = 只能填写一行，不得包含换行符、制表符或其他控制字符。
field-invalid-email = 请输入有效的电子邮箱地址，例如 name@example.org。
field-choose-attendance = 请选择参加方式。
field-attendance-one-of = 必须是以下值之一：{ $choices }。
field-not-offered = 此处不提供“{ $attendance }”方式。
field-not-offered-here = 本次会议不提供该参加方式。
field-consent = 请同意保存您的信息，否则我们无法为您报名。
field-leave-empty = 此项必须留空。

# Error pages: titles by status, then what they say
errorpage-back = 返回近期会议
errorpage-title-400 = 请求无效
errorpage-title-401 = 需要登录
errorpage-title-403 = 禁止访问
errorpage-title-404 = 页面不存在
errorpage-title-409 = 无法执行
errorpage-title-410 = 已不再提供
errorpage-title-413 = 内容过大
errorpage-title-415 = 格式不受支持
errorpage-title-422 = 输入无效
errorpage-title-429 = 请求过于频繁
errorpage-title-500 = 出错了
errorpage-title-503 = 服务暂时不可用
errorpage-not-found = 该页面不存在。
errorpage-not-found-meeting = 该会议不存在或尚未发布。
errorpage-not-found-series = 该系列会议不存在或尚未发布。
errorpage-not-found-group = 该工作组不存在。
errorpage-not-found-link = 该链接无效，可能已过期，或已被新链接取代。
errorpage-not-found-material = 该资料不存在或未公开。
errorpage-not-found-update = 该动态不存在或尚未发布。
errorpage-bad-request = 无法读取该请求。
errorpage-unauthorized = 您需要登录才能查看此页面。
errorpage-forbidden = 表单已过期，或并非从本网站提交。请返回上一页，刷新后重试。
errorpage-gone = 该内容已不再提供。
errorpage-series-closed = 该系列中没有开放报名的会议。
errorpage-full = 此类名额已满，且本次会议不设候补名单。
errorpage-already-registered = 该邮箱已经报名。
errorpage-already-by-series = 该邮箱已通过系列报名获得本次会议的名额。
errorpage-registration-cancelled = 该报名已取消。
errorpage-confirm-first = 请先确认您的报名：日历邀请将随确认信息一并发送。
errorpage-conflict = 目前无法执行此操作。请刷新页面后重试。
errorpage-too-large = 提交的内容过大。
errorpage-unsupported = 本网站不接受所提交内容的格式。
errorpage-validation = 部分输入内容无效。
errorpage-rate-limited = 您的网络连接发出的请求过多。请在 { $seconds } 秒后重试。
errorpage-unavailable = 服务暂时不可用，请稍后重试。
errorpage-internal = 我们这边出现了错误，已记录在案。请稍后重试。

# (end of section pages-a)

## Pages: home, group page, updates, follow, input, unsubscribe
# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
