### 代管驗證頁面 (/verify/…)。

verify-title = 確認是您本人
verify-lead = { $service } 請您確認：{ code-action }。
verify-payment = 您要核准的付款
verify-amount = 金額
verify-payee = 收款人
verify-destination = 帳戶或地址
verify-done = 完成
verify-method =
    { $method ->
        [webauthn] 通行金鑰或安全金鑰
        [device] 您已登入的裝置
        [totp] 驗證器應用程式
        [hotp] 驗證碼權杖
        [email] 電子郵件
        [sms] 簡訊
        [voice] 電話
       *[recovery_code] 復原碼
    }
verify-send =
    { $channel ->
        [sms] 以簡訊傳送驗證碼
        [voice] 改以電話告知
       *[email] 以電子郵件傳送驗證碼
    }
verify-send-to = { verify-send }（{ $to }）
verify-code-sent = 請輸入傳送至 { $to } 的驗證碼
verify-code-totp = 請輸入驗證器應用程式顯示的驗證碼
verify-code-hotp = 請輸入權杖顯示的驗證碼
verify-code-recovery = 請輸入您的一組復原碼
verify-verify = 驗證
verify-resend-wait = 您可在 { $time } 後要求新的驗證碼。
verify-resend-ready = 您現在可以要求新的驗證碼。
verify-not-received = 沒有收到驗證碼？
verify-other-ways = 其他確認方式
verify-choose = 請選擇確認方式
verify-passkey = 使用我的通行金鑰或安全金鑰
verify-passkey-hint = 您的手機或電腦會要求您提供指紋、臉孔、PIN 碼或金鑰。
verify-device = 請在您已登入的裝置上開啟 { $service }，並選擇數字 { $number }。
verify-device-waiting = 正在等待您在裝置上核准…
verify-device-check = 我已核准
verify-next-step = 還差一步：請使用下列其中一種方式確認。
verify-cancel = 不是我本人：取消

## 驗證結束後。

verify-finished-approved = 驗證成功。
verify-finished-held = 已確認。由於您的安全性設定最近有所變更，為保護您的資金，此筆提領將暫緩至 { $until }。
verify-finished-failed = 此驗證失敗。請從 { $service } 重新開始。
verify-finished-expired = 此驗證已逾期。請從 { $service } 重新開始。
verify-finished-cancelled = 此驗證已取消。
verify-finished-denied = 您已在裝置上拒絕此要求。
verify-back-to = 返回 { $service }
verify-not-found-title = 找不到此驗證
verify-not-found-lead = 此連結無效。請從您正在使用的網站或應用程式重新開始。

## 使用者上一步操作發生的問題。$attempts：剩餘嘗試次數。

verify-error-wrong-code = 驗證碼不正確。剩餘嘗試次數：{ $attempts }。
verify-error-credential-refused = 此通行金鑰或安全金鑰未被接受。剩餘嘗試次數：{ $attempts }。
verify-error-too-many-attempts = 錯誤驗證碼次數過多：此驗證已失敗。
verify-error-resend-too-soon = 請稍候再要求新的驗證碼。
verify-error-delivery-failed = 我們無法傳送驗證碼。請在下方選擇其他方式。
verify-error-rate-limited = 已傳送的驗證碼過多。請選擇其他方式，或稍後再試。
verify-error-locked = 失敗次數過多。請稍後再試。
verify-error-method-unavailable = 此驗證不支援這種方式。
verify-error-expired = 此驗證已逾期。
verify-error-closed = 此驗證已結束。
verify-error-other = 發生問題。請再試一次。
