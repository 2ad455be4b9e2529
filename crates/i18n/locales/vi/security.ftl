### The security center (/security).

security-title = Trung tâm bảo mật
security-lead = Các cách Quý khách chứng minh danh tính, và những gì đã diễn ra gần đây trên tài khoản.
security-methods = Cách chứng minh danh tính
security-no-methods = Chưa có phương thức xác thực nào. Hãy thêm một phương thức: mã chỉ gửi qua SMS hoặc email rất dễ bị đánh cắp.
security-add-method = Thêm phương thức
security-add-totp = Thêm ứng dụng xác thực
security-add-passkey = Thêm khóa truy cập
security-add-security-key = Thêm khóa bảo mật
security-devices = Thiết bị tin cậy
security-no-devices = Không có thiết bị tin cậy nào.
security-recovery = Mã khôi phục
security-recovery-left = Còn { $n } trên 10 mã.
security-no-recovery = Chưa có mã khôi phục. Hãy tạo mã và cất giữ ở nơi an toàn, phòng khi Quý khách mất các phương thức khác.
security-new-recovery = Tạo mã khôi phục mới
security-contacts = Email và điện thoại
security-email = Email
security-phone = Điện thoại
security-verified = Đã xác minh
security-unverified = Chưa xác minh
security-none = Không có
security-activity = Hoạt động bảo mật gần đây
security-no-activity = Chưa có hoạt động nào.
# Followed by a date and time.
security-added = Thêm lúc
# Followed by a date and time.
security-last-used = dùng lần cuối lúc
security-never-used = chưa từng sử dụng
security-remove = Xóa
security-sign-out = Đăng xuất
security-back-to-app = Quay lại ứng dụng
security-back = Quay lại trung tâm bảo mật
security-strength =
    { $strength ->
        [phishing_resistant] Chống lừa đảo
        [strong] Mạnh
        [backup] Dự phòng
       *[weaker] Yếu hơn
    }
security-kind =
    { $kind ->
        [passkey] Khóa truy cập
        [webauthn] Khóa truy cập
        [security_key] Khóa bảo mật
        [device] Thiết bị tin cậy
        [totp] Ứng dụng xác thực
        [hotp] Thiết bị tạo mã
       *[recovery_codes] Mã khôi phục
    }
security-sent-codes = Mã qua SMS, cuộc gọi hoặc email
security-notice-added = Hoàn tất: đã thêm phương thức. Chúng tôi đã gửi thông báo đến email và số điện thoại đã xác minh của Quý khách.
security-notice-removed = Hoàn tất: đã xóa phương thức. Chúng tôi đã gửi thông báo đến email và số điện thoại đã xác minh của Quý khách.
security-notice-session-ended = Hoàn tất: đã kết thúc phiên đó.
security-notice-others-ended = Hoàn tất: đã kết thúc các phiên khác của Quý khách.

## Adding an authenticator app.

security-totp-title = Thêm ứng dụng xác thực
security-totp-scan = Quét mã QR này bằng ứng dụng xác thực (Google Authenticator, Aegis, 1Password…), sau đó nhập mã mà ứng dụng hiển thị.
security-totp-qr = Mã QR để quét bằng ứng dụng xác thực
security-totp-key = Không quét được? Nhập khóa này vào ứng dụng:
security-totp-open = Mở trong ứng dụng xác thực trên thiết bị này
security-totp-code = Mã từ ứng dụng
security-totp-code-hint = 6 chữ số. Khóa này chỉ hiển thị lúc này.
security-activate = Kích hoạt
security-wrong-code = Mã này không đúng. Vui lòng kiểm tra ứng dụng và thử lại.

## Adding a passkey or a security key.

security-passkey-title = Thêm khóa truy cập
security-passkey-lead = Điện thoại hoặc máy tính của Quý khách lưu giữ khóa truy cập và mở khóa bằng vân tay, khuôn mặt hoặc mã PIN. Khóa chỉ hoạt động trên trang này, nên trang giả mạo không lấy được gì.
security-security-key-title = Thêm khóa bảo mật
security-security-key-lead = Hãy chuẩn bị sẵn khóa bảo mật: cắm vào hoặc đặt gần điện thoại khi được yêu cầu, sau đó chạm vào khóa.
security-webauthn-label = Tên (không bắt buộc)
security-webauthn-label-hint = Để nhận ra sau này, ví dụ "Máy tính cơ quan".
security-webauthn-start = Tiếp tục
security-webauthn-working = Làm theo hướng dẫn của trình duyệt…
security-webauthn-cancelled = Thao tác đã bị hủy hoặc quá thời gian. Vui lòng thử lại.
security-webauthn-failed = Không thể thêm. Vui lòng thử lại.

## Recovery codes, confirmations, and the session's beginning and end.

security-codes-title = Mã khôi phục mới của Quý khách
security-codes-lead = Mỗi mã chỉ dùng được một lần. Hãy in hoặc ghi lại và cất giữ ở nơi an toàn: mã chỉ hiển thị lúc này. Các mã trước đây không còn hiệu lực.
security-done = Xong
security-confirm-title = Đã xác minh
security-confirm-lead = Quý khách đã chứng minh danh tính. Xóa phương thức này?
security-confirm-add-lead = Quý khách đã chứng minh danh tính. Tiếp tục để thêm:
security-cancel = Giữ lại
security-opening-title = Đang mở trung tâm bảo mật
security-opening-lead = Vui lòng chờ…
security-continue = Tiếp tục
security-signed-out-title = Đã đăng xuất
security-signed-out-lead = Quý khách đã rời trung tâm bảo mật.
security-step-up-first-title = Trước tiên, xác nhận danh tính
security-step-up-first-lead = Việc thêm một cách đăng nhập vào tài khoản cần một lần xác minh mới.
security-verify-me = Xác minh danh tính của tôi

## What went wrong.

security-link-title = Đường liên kết này không còn hiệu lực
security-link-lead = Đường liên kết đến trung tâm bảo mật chỉ dùng được một lần và trong 5 phút. Vui lòng quay lại ứng dụng và mở lại trung tâm bảo mật.
security-session-title = Phiên của Quý khách đã kết thúc
security-session-lead = Vì an toàn của Quý khách, trung tâm bảo mật tự đóng sau 10 phút không hoạt động và sau tổng cộng 30 phút. Vui lòng quay lại ứng dụng và mở lại.
security-csrf-title = Không thể kiểm tra yêu cầu này
security-csrf-lead = Không có gì thay đổi. Vui lòng quay lại trung tâm bảo mật, tải lại trang và thử lại.
security-not-found-title = Không tìm thấy
security-not-found-lead = Phương thức này không có trong tài khoản của Quý khách.
security-step-up-title = Chưa xác minh
security-step-up-lead = Phiên xác minh này chưa hoàn tất hoặc đã được sử dụng. Không có gì thay đổi.
security-unsatisfiable-lead = Để thay đổi phương thức, Quý khách phải chứng minh danh tính bằng một phương thức xác thực và một mã qua email hoặc SMS, nhưng tài khoản này không đáp ứng được. Vui lòng liên hệ bộ phận hỗ trợ.
security-locked-lead = Quá nhiều mã sai: tài khoản của Quý khách tạm thời bị khóa. Vui lòng thử lại sau.
security-expired-lead = Quá trình thiết lập này đã chờ quá lâu. Vui lòng bắt đầu lại.
security-error-lead = Không có gì thay đổi. Vui lòng thử lại sau giây lát.

## Sessions.

security-sessions = Các phiên của Quý khách
security-sessions-lead = Nếu Quý khách không nhận ra một phiên, hãy kết thúc phiên đó.
security-this-session = Phiên này
security-browser-on = { $browser } trên { $system }
security-unknown-browser = Trình duyệt không xác định
# Followed by a date and time.
security-opened = Mở lúc
# Followed by a date and time.
security-last-active = hoạt động lần cuối lúc
security-end-session = Kết thúc phiên này
security-end-others = Kết thúc tất cả các phiên khác
security-end-others-offer = Quý khách thực hiện thay đổi này vì thấy điều gì bất thường? Hãy kết thúc cả các phiên khác.

## Recent activity. $kind: as in security-kind; $purpose: as in code-action.

security-event-factor-activated = Đã thêm phương thức: { security-kind }
security-event-factor-removed = Đã xóa phương thức: { security-kind }
security-event-recovery-codes = Mã khôi phục mới
security-event-factor-activation-failed = Nhập sai mã khi thêm phương thức
security-event-factor-possible-clone = Một khóa bảo mật có dấu hiệu bị sao chép và đã bị từ chối
security-event-contact-changed =
    { $field ->
        [email] Đã thay đổi email
       *[phone] Đã thay đổi số điện thoại
    }
security-event-challenge-approved = Đã xác minh: { code-action }
security-event-challenge-failed = Xác minh không thành công: { code-action }
security-event-challenge-denied = Bị từ chối trên thiết bị tin cậy: { code-action }
security-event-challenge-code-rejected = Đã nhập sai mã
security-event-user-locked = Tài khoản bị khóa do nhập sai mã
security-event-portal-session-opened = Đã mở trung tâm bảo mật
security-event-portal-session-revoked = Đã kết thúc phiên trung tâm bảo mật
