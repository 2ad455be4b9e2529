### 安全通知：帳戶安全性變更時傳送給所有已驗證聯絡方式的通知，
### 以及對所發現情況的警示。

notice-subject = 您的 { $service } 帳戶安全性設定已變更
notice-alert-subject = 您的 { $service } 帳戶安全警示

## 發生的事件（$what）。

notice-factor-added =
    { $factor ->
        [totp] 您的帳戶已新增驗證器應用程式
        [hotp] 您的帳戶已新增硬體驗證碼權杖
        [webauthn] 您的帳戶已新增通行金鑰或安全金鑰
        [device] 您的帳戶已新增信任的裝置
       *[recovery_codes] 您的帳戶已新增一組復原碼
    }
notice-factor-removed =
    { $factor ->
        [totp] 您的帳戶已移除驗證器應用程式
        [hotp] 您的帳戶已移除硬體驗證碼權杖
        [webauthn] 您的帳戶已移除通行金鑰或安全金鑰
        [device] 您的帳戶已移除信任的裝置
       *[recovery_codes] 您的帳戶已移除一組復原碼
    }
notice-email-changed = 您帳戶的電子郵件地址已變更
notice-phone-changed = 您帳戶的電話號碼已變更
notice-codes-regenerated = 已產生新的復原碼（舊復原碼已失效）
notice-totp-replayed = 您驗證器應用程式中的一組驗證碼在使用後又被再次輸入，這在正常使用中不會發生：可能有他人看到了您的驗證碼
notice-risky-sign-in =
    { $seen ->
        [device] 有人從新裝置登入了您的帳戶
        [country] 有人從新的國家/地區登入了您的帳戶
       *[both] 有人從新的國家/地區的新裝置登入了您的帳戶
    }

## 簡訊：一則（UCS-2 為 70 個字元），務必簡短。

notice-sms-factor-added =
    { $factor ->
        [totp] 新增驗證器
        [hotp] 新增驗證碼權杖
        [webauthn] 新增通行金鑰等
        [device] 新增信任裝置
       *[recovery_codes] 新增復原碼
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] 移除驗證器
        [hotp] 移除驗證碼權杖
        [webauthn] 移除通行金鑰等
        [device] 移除信任裝置
       *[recovery_codes] 移除復原碼
    }
notice-sms-email-changed = 電子郵件已變更
notice-sms-phone-changed = 手機號碼已變更
notice-sms-codes-regenerated = 已重新產生復原碼
notice-sms-totp-replayed = 驗證碼重複使用或已外洩
notice-sms-risky-sign-in =
    { $seen ->
        [device] 新裝置登入
        [country] 新國家/地區登入
       *[both] 新裝置及新地區登入
    }
notice-sms = 【{ $service }】{ $what }（{ $when }）。如非本人操作，請立即聯絡客服。
notice-sms-held = 【{ $service }】{ $what }（{ $when }）非本人請聯絡客服。提領暫緩至{ $until }

## 電子郵件內文（以 email-hello 開頭）。

notice-email-what = { $when }，{ $what }。
notice-email-what-ip = { $when }，透過 IP 位址 { $ip }，{ $what }。
notice-email-if-you = 如果是您本人操作，則無需任何處理。
notice-email-if-not-you = 如果不是您本人操作，可能有人已能存取您的帳戶：請立即聯絡 { $service } 客服，並且不要向任何人透露您收到的驗證碼。
notice-email-held = 為保護您的資金，提領將暫緩至 { $until }。
notice-email-never-ask = { $service } 絕不會向您索取驗證碼或密碼。

## 電話（語音朗讀）：完整的句子，完整的日期（$when、$until：
## 「2026年11月26日 01:10 UTC」），務必說明提領暫緩；即郵件的句子，不含 IP 位址。

notice-call = 這是來自 { $service } 的安全通知。{ notice-email-what }{ notice-email-if-you }{ notice-email-if-not-you }
notice-call-held = { notice-call }{ notice-email-held }
