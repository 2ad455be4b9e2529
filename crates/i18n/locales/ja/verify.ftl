### 本人確認ページ (/verify/…)。

verify-title = ご本人確認
verify-lead = { $service } が「{ code-action }」の確認を求めています。
verify-payment = 承認するお支払い
verify-amount = 金額
verify-payee = 支払先
verify-destination = 口座またはアドレス
verify-done = 完了
verify-method =
    { $method ->
        [webauthn] パスキーまたはセキュリティキー
        [device] ログイン中の端末
        [totp] 認証アプリ
        [hotp] コードトークン
        [email] メール
        [sms] SMS
        [voice] 電話
       *[recovery_code] リカバリーコード
    }
verify-send =
    { $channel ->
        [sms] SMS でコードを受け取る
        [voice] 代わりに電話で受け取る
       *[email] メールでコードを受け取る
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = { $to } に送信したコードを入力してください
verify-code-totp = 認証アプリに表示されているコードを入力してください
verify-code-hotp = トークンに表示されているコードを入力してください
verify-code-recovery = リカバリーコードを1つ入力してください
verify-verify = 確認
verify-resend-wait = { $time } 後に新しいコードを請求できます。
verify-resend-ready = 新しいコードを請求できます。
verify-not-received = コードが届きませんか？
verify-other-ways = その他の確認方法
verify-choose = 確認方法を選択してください
verify-passkey = パスキーまたはセキュリティキーを使用
verify-passkey-hint = スマートフォンまたはパソコンで、指紋、顔、PIN またはキーによる確認が求められます。
verify-device = ログイン中の端末で { $service } を開き、数字 { $number } を選択してください。
verify-device-waiting = 端末での承認をお待ちしています…
verify-device-check = 承認しました
verify-next-step = あと1ステップです。次のいずれかで確認してください。
verify-cancel = 心当たりがありません: キャンセル

## 本人確認の終了後。

verify-finished-approved = 本人確認が完了しました。
verify-finished-held = 確認しました。最近セキュリティ設定が変更されたため、お客様保護の観点から、この出金は { $until } まで保留されます。
verify-finished-failed = 本人確認に失敗しました。{ $service } から最初からやり直してください。
verify-finished-expired = 本人確認の有効期限が切れました。{ $service } から最初からやり直してください。
verify-finished-cancelled = この本人確認はキャンセルされました。
verify-finished-denied = 端末でこのリクエストを拒否しました。
verify-back-to = { $service } に戻る
verify-not-found-title = 本人確認が見つかりません
verify-not-found-lead = このリンクは無効です。ご利用中のサイトまたはアプリから最初からやり直してください。

## 直前の操作で問題が発生した場合。$attempts は残りの試行回数。

verify-error-wrong-code = コードが正しくありません。残り試行回数: { $attempts }。
verify-error-credential-refused = このパスキーまたはセキュリティキーは受け付けられませんでした。残り試行回数: { $attempts }。
verify-error-too-many-attempts = 誤ったコードが多すぎるため、この本人確認は失敗しました。
verify-error-resend-too-soon = 別のコードを請求する前に、しばらくお待ちください。
verify-error-delivery-failed = コードを送信できませんでした。下から別の方法を選択してください。
verify-error-rate-limited = 送信したコードが多すぎます。別の方法を選択するか、しばらくしてからお試しください。
verify-error-locked = 失敗が多すぎます。しばらくしてからお試しください。
verify-error-method-unavailable = この方法はこの本人確認ではご利用いただけません。
verify-error-expired = この本人確認は有効期限が切れました。
verify-error-closed = この本人確認はすでに終了しています。
verify-error-other = 問題が発生しました。もう一度お試しください。
