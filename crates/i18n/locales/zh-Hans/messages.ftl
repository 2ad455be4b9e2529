### 通过短信、电话和电子邮件发送的验证码。每条都写明服务名称和所批准的操作，
### 并提醒用户切勿泄露验证码。

# 验证码所批准的操作（动宾短语）。
code-action =
    { $purpose ->
        [login] 登录
        [withdrawal] 批准提现
        [security_change] 更改安全设置
        [support_call] 加入支持通话
        [verify_contact] 确认此联系方式
       *[other] 确认操作
    }
# 附带付款的操作。$recipient：收款方、收款账户，或“收款方（收款账户）”。
code-action-payment = { code-action }：向 { $recipient } 支付 { $amount } { $currency }

## 短信：包括 WebOTP 行在内只占一条（UCS-2 为 70 个字符）。

code-sms = 【{ $service }】验证码 { $code }，用于{ $action }，{ $minutes }分钟内有效。请勿泄露给他人。
code-sms-payment = 【{ $service }】验证码 { $code }，用于支付 { $amount } { $currency } 给 { $recipient }。请勿泄露给他人。
code-voice = 您好，这里是 { $service }。您用于{ $action }的验证码是：{ $digits }。再重复一遍，验证码是：{ $digits }。请勿向任何人透露。再见。
# 通话开头：不含验证码（以免被语音信箱录下）。
code-call-prompt = 您好，这里是 { $service }，为您提供用于{ $action }的验证码。如需收听，请现在按手机上的任意键。
code-call-goodbye = 未检测到按键，因此不会读出验证码。再见。
code-subject = 您的 { $service } 验证码是 { $code }

## 电子邮件正文。

email-hello = 您好：
code-email-intro = 您用于{ $action }的 { $service } 验证码是：
code-email-expiry = 此验证码将在 { $minutes } 分钟后失效。切勿告诉任何人：{ $service } 绝不会向您索要验证码。
code-email-not-you = 如果您没有申请此验证码，可能有人正试图使用您的账户。请勿在任何地方输入此验证码，并建议您更改密码。
