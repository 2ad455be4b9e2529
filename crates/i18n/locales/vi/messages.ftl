### Codes sent by SMS, phone call and email. Each names the service and the
### action being approved, and warns never to share the code.
### $service: the service's name; $code: the code; $digits: the code spelled
### out for speech; $minutes: how long it works; $action: code-action below.

# What the code approves. Its .sms wording is without diacritics, as the
# SMS below: Vietnamese letters are outside GSM-7, and with one an SMS
# holds 70 characters, too few for the WebOTP line and a sentence.
code-action =
    { $purpose ->
        [login] đăng nhập
        [withdrawal] phê duyệt một giao dịch rút tiền
        [security_change] thay đổi cài đặt bảo mật
        [support_call] tham gia cuộc gọi hỗ trợ
        [verify_contact] xác nhận thông tin liên hệ này
       *[other] xác nhận một thao tác
    }
    .sms =
        { $purpose ->
            [login] dang nhap
            [withdrawal] duyet giao dich rut tien
            [security_change] thay doi cai dat bao mat
            [support_call] tham gia cuoc goi ho tro
            [verify_contact] xac nhan lien he nay
           *[other] xac nhan thao tac
        }
# $recipient: the payee, the destination, or "payee (destination)".
code-action-payment = { code-action }: { $amount } { $currency } cho { $recipient }

## The SMS: ONE segment with the WebOTP line, without diacritics (GSM-7,
## 160 characters instead of 70).

code-sms = { $code } la ma { $service } de { $action }. Hieu luc { $minutes } phut. Khong chia se ma nay.
code-sms-payment = { $code }: ma { $service } de thanh toan { $amount } { $currency } cho { $recipient }. Khong chia se.
code-voice = Xin chào. Đây là { $service }. Mã để { $action } của Quý khách là: { $digits }. Xin nhắc lại, mã của Quý khách là: { $digits }. Tuyệt đối không chia sẻ mã này. Xin chào tạm biệt.
# A call's first words: no code (a voicemail box must never record it).
code-call-prompt = Xin chào. Đây là { $service }, gọi về mã Quý khách đã yêu cầu để { $action }. Để nghe mã, vui lòng nhấn phím bất kỳ trên điện thoại ngay bây giờ.
code-call-goodbye = Không có phím nào được nhấn, nên mã sẽ không được đọc. Xin chào tạm biệt.
code-subject = { $code } là mã { $service } của Quý khách

## The email's paragraphs.

email-hello = Kính gửi Quý khách,
code-email-intro = Mã { $service } để { $action } của Quý khách là:
code-email-expiry = Mã hết hạn sau { $minutes } phút. Tuyệt đối không chia sẻ mã với bất kỳ ai: { $service } sẽ không bao giờ hỏi mã này.
code-email-not-you = Nếu Quý khách không yêu cầu mã này, có thể ai đó đang cố sử dụng tài khoản của Quý khách. Không nhập mã ở bất kỳ đâu và hãy cân nhắc đổi mật khẩu.
