### 安全通知：账户安全发生变更时发送给所有已验证联系方式的通知，
### 以及对所发现情况的警报。

notice-subject = 您的 { $service } 账户安全设置已更改
notice-alert-subject = 您的 { $service } 账户安全警报

## 发生的事件（$what）。

notice-factor-added =
    { $factor ->
        [totp] 您的账户已添加身份验证器应用
        [hotp] 您的账户已添加硬件验证码令牌
        [webauthn] 您的账户已添加通行密钥或安全密钥
        [device] 您的账户已添加受信任的设备
       *[recovery_codes] 您的账户已添加一组恢复码
    }
notice-factor-removed =
    { $factor ->
        [totp] 您的账户已移除身份验证器应用
        [hotp] 您的账户已移除硬件验证码令牌
        [webauthn] 您的账户已移除通行密钥或安全密钥
        [device] 您的账户已移除受信任的设备
       *[recovery_codes] 您的账户已移除一组恢复码
    }
notice-email-changed = 您账户的电子邮件地址已更改
notice-phone-changed = 您账户的电话号码已更改
notice-codes-regenerated = 已生成新的恢复码（旧恢复码已失效）
notice-totp-replayed = 您身份验证器应用中的一个验证码在使用后被再次输入，这在正常使用中不会发生：可能有他人看到了您的验证码
notice-risky-sign-in =
    { $seen ->
        [device] 有人从新设备登录了您的账户
        [country] 有人从新的国家/地区登录了您的账户
       *[both] 有人从新的国家/地区的新设备登录了您的账户
    }

## 短信：一条（UCS-2 为 70 个字符），务必简短。

notice-sms-factor-added =
    { $factor ->
        [totp] 新增身份验证器
        [hotp] 新增验证码令牌
        [webauthn] 新增通行密钥等
        [device] 新增受信任设备
       *[recovery_codes] 新增恢复码
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] 移除身份验证器
        [hotp] 移除验证码令牌
        [webauthn] 移除通行密钥等
        [device] 移除受信任设备
       *[recovery_codes] 移除恢复码
    }
notice-sms-email-changed = 邮箱已更改
notice-sms-phone-changed = 手机号已更改
notice-sms-codes-regenerated = 恢复码已重新生成
notice-sms-totp-replayed = 验证码重复使用或已泄露
notice-sms-risky-sign-in =
    { $seen ->
        [device] 新设备登录
        [country] 新国家/地区登录
       *[both] 新设备及新地区登录
    }
notice-sms = 【{ $service }】{ $what }（{ $when }）。如非本人操作，请立即联系客服。
notice-sms-held = 【{ $service }】{ $what }（{ $when }）非本人请联系客服。提现暂缓至{ $until }

## 电子邮件正文（以 email-hello 开头）。

notice-email-what = { $when }，{ $what }。
notice-email-what-ip = { $when }，通过 IP 地址 { $ip }，{ $what }。
notice-email-if-you = 如果是您本人操作，则无需任何处理。
notice-email-if-not-you = 如果不是您本人操作，可能有人已能访问您的账户：请立即联系 { $service } 客服，并且不要向任何人透露您收到的验证码。
notice-email-held = 为保护您的资金，提现将暂缓至 { $until }。
notice-email-never-ask = { $service } 绝不会向您索要验证码或密码。

## 电话（语音朗读）：完整的句子，完整的日期（$when、$until：
## “2026年11月26日 01:10 UTC”），务必说明提现暂缓；即邮件的句子，不含 IP 地址。

notice-call = 这是来自 { $service } 的安全通知。{ notice-email-what }{ notice-email-if-you }{ notice-email-if-not-you }
notice-call-held = { notice-call }{ notice-email-held }
