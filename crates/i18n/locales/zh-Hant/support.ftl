### 支援中心 (/support) 及其自助工具。

support-title = 支援中心
support-lead = 自助工具。支援團隊絕不會向您索取驗證碼。
support-join-tool = 加入預約的視訊通話
support-join-tool-hint = 先證明是您本人，再加入與支援團隊預約的通話。
support-check-tool = 確認客服人員身分
support-check-tool-hint = 有人自稱是支援人員？請核對對方唸出的代碼。
support-join-title = 加入視訊通話
support-join-lead = 請輸入您在支援對話中收到的預約代碼。
support-appointment-code = 預約代碼
support-appointment-code-hint = 12 個英文字母與數字，例如 7KQ2-9XMD-4TPR
support-continue = 繼續
support-verify-lead = 您的通話對象：
support-totp-code = 驗證器應用程式中的驗證碼
support-totp-hint = 應用程式為此帳戶顯示的 6 位數驗證碼。
support-email-code = 電子郵件中的驗證碼
support-email-hint = 已寄送至
support-verify-button = 驗證並加入
support-join-button = 加入視訊通話
support-check-title = 這位客服人員是真的嗎？
support-check-lead = 請客服人員唸出其代碼，然後與您的預約代碼一起輸入。
support-agent-code = 客服人員代碼
support-check-button = 確認

## 頁面指令碼顯示的文字。$agent 與 $n 由指令碼填入。

support-msg-working = 請稍候…
support-msg-verified = 驗證成功。您可以加入通話。
support-msg-genuine = 身分屬實：{ $agent } 是我們支援團隊的成員。
support-msg-not-genuine = 此代碼不正確。請勿透露任何資訊，立即結束通話，並透過我們的官方網站與我們聯絡。
support-msg-not-found = 此預約代碼無效。請檢查後再試一次。
support-msg-too-early = 時間還早：通話於開始前 15 分鐘開放。
support-msg-too-late = 此通話已結束。請向支援團隊重新預約。
support-msg-appointment-cancelled = 此預約已取消。
support-msg-invalid-code = 此代碼不正確。
support-msg-attempts-left = 還剩 { $n } 次機會。
support-msg-too-many-attempts = 錯誤代碼次數過多。請從輸入預約代碼開始重新操作。
support-msg-rate-limited = 此連線的嘗試次數過多。
support-msg-retry = 請在 { $n } 分鐘後再試一次。
support-msg-locked = 由於錯誤代碼次數過多，您的帳戶已暫時鎖定。
support-msg-policy-unsatisfiable = 驗證通話需要驗證器應用程式。請在帳戶的安全性設定中進行設定。
support-msg-expired = 此驗證已逾期。請重新開始。
support-msg-not-join-session = 此瀏覽器未加入此通話。請從輸入預約代碼開始重新操作。
support-msg-error = 發生問題。請再試一次。
