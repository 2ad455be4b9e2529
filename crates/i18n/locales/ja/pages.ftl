### すべてのページに共通する枠、日付、トップページ (/)、エラーページ。

## 各ページ上部の見出し。$service はサービス名。

page-header-home = ヘルプとサポート
page-header-support = サポートセンター
page-header-help = { $service } ヘルプセンター
page-header-security = セキュリティセンター
page-header-security-of = { $service } セキュリティセンター
page-header-verify = 安全な本人確認
page-header-verify-for = { $service } の安全な本人確認

## 日時は UTC。$month は 1～12、$hour と $minute は2桁。

month-long = { $month }月
month-short = { $month }月
# 「2026年11月1日」
date = { $year }年{ month-long }{ $day }日
# 「2026年11月1日 14:05 UTC」
datetime = { $year }年{ month-short }{ $day }日 { $hour }:{ $minute } UTC
# SMS 用 (1 通に収めるため数字のみ):「11/1 14:05 UTC」
datetime-short = { $month }/{ $day } { $hour }:{ $minute } UTC

## トップページ。

landing-title = ヘルプとサポート
landing-lead = ご質問への回答と、サポート窓口へ安全にご連絡いただくためのツールです。
landing-support = サポートセンター
landing-support-hint = サポートとのビデオ通話に参加したり、担当者が本物かどうかを確認したりできます。
landing-help-centers = ヘルプセンター
landing-help-hint = ログイン、認証コード、アカウントの保護に関する記事です。
landing-no-help-center = 公開されているヘルプセンターはまだありません。

## エラーページ。

error-title = 問題が発生しました
page-not-found-title = ページが見つかりません
page-not-found-lead = このアドレスのページは存在しません。たどったリンクをご確認ください。
page-not-found-home = ヘルプとサポートへ
error-page-lead = 現在このページを表示できません。しばらくしてからもう一度お試しください。

# The footer of a service's pages: its support contact and privacy notice.
brand-support = サポートに問い合わせる
brand-privacy = プライバシー
# The last lines of every email of a service with these links.
brand-email-support = サポート: { $support }
brand-email-privacy = プライバシーポリシー: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = このページではこのリクエストを処理できませんでした。前のページに戻って、もう一度お試しください。
