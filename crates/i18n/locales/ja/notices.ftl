### セキュリティのお知らせ: アカウントのセキュリティが変わったときに確認済みの
### 全連絡先へ送るお知らせと、検知した事象の警告。

notice-subject = { $service } アカウントのセキュリティ変更
notice-alert-subject = { $service } アカウントのセキュリティ警告

## 発生した事象 ($what)。

notice-factor-added =
    { $factor ->
        [totp] お客様のアカウントに認証アプリが追加されました
        [hotp] お客様のアカウントにハードウェアのコードトークンが追加されました
        [webauthn] お客様のアカウントにパスキーまたはセキュリティキーが追加されました
        [device] お客様のアカウントに信頼済みの端末が追加されました
       *[recovery_codes] お客様のアカウントにリカバリーコードが追加されました
    }
notice-factor-removed =
    { $factor ->
        [totp] お客様のアカウントから認証アプリが削除されました
        [hotp] お客様のアカウントからハードウェアのコードトークンが削除されました
        [webauthn] お客様のアカウントからパスキーまたはセキュリティキーが削除されました
        [device] お客様のアカウントから信頼済みの端末が削除されました
       *[recovery_codes] お客様のアカウントからリカバリーコードが削除されました
    }
notice-email-changed = お客様のアカウントのメールアドレスが変更されました
notice-phone-changed = お客様のアカウントの電話番号が変更されました
notice-codes-regenerated = 新しいリカバリーコードが作成されました (以前のコードは使用できません)
notice-totp-replayed = 認証アプリのコードが、すでに使用された後に再度入力されました。通常の利用ではあり得ないことで、第三者がお客様のコードを見ている可能性があります
notice-risky-sign-in =
    { $seen ->
        [device] 新しい端末からお客様のアカウントにログインがありました
        [country] 新しい国からお客様のアカウントにログインがありました
       *[both] 新しい国の新しい端末からお客様のアカウントにログインがありました
    }

## SMS: 1 通 (UCS-2 で 70 文字) に収めるため、ごく短く。

notice-sms-factor-added =
    { $factor ->
        [totp] 認証アプリ追加
        [hotp] トークン追加
        [webauthn] パスキー等追加
        [device] 信頼端末追加
       *[recovery_codes] リカバリーコード追加
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] 認証アプリ削除
        [hotp] トークン削除
        [webauthn] パスキー等削除
        [device] 信頼端末削除
       *[recovery_codes] リカバリーコード削除
    }
notice-sms-email-changed = メール変更
notice-sms-phone-changed = 電話番号変更
notice-sms-codes-regenerated = リカバリーコード更新
notice-sms-totp-replayed = 認証コード再使用
notice-sms-risky-sign-in =
    { $seen ->
        [device] 新端末でログイン
        [country] 新たな国でログイン
       *[both] 新端末・国でログイン
    }
notice-sms = { $service }: { $what }（{ $when }）。心当たりがなければ至急サポートへご連絡ください。
notice-sms-held = { $service }: { $what }（{ $when }）不審ならサポートへ。出金停止～{ $until }

## メールの本文 (email-hello で始まります)。

notice-email-what = { $when }、{ $what }。
notice-email-what-ip = { $when }、IP アドレス { $ip } から、{ $what }。
notice-email-if-you = お客様ご自身による操作であれば、対応は不要です。
notice-email-if-not-you = お心当たりがない場合、第三者がお客様のアカウントにアクセスしている可能性があります。直ちに { $service } のサポートにご連絡いただき、受け取ったコードは誰にも教えないでください。
notice-email-held = お客様保護のため、出金は { $until } まで保留されています。
notice-email-never-ask = { $service } がお客様にコードやパスワードを尋ねることは決してありません。

## 電話 (音声で読み上げ): 完全な文、長い日付 ($when, $until:
## 「2026年11月26日 01:10 UTC」)、出金停止は必ず伝える。IP アドレスを除いたメールの文。

notice-call = { $service } からのセキュリティに関するお知らせです。{ notice-email-what }{ notice-email-if-you }{ notice-email-if-not-you }
notice-call-held = { notice-call }{ notice-email-held }
