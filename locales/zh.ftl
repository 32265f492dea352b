# Quorum's messages in Simplified Chinese. English (en.ftl) is the reference.
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


## Pages: home, group page, updates, follow, input, unsubscribe
# Home page

home-title = 工作组及其会议
home-lead = 向公众观察员开放的会议，可现场或远程参加。
home-no-groups = 暂无工作组。
home-more = 另有 { $count } 次会议即将举行
home-subscribe = 将所有会议添加到您的日历
home-feed-apps = Apple 日历 / Thunderbird / Outlook 桌面版
home-feed-ics = .ics 订阅源
home-past = 往期会议

# Lists of meetings ahead (a weekly series as one line)

upcoming-none = 目前没有已安排的会议。
upcoming-next = 下次：
upcoming-ahead = 还有 { $count } 次会议
upcoming-all = 查看全部

# Group page
# $group is the group's name, as staff wrote it.

group-about = 关于{ $group }
group-more-about = 关于{ $group }的更多信息
group-contact = 联系方式：
group-next = 下次会议
group-register = 报名
group-meeting-page = 会议页面
group-join = 在线参加
group-add-calendar = 添加到日历（.ics）
group-series-all = 本系列全部会议
group-also-coming = 其他即将举行的会议
group-upcoming = 即将举行的会议
group-nothing-else = 暂无其他已安排的会议。
group-timeline = 时间线
group-timeline-empty = 暂无里程碑或往期会议。
group-people = 成员
group-people-empty = 暂未列出成员。
# Between a person's name and their role: "Denise Michel, Chair".
group-person-sep = ，
group-input = 公众意见
group-send-input = 向{ $group }提交意见
group-input-public = 意见将公开存档，但不会显示提交者的电子邮件地址。
group-updates = 最新动态
group-updates-empty = 暂无动态。
group-feed-meetings = 将会议添加到日历：
group-feed-milestones = 里程碑：
group-feed-updates = 动态：
group-feed-atom = Atom 订阅源
group-back = 返回{ $group }

# Timeline
# $kind is "Minutes" or "Recording"; $day a short day ("Wed 2 Dec"); $rule a weekly rule.

milestone-done = 已完成
milestone-planned = 计划中
timeline-series-note = 已举行 { $count } 次会议 · { $rule }
timeline-record = { $kind }：
timeline-record-day = { $kind }（{ $day }）：

# An update's page

update-crumb = 动态
update-published = 发布于
update-feed = 动态订阅源（Atom）
update-feed-title = { $group }：最新动态

# Follow a group; unsubscribe

follow-title = 关注{ $group }
follow-label = { $group }发布会议或动态时，通过电子邮件通知我
follow-button = 关注
follow-honeypot = 请勿填写此栏
follow-hint = 我们只会发送一封邮件确认地址。每封邮件都附有一键退订链接。
follow-email-problem = 电子邮件：{ $problem }
# $within is a duration ("48 hours").
follow-check-mail = 如果该地址可以关注{ $group }，我们已向其发送了一封邮件。请打开邮件中的链接，并在 { $within }内点击“确认”；在此之前，我们不会向该地址发送任何邮件。如果该地址已在关注本工作组，邮件中会予以说明。
follow-active = 您已关注{ $group }：每当本工作组发布会议、系列会议或动态时，该地址都会收到一封电子邮件。每封此类邮件都附有一键退订链接。
follow-confirm-question = 请确认：每当{ $group }发布会议、系列会议或动态时，该地址都应收到一封电子邮件。
follow-confirm = 确认
unsubscribe-title = 退订
unsubscribe-done = 您已不再关注{ $group }。
unsubscribe-done-none = 该地址并未关注本工作组。
unsubscribe-deleted = 我们不会再向其发送任何邮件，该地址也已被删除。
unsubscribe-question = 是否停止向该地址发送有关本工作组会议和动态的电子邮件？
unsubscribe-button = 退订
unsubscribe-back = 返回即将举行的会议

# Public input: form, archive, check-mail and confirm pages

input-title = 向{ $group }提交的意见
input-heading = 向{ $group }提交的公众意见
input-lead = 欢迎向本工作组提出意见。确认您的地址后，您的意见将以您的姓名发布在此存档中。您的电子邮件地址不会公开显示。
input-lead-forwarded = 欢迎向本工作组提出意见。确认您的地址后，您的意见将以您的姓名发布在此存档中，并转交本工作组。您的电子邮件地址不会公开显示。
input-send-heading = 提交意见
input-correct = 请更正下方标出的字段。
input-name = 姓名
input-email = 电子邮件
input-not-shown = （不公开显示）
input-subject = 主题
input-message = 内容
input-message-hint = （纯文本；链接可点击）
input-send = 提交
input-hint = 我们会向该地址发送一封邮件以确认地址。在您确认之前，不会发布任何内容。
input-archive = 存档
input-none = 尚未发布任何意见。
input-no-more = 没有更多意见。
input-pages = 存档页码
input-newer = 较新
input-older = 较早
input-check-title = 请查收邮件
input-check-sent = 我们已向您填写的地址发送了一封邮件。请打开邮件中的链接并点击“确认”，以发布您向{ $group }提交的意见。在您确认之前，不会发布任何内容。
# $duration is a duration ("48 hours").
input-check-expiry = 该链接的有效期为 { $duration }。逾期后，未确认的意见将被删除，您可以重新提交。
input-check-none = 没有收到邮件？
input-check-wait = 请稍等几分钟，并在垃圾邮件文件夹中查找来自本网站的邮件。
input-check-typo = 请检查地址是否填写正确。如有错误，只需使用正确的地址重新提交意见即可。
input-back-archive = 返回意见存档
input-yours = 您向{ $group }提交的意见
input-hidden = 您的意见已发布，但此后已被本工作组的工作人员从存档中隐藏。
input-published = 您的意见已发布。
input-see-archive = 在工作组存档中查看
input-confirm-question = 请确认这条意见是您提交的。点击按钮后，意见将按下方所示发布在本工作组的公开存档中。您的电子邮件地址不会公开显示。
input-confirm-question-forwarded = 请确认这条意见是您提交的。点击按钮后，意见将按下方所示发布在本工作组的公开存档中，并转交本工作组。您的电子邮件地址不会公开显示。
input-not-you = 如果这不是您提交的，则无需任何操作：该意见将被删除，不会发布。
input-thanks = 谢谢！您的意见已发布。


## Mail to observers, followers and input authors
mail-subject = { $heading }：{ $title }
mail-kind-confirm-address = 请确认您的报名
mail-kind-confirmed = 报名已确认
mail-kind-promoted = 您已获得名额
mail-kind-waitlisted = 您已进入候补名单
mail-kind-already-registered = 此邮箱地址已报名
mail-kind-attendance-changed = 参会方式已更改
mail-kind-observer-cancelled = 报名已取消
mail-kind-meeting-changed = 会议信息已更新
mail-kind-zone-rules-changed = 会议时间已更正
mail-kind-meeting-cancelled = 会议已取消
mail-kind-reminder = 会议提醒
mail-kind-material-added = 新增资料
mail-hello-name = { $name }，您好：
mail-hello = 您好：
mail-intro-confirm-address = 有人（可能是您本人）申请用此邮箱地址报名参加以下会议。如需获得名额，请打开下方链接，并在 { $duration }内点击“确认”。在此之前不会为您保留名额。
mail-intro-not-you = 如果这不是您本人的操作，请忽略此邮件：系统不会进行任何登记，相关信息也将被删除。
mail-intro-confirmed = 您的报名已确认。附件中的邀请可将会议添加到您的日历；如会议有变动，日历中的信息也会随之更新。
mail-intro-promoted = 有名额空出，现已分配给您：您的报名已确认。附件中的邀请可将会议添加到您的日历。
mail-intro-waitlisted = 会议名额已满，您已进入候补名单。如有名额空出，将按等候时间先后分配；届时您会收到一封附有日历邀请的确认邮件。
mail-intro-already-registered = 有人（可能是您本人）试图再次用此邮箱地址报名参加本次会议。您已有报名记录，可通过下方链接查看、更改或取消。此前收到的链接仍然有效。
mail-intro-attendance-changed = 您的参会方式已更改。附件中的邀请将更新您的日历。
mail-intro-observer-cancelled = 您的报名已取消。附件中的取消通知将把该会议从您的日历中删除。
mail-intro-meeting-changed = 本次会议有变动。附件中的邀请将更新您的日历；以下为最新信息。
mail-intro-zone-rules-changed = 会议举办地的时区规则已变更（tz 数据库 { $version }）。会议的当地时间不变，见下文；但其 UTC 时间以及在其他时区的时间已有变化。附件中的邀请将更新您的日历。
mail-intro-meeting-cancelled = 本次会议已取消。附件中的取消通知将把它从您的日历中删除。
mail-cancel-reason = 原因：{ $reason }
mail-intro-material-added = 以下会议新增了资料。
mail-intro-reminder = 以下会议将在 { $duration }后开始。您的名额已确认，详情见下文。
mail-when = 时间
mail-where = 地点
mail-join = 参会链接
mail-you = 您的报名
mail-page = 页面
mail-agenda = 议程
mail-group = 小组
mail-material = 资料
mail-next = 下次会议：{ $when }
mail-status-pending = 等待确认邮箱地址
mail-status-confirmed = 已确认
mail-status-waitlisted = 候补中
mail-status-cancelled = 已取消
mail-what-changed = 变更内容
mail-change-title = 标题
mail-change-time = 时间
mail-change-place = 地点
mail-change-join = 参会链接
mail-change-none = （无）
mail-link-confirm = 确认报名
mail-link-manage = 更改或取消报名
mail-link-keep-line = { $label }（请勿将此链接告诉他人）：
mail-link-keep = 请勿将此链接告诉他人：任何持有此链接的人都可以更改您的报名。
mail-footer = 本邮件由 Quorum 发送。您收到此邮件，是因为此邮箱地址已报名参加上述会议。
mail-follow-subject = 请确认：关注 { $group }
mail-follow-subject-already = 您已关注 { $group }
mail-follow-intro = 有人（可能是您本人）申请在 { $group } 每次发布会议、系列会议或动态时接收电子邮件。如需开始接收，请打开下方链接，并在 { $duration }内点击“确认”。
mail-follow-not-you = 如果这不是您本人的操作，请忽略此邮件：我们不会向此地址发送任何邮件，该地址也将被删除。
mail-follow-already = 有人（可能是您本人）申请用此邮箱地址关注 { $group }。此地址已在关注该小组，没有任何变化。
mail-follow-confirm = 确认
mail-follow-footer = 本邮件由 Quorum 发送，因为有人在上述小组的关注表单中填写了此邮箱地址。
mail-unsubscribe = 退订
mail-unsubscribe-one-click = 一键退订
mail-announce-meeting = 新会议
mail-announce-series = 新系列会议
mail-announce-update = 新动态
mail-announce-subject = { $heading }：{ $title }（{ $group }）
mail-announce-published = { $group } 发布了以下内容：
mail-read-more = 阅读全文
mail-announce-footer = 本邮件由 Quorum 发送，因为您关注了 { $group }。
mail-input-subject = 请确认您提交给 { $group } 的意见
mail-input-title = 请确认您提交的意见
mail-input-intro = 有人（可能是您本人）通过 { $group } 的公开页面，用此邮箱地址提交了意见。如需将其发布到该小组的公开存档并转交该小组，请打开下方链接，并在 { $duration }内点击“确认”：
mail-input-review = 查看并确认
mail-input-shown = 您的姓名、主题和留言将显示在存档中，但您的邮箱地址不会显示。
mail-input-not-you = 如果这不是您本人的操作，请忽略此邮件：不会发布任何内容，相关信息也将被删除。
mail-input-footer = 本邮件由 Quorum 发送，因为有人在某小组的意见表单中填写了此邮箱地址。


## Calendars (invites and feeds) and the Atom feed
ics-online = 线上
ics-cancelled = 已取消
ics-cancelled-reason = 已取消：{ $reason }
ics-join-online = 线上参会：
ics-manage = 更改或取消报名：
ics-milestone-done = 状态：已完成
ics-milestone-planned = 状态：计划中
ics-milestones-name = { $group }：里程碑
atom-updates-title = { $group }：最新动态
ics-invite-pending = 请先确认报名：日历邀请将随确认一同发送。
