### What every page shares: the frame, dates, the landing page (/), and
### the pages that only say something went wrong.

## The header at the top of every page. $service is the service's name.

page-header-home = Trợ giúp và hỗ trợ
page-header-support = Trung tâm hỗ trợ
page-header-help = Trung tâm trợ giúp { $service }
page-header-security = Trung tâm bảo mật
page-header-security-of = Trung tâm bảo mật { $service }
page-header-verify = Xác minh an toàn
page-header-verify-for = Xác minh an toàn cho { $service }

## Dates and times, in UTC. Vietnamese months are numbered.

month-long = tháng { $month }
month-short = { $month }
# "1 tháng 11 năm 2026"
date = { $day } { month-long } năm { $year }
# "14:05 UTC, 1/11/2026"
datetime = { $hour }:{ $minute } UTC, { $day }/{ month-short }/{ $year }
# "1/11 14:05 UTC", for an SMS: numeric, GSM-7 only.
datetime-short = { $day }/{ $month } { $hour }:{ $minute } UTC

## The landing page.

landing-title = Trợ giúp và hỗ trợ
landing-lead = Giải đáp thắc mắc của Quý khách và các công cụ để liên hệ an toàn với đội ngũ hỗ trợ của chúng tôi.
landing-support = Trung tâm hỗ trợ
landing-support-hint = Tham gia cuộc gọi video với bộ phận hỗ trợ, hoặc kiểm tra xem nhân viên có phải là thật không.
landing-help-centers = Trung tâm trợ giúp
landing-help-hint = Các bài viết về đăng nhập, mã xác thực và bảo vệ tài khoản của Quý khách.
landing-no-help-center = Chưa có trung tâm trợ giúp nào được công bố.

## Pages that say something went wrong.

error-title = Đã xảy ra lỗi
page-not-found-title = Không tìm thấy trang
page-not-found-lead = Không có trang nào tại địa chỉ này. Vui lòng kiểm tra đường liên kết Quý khách đã sử dụng.
page-not-found-home = Đến trang trợ giúp và hỗ trợ
error-page-lead = Hiện không thể hiển thị trang này. Vui lòng thử lại sau giây lát.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Liên hệ hỗ trợ
brand-privacy = Quyền riêng tư
# The last lines of every email of a service with these links.
brand-email-support = Trợ giúp: { $support }
brand-email-privacy = Thông báo quyền riêng tư: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Trang này không thể xử lý yêu cầu đó. Hãy quay lại và thử lại.
