### 安全中心 (/security)。

security-title = 安全中心
security-lead = 证明您本人身份的方式，以及您账户最近发生的事件。
security-methods = 身份验证方式
security-no-methods = 尚未设置身份验证器。请添加一个：仅通过短信或电子邮件接收的验证码容易被盗取。
security-add-method = 添加方式
security-add-totp = 添加身份验证器应用
security-add-passkey = 添加通行密钥
security-add-security-key = 添加安全密钥
security-devices = 受信任的设备
security-no-devices = 没有受信任的设备。
security-recovery = 恢复码
security-recovery-left = 10 个恢复码中还剩 { $n } 个。
security-no-recovery = 没有恢复码。请获取一组并妥善保管，以防您无法使用其他方式。
security-new-recovery = 获取新的恢复码
security-contacts = 电子邮件和电话
security-email = 电子邮件
security-phone = 电话
security-verified = 已验证
security-unverified = 未验证
security-none = 无
security-activity = 最近的安全活动
security-no-activity = 暂无记录。
security-added = 添加于
security-last-used = 上次使用
security-never-used = 从未使用
security-remove = 移除
security-sign-out = 退出登录
security-back-to-app = 返回应用
security-back = 返回安全中心
security-strength =
    { $strength ->
        [phishing_resistant] 防钓鱼
        [strong] 强
        [backup] 备用
       *[weaker] 较弱
    }
security-kind =
    { $kind ->
        [passkey] 通行密钥
        [webauthn] 通行密钥
        [security_key] 安全密钥
        [device] 受信任的设备
        [totp] 身份验证器应用
        [hotp] 硬件令牌
       *[recovery_codes] 恢复码
    }
security-sent-codes = 通过短信、电话或电子邮件接收的验证码
security-notice-added = 完成：已添加该方式。我们已向您已验证的电子邮件和电话发送通知。
security-notice-removed = 完成：已移除该方式。我们已向您已验证的电子邮件和电话发送通知。
security-notice-session-ended = 完成：该会话已结束。
security-notice-others-ended = 完成：您的其他会话均已结束。

## 添加身份验证器应用。

security-totp-title = 添加身份验证器应用
security-totp-scan = 请使用身份验证器应用（Google Authenticator、Aegis、1Password 等）扫描此二维码，然后输入应用显示的验证码。
security-totp-qr = 供身份验证器应用扫描的二维码
security-totp-key = 无法扫描？请在应用中输入此密钥：
security-totp-open = 在此设备上的身份验证器应用中打开
security-totp-code = 应用中的验证码
security-totp-code-hint = 6 位数字。此密钥仅在此时显示。
security-activate = 启用
security-wrong-code = 此验证码不正确。请检查应用后重试。

## 添加通行密钥或安全密钥。

security-passkey-title = 添加通行密钥
security-passkey-lead = 通行密钥保存在您的手机或电脑上，通过指纹、面容或 PIN 码解锁。它仅适用于本网站，因此仿冒网站无法获取任何信息。
security-security-key-title = 添加安全密钥
security-security-key-lead = 请准备好您的安全密钥：在提示时插入或靠近手机，然后轻触密钥。
security-webauthn-label = 名称（可选）
security-webauthn-label-hint = 方便日后识别，例如“工作笔记本电脑”。
security-webauthn-start = 继续
security-webauthn-working = 请按照浏览器的提示操作…
security-webauthn-cancelled = 操作已取消或超时。请重试。
security-webauthn-failed = 无法添加。请重试。

## 恢复码、确认，以及会话的开始和结束。

security-codes-title = 您的新恢复码
security-codes-lead = 每个恢复码只能使用一次。请打印或抄写下来并妥善保管：它们仅在此时显示。您之前的恢复码已失效。
security-done = 完成
security-confirm-title = 已验证
security-confirm-lead = 您已证明是您本人。要移除此方式吗？
security-confirm-add-lead = 您已证明是您本人。继续添加：
security-cancel = 保留
security-opening-title = 正在打开安全中心
security-opening-lead = 请稍候…
security-continue = 继续
security-signed-out-title = 已退出登录
security-signed-out-lead = 您已离开安全中心。
security-step-up-first-title = 请先确认是您本人
security-step-up-first-lead = 为账户添加登录方式需要重新验证。
security-verify-me = 验证我的身份

## 出现的问题。

security-link-title = 此链接已失效
security-link-lead = 安全中心的链接仅可使用一次，有效期 5 分钟。请返回应用，重新打开安全中心。
security-session-title = 您的会话已结束
security-session-lead = 为保障您的安全，安全中心在 10 分钟无操作后或总计 30 分钟后关闭。请返回应用重新打开。
security-csrf-title = 无法核实此请求
security-csrf-lead = 未做任何更改。请返回安全中心，刷新页面后重试。
security-not-found-title = 未找到
security-not-found-lead = 您的账户中没有此方式。
security-step-up-title = 未验证
security-step-up-lead = 此验证未完成或已被使用。未做任何更改。
security-unsatisfiable-lead = 要更改验证方式，您必须通过身份验证器以及电子邮件或短信验证码证明是您本人，而此账户无法做到。请联系支持团队。
security-locked-lead = 错误验证码次数过多：您的账户已暂时锁定。请稍后再试。
security-expired-lead = 此设置等待时间过长。请重新开始。
security-error-lead = 未做任何更改。请稍后再试。

## 会话。

security-sessions = 您的会话
security-sessions-lead = 如果您不认识某个会话，请将其结束。
security-this-session = 当前会话
security-browser-on = { $system } 上的 { $browser }
security-unknown-browser = 未知浏览器
security-opened = 开始于
security-last-active = 上次活动
security-end-session = 结束此会话
security-end-others = 结束所有其他会话
security-end-others-offer = 您是因为发现异常才进行此更改的吗？请同时结束您的其他会话。

## 最近的活动。

security-event-factor-activated = 已添加方式：{ security-kind }
security-event-factor-removed = 已移除方式：{ security-kind }
security-event-recovery-codes = 新的恢复码
security-event-factor-activation-failed = 添加方式时验证码错误
security-event-factor-possible-clone = 安全密钥疑似被复制，已拒绝
security-event-contact-changed =
    { $field ->
        [email] 电子邮件已更改
       *[phone] 电话已更改
    }
security-event-challenge-approved = 验证成功：{ code-action }
security-event-challenge-failed = 验证失败：{ code-action }
security-event-challenge-denied = 在受信任的设备上拒绝：{ code-action }
security-event-challenge-code-rejected = 输入了错误的验证码
security-event-user-locked = 因验证码错误，账户已锁定
security-event-portal-session-opened = 已打开安全中心
security-event-portal-session-revoked = 安全中心会话已结束
