### Security notices: told to every verified contact when the account's
### security changes, and alerts about something seen. $service: the
### service's name; $when: a datetime; $until: when withdrawals are held to.

notice-subject = Thay đổi bảo mật trên tài khoản { $service } của Quý khách
notice-alert-subject = Cảnh báo bảo mật trên tài khoản { $service } của Quý khách

## What happened ($what below), for the email.

notice-factor-added =
    { $factor ->
        [totp] một ứng dụng xác thực đã được thêm vào tài khoản của Quý khách
        [hotp] một thiết bị tạo mã đã được thêm vào tài khoản của Quý khách
        [webauthn] một khóa truy cập hoặc khóa bảo mật đã được thêm vào tài khoản của Quý khách
        [device] một thiết bị tin cậy đã được thêm vào tài khoản của Quý khách
       *[recovery_codes] một bộ mã khôi phục đã được thêm vào tài khoản của Quý khách
    }
notice-factor-removed =
    { $factor ->
        [totp] một ứng dụng xác thực đã bị xóa khỏi tài khoản của Quý khách
        [hotp] một thiết bị tạo mã đã bị xóa khỏi tài khoản của Quý khách
        [webauthn] một khóa truy cập hoặc khóa bảo mật đã bị xóa khỏi tài khoản của Quý khách
        [device] một thiết bị tin cậy đã bị xóa khỏi tài khoản của Quý khách
       *[recovery_codes] một bộ mã khôi phục đã bị xóa khỏi tài khoản của Quý khách
    }
notice-email-changed = địa chỉ email của tài khoản đã được thay đổi
notice-phone-changed = số điện thoại của tài khoản đã được thay đổi
notice-codes-regenerated = mã khôi phục mới đã được tạo (các mã cũ không còn hiệu lực)
notice-totp-replayed = một mã từ ứng dụng xác thực đã được nhập lại sau khi đã sử dụng, điều không xảy ra khi dùng bình thường: có thể người khác đang xem được mã của Quý khách
notice-risky-sign-in =
    { $seen ->
        [device] có người đã đăng nhập vào tài khoản của Quý khách từ một thiết bị mới
        [country] có người đã đăng nhập vào tài khoản của Quý khách từ một quốc gia mới
       *[both] có người đã đăng nhập vào tài khoản của Quý khách từ một thiết bị mới ở một quốc gia mới
    }

## The SMS: ONE segment, without diacritics (GSM-7).

notice-sms-factor-added =
    { $factor ->
        [totp] da them ung dung xac thuc
        [hotp] da them thiet bi tao ma
        [webauthn] da them khoa truy cap/khoa bao mat
        [device] da them thiet bi tin cay
       *[recovery_codes] da them ma khoi phuc
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] da xoa ung dung xac thuc
        [hotp] da xoa thiet bi tao ma
        [webauthn] da xoa khoa truy cap/khoa bao mat
        [device] da xoa thiet bi tin cay
       *[recovery_codes] da xoa ma khoi phuc
    }
notice-sms-email-changed = da doi dia chi email
notice-sms-phone-changed = da doi so dien thoai
notice-sms-codes-regenerated = da tao ma khoi phuc moi
notice-sms-totp-replayed = ma xac thuc bi dung lai, co the ma da bi lo
notice-sms-risky-sign-in =
    { $seen ->
        [device] dang nhap tu thiet bi moi
        [country] dang nhap tu quoc gia moi
       *[both] dang nhap tu thiet bi va quoc gia moi
    }
notice-sms = { $service }: { $what } ({ $when }). Khong phai Quy khach? Lien he ho tro ngay.
notice-sms-held = { $service }: { $what } ({ $when }). Khong phai Quy khach? Lien he ho tro ngay. Rut tien tam dung den { $until }.

## The email's paragraphs (it starts with email-hello).

notice-email-what = Vào lúc { $when }, { $what }.
notice-email-what-ip = Vào lúc { $when } từ địa chỉ IP { $ip }, { $what }.
notice-email-if-you = Nếu đó là Quý khách, Quý khách không cần làm gì thêm.
notice-email-if-not-you = Nếu đó không phải là Quý khách, có thể ai đó đã truy cập được tài khoản của Quý khách: hãy liên hệ ngay với bộ phận hỗ trợ của { $service } và không chia sẻ bất kỳ mã nào Quý khách nhận được.
notice-email-held = Để bảo vệ Quý khách, các giao dịch rút tiền được tạm dừng đến { $until }.
notice-email-never-ask = { $service } sẽ không bao giờ hỏi Quý khách mã xác thực hoặc mật khẩu.

## The call, read out by a Vietnamese voice: full sentences with
## diacritics, long dates ($when, $until: "01:10 UTC, 26/11/2026"), the hold
## always; the email's words without the IP address.

notice-call = Đây là thông báo bảo mật từ { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
