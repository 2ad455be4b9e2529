### 支持中心 (/support) 及其自助工具。

support-title = 支持中心
support-lead = 自助工具。支持团队绝不会向您索要验证码。
support-join-tool = 加入预约的视频通话
support-join-tool-hint = 先证明是您本人，再加入与支持团队预约的通话。
support-check-tool = 核实客服人员身份
support-check-tool-hint = 有人自称是支持人员？请核对对方读出的代码。
support-join-title = 加入视频通话
support-join-lead = 请输入您在支持对话中收到的预约码。
support-appointment-code = 预约码
support-appointment-code-hint = 12 位字母和数字，例如 7KQ2-9XMD-4TPR
support-continue = 继续
support-verify-lead = 您的通话对象：
support-totp-code = 身份验证器应用中的验证码
support-totp-hint = 应用为此账户显示的 6 位验证码。
support-email-code = 电子邮件中的验证码
support-email-hint = 已发送至
support-verify-button = 验证并加入
support-join-button = 加入视频通话
support-check-title = 这位客服人员是真的吗？
support-check-lead = 请客服人员读出其代码，然后与您的预约码一起输入。
support-agent-code = 客服人员代码
support-check-button = 核实

## 页面脚本显示的文字。$agent 和 $n 由脚本填入。

support-msg-working = 请稍候…
support-msg-verified = 验证成功。您可以加入通话。
support-msg-genuine = 身份属实：{ $agent } 是我们支持团队的成员。
support-msg-not-genuine = 此代码不正确。请勿透露任何信息，立即结束通话，并通过我们的官方网站联系我们。
support-msg-not-found = 此预约码无效。请检查后重试。
support-msg-too-early = 时间尚早：通话在开始前 15 分钟开放。
support-msg-too-late = 此通话已结束。请向支持团队重新预约。
support-msg-appointment-cancelled = 此预约已取消。
support-msg-invalid-code = 此代码不正确。
support-msg-attempts-left = 还剩 { $n } 次机会。
support-msg-too-many-attempts = 错误代码次数过多。请从输入预约码开始重新操作。
support-msg-rate-limited = 此连接的尝试次数过多。
support-msg-retry = 请在 { $n } 分钟后重试。
support-msg-locked = 由于错误代码次数过多，您的账户已暂时锁定。
support-msg-policy-unsatisfiable = 验证通话需要身份验证器应用。请在账户的安全设置中进行设置。
support-msg-expired = 此验证已过期。请重新开始。
support-msg-not-join-session = 此浏览器未加入此通话。请从输入预约码开始重新操作。
support-msg-error = 出现问题。请重试。
