### The support center (/support) and its self-service tools.

support-title = Trung tâm hỗ trợ
support-lead = Công cụ tự phục vụ. Nhân viên hỗ trợ sẽ không bao giờ hỏi mã của Quý khách.
support-join-tool = Tham gia lịch hẹn gọi video
support-join-tool-hint = Xác minh danh tính, sau đó tham gia cuộc gọi đã đặt với đội ngũ hỗ trợ của chúng tôi.
support-check-tool = Kiểm tra nhân viên có phải là thật không
support-check-tool-hint = Có người tự nhận là nhân viên hỗ trợ? Hãy kiểm tra mã mà họ đọc cho Quý khách.
support-join-title = Tham gia cuộc gọi video
support-join-lead = Nhập mã lịch hẹn Quý khách đã nhận trong cuộc trao đổi với bộ phận hỗ trợ.
support-appointment-code = Mã lịch hẹn
support-appointment-code-hint = 12 chữ cái và chữ số, ví dụ 7KQ2-9XMD-4TPR
support-continue = Tiếp tục
support-verify-lead = Cuộc gọi của Quý khách với
support-totp-code = Mã từ ứng dụng xác thực
support-totp-hint = Mã 6 chữ số mà ứng dụng hiển thị cho tài khoản này.
support-email-code = Mã gửi qua email
support-email-hint = Chúng tôi đã gửi mã đến
support-verify-button = Xác minh và tham gia
support-join-button = Tham gia cuộc gọi video
support-check-title = Nhân viên này có phải là thật không?
support-check-lead = Đề nghị nhân viên đọc mã của họ, sau đó nhập mã đó cùng với mã lịch hẹn của Quý khách.
support-agent-code = Mã của nhân viên
support-check-button = Kiểm tra

## What the page's script shows. $agent and $n are filled in by the script.

support-msg-working = Vui lòng chờ…
support-msg-verified = Quý khách đã được xác minh. Quý khách có thể tham gia cuộc gọi.
support-msg-genuine = Xác thực: { $agent } là nhân viên hỗ trợ của chúng tôi.
support-msg-not-genuine = Mã này không đúng. Không chia sẻ bất kỳ thông tin nào; hãy kết thúc cuộc gọi và liên hệ với chúng tôi qua trang web chính thức.
support-msg-not-found = Mã lịch hẹn này không tồn tại. Vui lòng kiểm tra và thử lại.
support-msg-too-early = Còn quá sớm: cuộc gọi mở 15 phút trước giờ bắt đầu.
support-msg-too-late = Cuộc gọi này đã kết thúc. Vui lòng đặt lịch hẹn mới với bộ phận hỗ trợ.
support-msg-appointment-cancelled = Lịch hẹn này đã bị hủy.
support-msg-invalid-code = Mã này không đúng.
support-msg-attempts-left = Còn { $n } lần thử.
support-msg-too-many-attempts = Quá nhiều mã sai. Vui lòng bắt đầu lại với mã lịch hẹn của Quý khách.
support-msg-rate-limited = Quá nhiều lần thử từ kết nối này.
support-msg-retry = Vui lòng thử lại sau { $n } phút.
support-msg-locked = Tài khoản của Quý khách tạm thời bị khóa do nhập sai mã quá nhiều lần.
support-msg-policy-unsatisfiable = Cuộc gọi đã xác minh cần có ứng dụng xác thực. Vui lòng thiết lập trong phần cài đặt bảo mật của tài khoản.
support-msg-expired = Phiên xác minh này đã hết hạn. Vui lòng bắt đầu lại.
support-msg-not-join-session = Trình duyệt này chưa tham gia cuộc gọi này. Vui lòng bắt đầu lại với mã lịch hẹn của Quý khách.
support-msg-error = Đã xảy ra lỗi. Vui lòng thử lại.
