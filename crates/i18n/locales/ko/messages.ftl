### 문자, 전화, 이메일로 보내는 인증번호. 서비스 이름과 승인하는 작업을 반드시
### 밝히고, 인증번호를 다른 사람에게 알리지 말라고 경고합니다.

# 인증번호가 승인하는 작업 (명사구).
code-action =
    { $purpose ->
        [login] 로그인
        [withdrawal] 출금 승인
        [security_change] 보안 설정 변경
        [support_call] 지원 통화 참여
        [verify_contact] 연락처 확인
       *[other] 작업 확인
    }
# 결제가 있는 작업. $recipient: 받는 분, 받는 곳, 또는 "받는 분 (받는 곳)".
code-action-payment = { code-action }: { $amount } { $currency }, 받는 분 { $recipient }

## 문자: WebOTP 줄을 포함해 한 통 (UCS-2로 70자).

code-sms = { $service } 인증번호 { $code } ({ $action }, { $minutes }분 유효). 타인에게 알려 주지 마십시오
code-sms-payment = { $service } 인증번호 { $code } ({ $amount } { $currency } 결제, 받는 분 { $recipient }). 타인에게 알려 주지 마십시오
code-voice = 안녕하십니까. { $service }입니다. { $action } 인증번호는 { $digits }입니다. 다시 한번 말씀드립니다. 인증번호는 { $digits }입니다. 이 번호를 누구에게도 알려 주지 마십시오. 감사합니다.
# 통화의 첫 마디: 인증번호 없음 (음성 사서함에 녹음되지 않도록).
code-call-prompt = 안녕하십니까. { $service }입니다. 요청하신 { $action } 인증번호를 알려 드리겠습니다. 들으시려면 지금 전화기의 아무 키나 눌러 주십시오.
code-call-goodbye = 키를 누르지 않으셔서 인증번호를 알려 드리지 않습니다. 감사합니다.
code-subject = { $service } 인증번호: { $code }

## 이메일 본문.

email-hello = 안녕하십니까,
code-email-intro = { $service } { $action } 인증번호는 다음과 같습니다:
code-email-expiry = 이 인증번호는 { $minutes }분 후에 만료됩니다. 누구에게도 알려 주지 마십시오. { $service }은(는) 절대로 인증번호를 묻지 않습니다.
code-email-not-you = 이 인증번호를 요청하지 않으셨다면 누군가 고객님의 계정을 사용하려는 것일 수 있습니다. 어디에도 입력하지 마시고 비밀번호 변경을 고려해 주십시오.
