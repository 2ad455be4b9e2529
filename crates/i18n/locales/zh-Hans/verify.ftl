### 托管验证页面 (/verify/…)。

verify-title = 确认是您本人
verify-lead = { $service } 请您确认：{ code-action }。
verify-payment = 您要批准的付款
verify-amount = 金额
verify-payee = 收款方
verify-destination = 账户或地址
verify-done = 完成
verify-method =
    { $method ->
        [webauthn] 通行密钥或安全密钥
        [device] 您已登录的设备
        [totp] 身份验证器应用
        [hotp] 验证码令牌
        [email] 电子邮件
        [sms] 短信
        [voice] 电话
       *[recovery_code] 恢复码
    }
verify-send =
    { $channel ->
        [sms] 通过短信发送验证码
        [voice] 改为电话告知
       *[email] 通过电子邮件发送验证码
    }
verify-send-to = { verify-send }（{ $to }）
verify-code-sent = 请输入发送至 { $to } 的验证码
verify-code-totp = 请输入身份验证器应用显示的验证码
verify-code-hotp = 请输入令牌显示的验证码
verify-code-recovery = 请输入您的一个恢复码
verify-verify = 验证
verify-resend-wait = 您可在 { $time } 后申请新的验证码。
verify-resend-ready = 您现在可以申请新的验证码。
verify-not-received = 没有收到验证码？
verify-other-ways = 其他确认方式
verify-choose = 请选择确认方式
verify-passkey = 使用我的通行密钥或安全密钥
verify-passkey-hint = 您的手机或电脑会要求您提供指纹、面容、PIN 码或密钥。
verify-device = 请在您已登录的设备上打开 { $service }，并选择数字 { $number }。
verify-device-waiting = 正在等待您在设备上批准…
verify-device-check = 我已批准
verify-next-step = 还差一步：请使用以下方式之一确认。
verify-cancel = 不是我本人：取消

## 验证结束后。

verify-finished-approved = 验证成功。
verify-finished-held = 已确认。由于您的安全设置最近有变更，为保护您的资金，此笔提现将暂缓至 { $until }。
verify-finished-failed = 此验证失败。请从 { $service } 重新开始。
verify-finished-expired = 此验证已过期。请从 { $service } 重新开始。
verify-finished-cancelled = 此验证已取消。
verify-finished-denied = 您已在设备上拒绝此请求。
verify-back-to = 返回 { $service }
verify-not-found-title = 找不到此验证
verify-not-found-lead = 此链接无效。请从您正在使用的网站或应用重新开始。

## 用户上一步操作出现的问题。$attempts：剩余尝试次数。

verify-error-wrong-code = 验证码不正确。剩余尝试次数：{ $attempts }。
verify-error-credential-refused = 此通行密钥或安全密钥未被接受。剩余尝试次数：{ $attempts }。
verify-error-too-many-attempts = 错误验证码次数过多：此验证已失败。
verify-error-resend-too-soon = 请稍候再申请新的验证码。
verify-error-delivery-failed = 我们无法发送验证码。请在下方选择其他方式。
verify-error-rate-limited = 已发送的验证码过多。请选择其他方式，或稍后再试。
verify-error-locked = 失败次数过多。请稍后再试。
verify-error-method-unavailable = 此验证不支持该方式。
verify-error-expired = 此验证已过期。
verify-error-closed = 此验证已结束。
verify-error-other = 出现问题。请重试。
