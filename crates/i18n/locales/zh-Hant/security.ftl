### 安全中心 (/security)。

security-title = 安全中心
security-lead = 證明您本人身分的方式，以及您帳戶最近發生的事件。
security-methods = 身分驗證方式
security-no-methods = 尚未設定驗證器。請新增一個：僅透過簡訊或電子郵件接收的驗證碼容易遭竊。
security-add-method = 新增方式
security-add-totp = 新增驗證器應用程式
security-add-passkey = 新增通行金鑰
security-add-security-key = 新增安全金鑰
security-devices = 信任的裝置
security-no-devices = 沒有信任的裝置。
security-recovery = 復原碼
security-recovery-left = 10 組復原碼中還剩 { $n } 組。
security-no-recovery = 沒有復原碼。請取得一組並妥善保管，以防您無法使用其他方式。
security-new-recovery = 取得新的復原碼
security-contacts = 電子郵件與電話
security-email = 電子郵件
security-phone = 電話
security-verified = 已驗證
security-unverified = 未驗證
security-none = 無
security-activity = 最近的安全活動
security-no-activity = 目前沒有紀錄。
security-added = 新增於
security-last-used = 上次使用
security-never-used = 從未使用
security-remove = 移除
security-sign-out = 登出
security-back-to-app = 返回應用程式
security-back = 返回安全中心
security-strength =
    { $strength ->
        [phishing_resistant] 防網路釣魚
        [strong] 強
        [backup] 備用
       *[weaker] 較弱
    }
security-kind =
    { $kind ->
        [passkey] 通行金鑰
        [webauthn] 通行金鑰
        [security_key] 安全金鑰
        [device] 信任的裝置
        [totp] 驗證器應用程式
        [hotp] 硬體權杖
       *[recovery_codes] 復原碼
    }
security-sent-codes = 透過簡訊、電話或電子郵件接收的驗證碼
security-notice-added = 完成：已新增該方式。我們已向您已驗證的電子郵件與電話傳送通知。
security-notice-removed = 完成：已移除該方式。我們已向您已驗證的電子郵件與電話傳送通知。
security-notice-session-ended = 完成：該工作階段已結束。
security-notice-others-ended = 完成：您的其他工作階段均已結束。

## 新增驗證器應用程式。

security-totp-title = 新增驗證器應用程式
security-totp-scan = 請使用驗證器應用程式（Google Authenticator、Aegis、1Password 等）掃描此 QR 碼，然後輸入應用程式顯示的驗證碼。
security-totp-qr = 供驗證器應用程式掃描的 QR 碼
security-totp-key = 無法掃描？請在應用程式中輸入此金鑰：
security-totp-open = 在此裝置上的驗證器應用程式中開啟
security-totp-code = 應用程式中的驗證碼
security-totp-code-hint = 6 位數字。此金鑰僅在此時顯示。
security-activate = 啟用
security-wrong-code = 此驗證碼不正確。請檢查應用程式後再試一次。

## 新增通行金鑰或安全金鑰。

security-passkey-title = 新增通行金鑰
security-passkey-lead = 通行金鑰儲存在您的手機或電腦上，以指紋、臉孔或 PIN 碼解鎖。它僅適用於本網站，因此仿冒網站無法取得任何資訊。
security-security-key-title = 新增安全金鑰
security-security-key-lead = 請準備好您的安全金鑰：在出現提示時插入或靠近手機，然後輕觸金鑰。
security-webauthn-label = 名稱（選填）
security-webauthn-label-hint = 方便日後辨識，例如「公司筆電」。
security-webauthn-start = 繼續
security-webauthn-working = 請依照瀏覽器的指示操作…
security-webauthn-cancelled = 操作已取消或逾時。請再試一次。
security-webauthn-failed = 無法新增。請再試一次。

## 復原碼、確認，以及工作階段的開始與結束。

security-codes-title = 您的新復原碼
security-codes-lead = 每組復原碼只能使用一次。請列印或抄寫下來並妥善保管：它們僅在此時顯示。您先前的復原碼已失效。
security-done = 完成
security-confirm-title = 已驗證
security-confirm-lead = 您已證明是您本人。要移除此方式嗎？
security-confirm-add-lead = 您已證明是您本人。繼續新增：
security-cancel = 保留
security-opening-title = 正在開啟安全中心
security-opening-lead = 請稍候…
security-continue = 繼續
security-signed-out-title = 已登出
security-signed-out-lead = 您已離開安全中心。
security-step-up-first-title = 請先確認是您本人
security-step-up-first-lead = 為帳戶新增登入方式需要重新驗證。
security-verify-me = 驗證我的身分

## 發生的問題。

security-link-title = 此連結已失效
security-link-lead = 安全中心的連結僅能使用一次，有效期限 5 分鐘。請返回應用程式，重新開啟安全中心。
security-session-title = 您的工作階段已結束
security-session-lead = 為保障您的安全，安全中心在 10 分鐘無操作後或總計 30 分鐘後關閉。請返回應用程式重新開啟。
security-csrf-title = 無法確認此要求
security-csrf-lead = 未進行任何變更。請返回安全中心，重新載入後再試一次。
security-not-found-title = 找不到
security-not-found-lead = 您的帳戶中沒有此方式。
security-step-up-title = 未驗證
security-step-up-lead = 此驗證尚未完成或已被使用。未進行任何變更。
security-unsatisfiable-lead = 若要變更驗證方式，您必須透過驗證器以及電子郵件或簡訊驗證碼證明是您本人，而此帳戶無法做到。請聯絡支援團隊。
security-locked-lead = 錯誤驗證碼次數過多：您的帳戶已暫時鎖定。請稍後再試。
security-expired-lead = 此設定等候時間過長。請重新開始。
security-error-lead = 未進行任何變更。請稍後再試。

## 工作階段。

security-sessions = 您的工作階段
security-sessions-lead = 如果您不認得某個工作階段，請將其結束。
security-this-session = 目前的工作階段
security-browser-on = { $system } 上的 { $browser }
security-unknown-browser = 不明的瀏覽器
security-opened = 開始於
security-last-active = 上次活動
security-end-session = 結束此工作階段
security-end-others = 結束所有其他工作階段
security-end-others-offer = 您是因為發現異常才進行此變更嗎？請一併結束您的其他工作階段。

## 最近的活動。

security-event-factor-activated = 已新增方式：{ security-kind }
security-event-factor-removed = 已移除方式：{ security-kind }
security-event-recovery-codes = 新的復原碼
security-event-factor-activation-failed = 新增方式時驗證碼錯誤
security-event-factor-possible-clone = 安全金鑰疑似遭複製，已拒絕
security-event-contact-changed =
    { $field ->
        [email] 電子郵件已變更
       *[phone] 電話已變更
    }
security-event-challenge-approved = 驗證成功：{ code-action }
security-event-challenge-failed = 驗證失敗：{ code-action }
security-event-challenge-denied = 在信任的裝置上拒絕：{ code-action }
security-event-challenge-code-rejected = 輸入了錯誤的驗證碼
security-event-user-locked = 因驗證碼錯誤，帳戶已鎖定
security-event-portal-session-opened = 已開啟安全中心
security-event-portal-session-revoked = 安全中心工作階段已結束
