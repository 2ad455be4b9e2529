### 透過簡訊、電話與電子郵件傳送的驗證碼。每則都寫明服務名稱與所核准的操作，
### 並提醒使用者切勿洩漏驗證碼。

# 驗證碼所核准的操作（動賓短語）。
code-action =
    { $purpose ->
        [login] 登入
        [withdrawal] 核准提領
        [security_change] 變更安全性設定
        [support_call] 加入支援通話
        [verify_contact] 確認此聯絡方式
       *[other] 確認操作
    }
# 附帶付款的操作。$recipient：收款人、收款帳戶，或「收款人（收款帳戶）」。
code-action-payment = { code-action }：向 { $recipient } 支付 { $amount } { $currency }

## 簡訊：包括 WebOTP 行在內只占一則（UCS-2 為 70 個字元）。

code-sms = 【{ $service }】驗證碼 { $code }，用於{ $action }，{ $minutes }分鐘內有效。請勿洩漏給他人。
code-sms-payment = 【{ $service }】驗證碼 { $code }，用於支付 { $amount } { $currency } 給 { $recipient }。請勿洩漏給他人。
code-voice = 您好，這裡是 { $service }。您用於{ $action }的驗證碼是：{ $digits }。再重複一次，驗證碼是：{ $digits }。請勿向任何人透露。再見。
# 通話開頭：不含驗證碼（以免被語音信箱錄下）。
code-call-prompt = 您好，這裡是 { $service }，為您提供用於{ $action }的驗證碼。如需收聽，請現在按下手機上的任意鍵。
code-call-goodbye = 未偵測到按鍵，因此不會唸出驗證碼。再見。
code-subject = 您的 { $service } 驗證碼是 { $code }

## 電子郵件內文。

email-hello = 您好：
code-email-intro = 您用於{ $action }的 { $service } 驗證碼是：
code-email-expiry = 此驗證碼將於 { $minutes } 分鐘後失效。切勿告訴任何人：{ $service } 絕不會向您索取驗證碼。
code-email-not-you = 如果您沒有要求此驗證碼，可能有人正試圖使用您的帳戶。請勿在任何地方輸入此驗證碼，並建議您變更密碼。
