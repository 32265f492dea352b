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
# (end of section pages-a)

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
group-closed-draft = 本次会议尚未发布。
group-closed-cancelled = 本次会议已取消。
group-closed-not-yet-open = 本次会议尚未开放报名。
group-closed-closed = 本次会议报名已截止。
group-closed-past = 本次会议已经举行。
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

# Problems beside the fields of the input and follow forms
# $max is a number of characters.

input-error-required = 此字段为必填项。
input-error-too-long = 最多 { $max } 个字符。
input-error-control = 包含控制字符。
input-error-single-line = 只能填写一行。
input-error-one-line = 只能填写一行，不得包含换行符、制表符或其他控制字符。
input-error-email = 请输入有效的电子邮件地址，例如 name@example.org。

# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
