### 所有页面共用的框架、日期、首页 (/) 以及错误页面。

## 每个页面顶部的标题。$service 为服务名称。

page-header-home = 帮助与支持
page-header-support = 支持中心
page-header-help = { $service } 帮助中心
page-header-security = 安全中心
page-header-security-of = { $service } 安全中心
page-header-verify = 安全验证
page-header-verify-for = { $service } 安全验证

## 日期和时间均为 UTC。$month 为 1 至 12，$hour 和 $minute 为两位数。

month-long = { $month }月
month-short = { $month }月
# “2026年11月1日”
date = { $year }年{ month-long }{ $day }日
# “2026年11月1日 14:05 UTC”
datetime = { $year }年{ month-short }{ $day }日 { $hour }:{ $minute } UTC
# 短信用（一条内发完，仅用数字）：“11/1 14:05 UTC”
datetime-short = { $month }/{ $day } { $hour }:{ $minute } UTC

## 首页。

landing-title = 帮助与支持
landing-lead = 为您解答疑问，并提供安全联系支持团队的工具。
landing-support = 支持中心
landing-support-hint = 与支持团队进行视频通话，或核实客服人员的身份。
landing-help-centers = 帮助中心
landing-help-hint = 关于登录、验证码和账户安全的文章。
landing-no-help-center = 尚未发布任何帮助中心。

## 出错页面。

error-title = 出现问题
page-not-found-title = 找不到页面
page-not-found-lead = 此地址没有页面。请检查您访问的链接。
page-not-found-home = 前往帮助与支持
error-page-lead = 目前无法显示此页面。请稍后再试。

# The footer of a service's pages: its support contact and privacy notice.
brand-support = 联系客服
brand-privacy = 隐私
# The last lines of every email of a service with these links.
brand-email-support = 帮助：{ $support }
brand-email-privacy = 隐私声明：{ $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = 此页面无法处理该请求。请返回后重试。
