### セキュリティセンター (/security)。

security-title = セキュリティセンター
security-lead = ご本人であることを証明する方法と、最近のアカウントでの出来事です。
security-methods = 本人確認の方法
security-no-methods = 認証方法がまだありません。追加してください。SMS やメールだけのコードは盗まれやすいためです。
security-add-method = 方法を追加
security-add-totp = 認証アプリを追加
security-add-passkey = パスキーを追加
security-add-security-key = セキュリティキーを追加
security-devices = 信頼済みの端末
security-no-devices = 信頼済みの端末はありません。
security-recovery = リカバリーコード
security-recovery-left = 10 個中 { $n } 個のコードが残っています。
security-no-recovery = リカバリーコードがありません。他の方法を失った場合に備えて取得し、安全な場所に保管してください。
security-new-recovery = 新しいリカバリーコードを取得
security-contacts = メールアドレスと電話番号
security-email = メール
security-phone = 電話
security-verified = 確認済み
security-unverified = 未確認
security-none = なし
security-activity = 最近のセキュリティアクティビティ
security-no-activity = まだありません。
security-added = 追加日時
security-last-used = 最終使用
security-never-used = 未使用
security-remove = 削除
security-sign-out = ログアウト
security-back-to-app = アプリに戻る
security-back = セキュリティセンターに戻る
security-strength =
    { $strength ->
        [phishing_resistant] フィッシング耐性あり
        [strong] 強力
        [backup] 予備
       *[weaker] 弱い
    }
security-kind =
    { $kind ->
        [passkey] パスキー
        [webauthn] パスキー
        [security_key] セキュリティキー
        [device] 信頼済みの端末
        [totp] 認証アプリ
        [hotp] ハードウェアトークン
       *[recovery_codes] リカバリーコード
    }
security-sent-codes = SMS、電話、メールによるコード
security-notice-added = 完了: 方法を追加しました。確認済みのメールアドレスと電話番号にお知らせを送信しました。
security-notice-removed = 完了: 方法を削除しました。確認済みのメールアドレスと電話番号にお知らせを送信しました。
security-notice-session-ended = 完了: そのセッションを終了しました。
security-notice-others-ended = 完了: 他のセッションをすべて終了しました。

## 認証アプリの追加。

security-totp-title = 認証アプリを追加
security-totp-scan = 認証アプリ (Google Authenticator、Aegis、1Password など) でこの QR コードを読み取り、表示されたコードを入力してください。
security-totp-qr = 認証アプリで読み取る QR コード
security-totp-key = 読み取れない場合は、このキーをアプリに入力してください:
security-totp-open = この端末の認証アプリで開く
security-totp-code = アプリのコード
security-totp-code-hint = 6桁の数字です。このキーは今回のみ表示されます。
security-activate = 有効にする
security-wrong-code = このコードは正しくありません。アプリをご確認のうえ、もう一度お試しください。

## パスキーまたはセキュリティキーの追加。

security-passkey-title = パスキーを追加
security-passkey-lead = パスキーはスマートフォンまたはパソコンに保存され、指紋、顔、PIN で解除されます。このサイトでのみ機能するため、偽サイトには何も渡りません。
security-security-key-title = セキュリティキーを追加
security-security-key-lead = セキュリティキーをお手元にご用意ください。求められたら差し込むかスマートフォンに近づけ、キーに触れてください。
security-webauthn-label = 名前 (任意)
security-webauthn-label-hint = 後で見分けられるように。例:「仕事用ノートPC」
security-webauthn-start = 次へ
security-webauthn-working = ブラウザの指示に従ってください…
security-webauthn-cancelled = キャンセルされたか、時間切れになりました。もう一度お試しください。
security-webauthn-failed = 追加できませんでした。もう一度お試しください。

## リカバリーコード、確認、セッションの開始と終了。

security-codes-title = 新しいリカバリーコード
security-codes-lead = 各コードは1回のみ使用できます。印刷するか書き留めて、安全な場所に保管してください。表示されるのは今回のみです。以前のコードは使用できなくなりました。
security-done = 完了
security-confirm-title = 確認済み
security-confirm-lead = ご本人であることが確認されました。この方法を削除しますか？
security-confirm-add-lead = ご本人であることが確認されました。次を追加します:
security-cancel = 削除しない
security-opening-title = セキュリティセンターを開いています
security-opening-lead = お待ちください…
security-continue = 次へ
security-signed-out-title = ログアウトしました
security-signed-out-lead = セキュリティセンターを終了しました。
security-step-up-first-title = まず、ご本人確認を行ってください
security-step-up-first-lead = アカウントへのログイン方法を追加するには、改めて本人確認が必要です。
security-verify-me = 本人確認を行う

## 問題が発生した場合。

security-link-title = このリンクは使用できなくなりました
security-link-lead = セキュリティセンターへのリンクは1回限り、5分間有効です。アプリに戻り、もう一度セキュリティセンターを開いてください。
security-session-title = セッションが終了しました
security-session-lead = 安全のため、セキュリティセンターは操作がないまま10分経過するか、合計30分経過すると終了します。アプリに戻り、もう一度開いてください。
security-csrf-title = このリクエストを確認できませんでした
security-csrf-lead = 何も変更されていません。セキュリティセンターに戻り、再読み込みしてからもう一度お試しください。
security-not-found-title = 見つかりません
security-not-found-lead = この方法はお客様のアカウントにありません。
security-step-up-title = 確認されていません
security-step-up-lead = この本人確認は完了していないか、すでに使用されています。何も変更されていません。
security-unsatisfiable-lead = 方法を変更するには、認証方法 (パスキー、セキュリティキー、認証アプリなど) とメールまたは SMS のコードでご本人であることを証明する必要がありますが、このアカウントではできません。サポートにお問い合わせください。
security-locked-lead = 誤ったコードが多すぎるため、アカウントはしばらくロックされています。しばらくしてからお試しください。
security-expired-lead = 設定の待ち時間が長すぎました。最初からやり直してください。
security-error-lead = 何も変更されていません。しばらくしてからもう一度お試しください。

## セッション。

security-sessions = セッション
security-sessions-lead = 心当たりのないセッションは終了してください。
security-this-session = このセッション
security-browser-on = { $system } 上の { $browser }
security-unknown-browser = 不明なブラウザ
security-opened = 開始
security-last-active = 最終操作
security-end-session = このセッションを終了
security-end-others = 他のセッションをすべて終了
security-end-others-offer = 不審な点があってこの変更を行いましたか？他のセッションも終了してください。

## 最近のアクティビティ。

security-event-factor-activated = 方法を追加: { security-kind }
security-event-factor-removed = 方法を削除: { security-kind }
security-event-recovery-codes = 新しいリカバリーコード
security-event-factor-activation-failed = 方法の追加中に誤ったコード
security-event-factor-possible-clone = 複製の疑いがあるセキュリティキーを拒否
security-event-contact-changed =
    { $field ->
        [email] メールアドレスを変更
       *[phone] 電話番号を変更
    }
security-event-challenge-approved = 確認済み: { code-action }
security-event-challenge-failed = 確認失敗: { code-action }
security-event-challenge-denied = 信頼済みの端末で拒否: { code-action }
security-event-challenge-code-rejected = 誤ったコードの入力
security-event-user-locked = 誤ったコードによりアカウントをロック
security-event-portal-session-opened = セキュリティセンターを開始
security-event-portal-session-revoked = セキュリティセンターのセッションを終了
