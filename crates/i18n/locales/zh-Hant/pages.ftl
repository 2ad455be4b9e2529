### 所有頁面共用的框架、日期、首頁 (/) 以及錯誤頁面。

## 每個頁面頂端的標題。$service 為服務名稱。

page-header-home = 說明與支援
page-header-support = 支援中心
page-header-help = { $service } 說明中心
page-header-security = 安全中心
page-header-security-of = { $service } 安全中心
page-header-verify = 安全驗證
page-header-verify-for = { $service } 安全驗證

## 日期與時間均為 UTC。$month 為 1 至 12，$hour 與 $minute 為兩位數。

month-long = { $month }月
month-short = { $month }月
# 「2026年11月1日」
date = { $year }年{ month-long }{ $day }日
# 「2026年11月1日 14:05 UTC」
datetime = { $year }年{ month-short }{ $day }日 { $hour }:{ $minute } UTC
# 簡訊用（一則內發完，僅用數字）：「11/1 14:05 UTC」
datetime-short = { $month }/{ $day } { $hour }:{ $minute } UTC

## 首頁。

landing-title = 說明與支援
landing-lead = 為您解答疑問，並提供安全聯絡支援團隊的工具。
landing-support = 支援中心
landing-support-hint = 與支援團隊進行視訊通話，或確認客服人員的身分。
landing-help-centers = 說明中心
landing-help-hint = 關於登入、驗證碼與帳戶安全的文章。
landing-no-help-center = 尚未發布任何說明中心。

## 發生錯誤的頁面。

error-title = 發生問題
page-not-found-title = 找不到頁面
page-not-found-lead = 此網址沒有頁面。請檢查您點選的連結。
page-not-found-home = 前往說明與支援
error-page-lead = 目前無法顯示此頁面。請稍後再試。

# The footer of a service's pages: its support contact and privacy notice.
brand-support = 聯絡客服
brand-privacy = 隱私權
# The last lines of every email of a service with these links.
brand-email-support = 說明：{ $support }
brand-email-privacy = 隱私權聲明：{ $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = 此頁面無法處理該要求。請返回後再試一次。
