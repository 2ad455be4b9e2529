### The hosted verification page (/verify/…).

verify-title = Xác nhận danh tính
# $purpose: as in code-action.
verify-lead = { $service } đề nghị Quý khách { code-action }.
verify-payment = Khoản thanh toán Quý khách phê duyệt
verify-amount = Số tiền
verify-payee = Người nhận
verify-destination = Tài khoản hoặc địa chỉ
verify-done = Xong
verify-method =
    { $method ->
        [webauthn] Khóa truy cập hoặc khóa bảo mật
        [device] Thiết bị đã đăng nhập của Quý khách
        [totp] Ứng dụng xác thực
        [hotp] Thiết bị tạo mã
        [email] Email
        [sms] Tin nhắn SMS
        [voice] Cuộc gọi điện thoại
       *[recovery_code] Mã khôi phục
    }
verify-send =
    { $channel ->
        [sms] Gửi mã cho tôi qua SMS
        [voice] Gọi điện cho tôi
       *[email] Gửi mã cho tôi qua email
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Nhập mã đã gửi đến { $to }
verify-code-totp = Nhập mã hiển thị trên ứng dụng xác thực
verify-code-hotp = Nhập mã hiển thị trên thiết bị tạo mã
verify-code-recovery = Nhập một trong các mã khôi phục của Quý khách
verify-verify = Xác minh
verify-resend-wait = Quý khách có thể yêu cầu mã mới sau { $time }.
verify-resend-ready = Quý khách có thể yêu cầu mã mới ngay bây giờ.
verify-not-received = Không nhận được mã?
verify-other-ways = Cách xác nhận khác
verify-choose = Chọn cách xác nhận
verify-passkey = Dùng khóa truy cập hoặc khóa bảo mật của tôi
verify-passkey-hint = Điện thoại hoặc máy tính sẽ yêu cầu vân tay, khuôn mặt, mã PIN hoặc khóa của Quý khách.
verify-device = Mở { $service } trên thiết bị đã đăng nhập và chọn số { $number }.
verify-device-waiting = Đang chờ Quý khách phê duyệt trên thiết bị…
verify-device-check = Tôi đã phê duyệt
verify-next-step = Còn một bước: xác nhận bằng một trong các cách sau.
verify-cancel = Không phải tôi: hủy

## Once the verification is over.

verify-finished-approved = Quý khách đã được xác minh.
verify-finished-held = Đã xác nhận. Để bảo vệ Quý khách, giao dịch rút tiền này sẽ chờ đến { $until }, vì cài đặt bảo mật của Quý khách vừa thay đổi.
verify-finished-failed = Xác minh không thành công. Vui lòng bắt đầu lại từ { $service }.
verify-finished-expired = Phiên xác minh này đã hết hạn. Vui lòng bắt đầu lại từ { $service }.
verify-finished-cancelled = Phiên xác minh này đã bị hủy.
verify-finished-denied = Quý khách đã từ chối yêu cầu này trên thiết bị.
verify-back-to = Quay lại { $service }
verify-not-found-title = Không tìm thấy phiên xác minh
verify-not-found-lead = Đường liên kết này không hợp lệ. Vui lòng bắt đầu lại từ trang web hoặc ứng dụng Quý khách đang sử dụng.

## What went wrong with the user's last action. $attempts: the attempts left.

verify-error-wrong-code = Mã này không đúng. Số lần thử còn lại: { $attempts }.
verify-error-credential-refused = Khóa truy cập hoặc khóa bảo mật này không được chấp nhận. Số lần thử còn lại: { $attempts }.
verify-error-too-many-attempts = Quá nhiều mã sai: phiên xác minh này đã thất bại.
verify-error-resend-too-soon = Vui lòng chờ một chút trước khi yêu cầu mã khác.
verify-error-delivery-failed = Chúng tôi không thể gửi mã. Vui lòng chọn cách khác bên dưới.
verify-error-rate-limited = Đã gửi quá nhiều mã. Vui lòng chọn cách khác hoặc thử lại sau.
verify-error-locked = Quá nhiều lần thử không thành công. Vui lòng thử lại sau.
verify-error-method-unavailable = Cách này không khả dụng cho phiên xác minh này.
verify-error-expired = Phiên xác minh này đã hết hạn.
verify-error-closed = Phiên xác minh này đã kết thúc.
verify-error-other = Đã xảy ra lỗi. Vui lòng thử lại.
