### 보안 알림: 계정 보안이 변경되면 확인된 모든 연락처로 보내는 알림과,
### 감지된 일에 대한 경고.

notice-subject = { $service } 계정의 보안 변경
notice-alert-subject = { $service } 계정의 보안 경고

## 발생한 일 ($what).

notice-factor-added =
    { $factor ->
        [totp] 고객님의 계정에 인증 앱이 추가되었습니다
        [hotp] 고객님의 계정에 하드웨어 코드 토큰이 추가되었습니다
        [webauthn] 고객님의 계정에 패스키 또는 보안 키가 추가되었습니다
        [device] 고객님의 계정에 신뢰할 수 있는 기기가 추가되었습니다
       *[recovery_codes] 고객님의 계정에 복구 코드가 추가되었습니다
    }
notice-factor-removed =
    { $factor ->
        [totp] 고객님의 계정에서 인증 앱이 삭제되었습니다
        [hotp] 고객님의 계정에서 하드웨어 코드 토큰이 삭제되었습니다
        [webauthn] 고객님의 계정에서 패스키 또는 보안 키가 삭제되었습니다
        [device] 고객님의 계정에서 신뢰할 수 있는 기기가 삭제되었습니다
       *[recovery_codes] 고객님의 계정에서 복구 코드가 삭제되었습니다
    }
notice-email-changed = 고객님 계정의 이메일 주소가 변경되었습니다
notice-phone-changed = 고객님 계정의 전화번호가 변경되었습니다
notice-codes-regenerated = 새 복구 코드가 생성되었습니다 (이전 코드는 더 이상 사용할 수 없습니다)
notice-totp-replayed = 이미 사용된 인증 앱 코드가 다시 입력되었습니다. 정상적인 사용에서는 일어나지 않는 일로, 다른 사람이 고객님의 코드를 보고 있을 수 있습니다
notice-risky-sign-in =
    { $seen ->
        [device] 새 기기에서 고객님의 계정에 로그인했습니다
        [country] 새 국가에서 고객님의 계정에 로그인했습니다
       *[both] 새 국가의 새 기기에서 고객님의 계정에 로그인했습니다
    }

## 문자: 한 통 (UCS-2로 70자)에 맞도록 아주 짧게.

notice-sms-factor-added =
    { $factor ->
        [totp] 인증 앱 추가
        [hotp] 코드 토큰 추가
        [webauthn] 패스키 등 추가
        [device] 신뢰 기기 추가
       *[recovery_codes] 복구 코드 추가
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] 인증 앱 삭제
        [hotp] 코드 토큰 삭제
        [webauthn] 패스키 등 삭제
        [device] 신뢰 기기 삭제
       *[recovery_codes] 복구 코드 삭제
    }
notice-sms-email-changed = 이메일 변경
notice-sms-phone-changed = 전화번호 변경
notice-sms-codes-regenerated = 복구 코드 재발급
notice-sms-totp-replayed = 인증 코드 재사용
notice-sms-risky-sign-in =
    { $seen ->
        [device] 새 기기 접속
        [country] 새 국가 접속
       *[both] 새 기기·국가 접속
    }
notice-sms = { $service }: { $what }({ $when }). 본인이 아니면 즉시 고객센터로 문의해 주십시오.
notice-sms-held = { $service }:{ $what }({ $when }) 본인 아니면 문의.출금보류~{ $until }

## 이메일 본문 (email-hello로 시작).

notice-email-what = { $when }에 다음 변경이 있었습니다: { $what }.
notice-email-what-ip = { $when }에 IP 주소 { $ip }에서 다음 변경이 있었습니다: { $what }.
notice-email-if-you = 본인이 하신 것이라면 아무것도 하지 않으셔도 됩니다.
notice-email-if-not-you = 본인이 하신 것이 아니라면 누군가 고객님의 계정에 접근했을 수 있습니다. 즉시 { $service } 고객센터에 연락하시고, 받으신 인증번호는 누구에게도 알려 주지 마십시오.
notice-email-held = 고객님 보호를 위해 출금이 { $until }까지 보류됩니다.
notice-email-never-ask = { $service }은(는) 절대로 인증번호나 비밀번호를 묻지 않습니다.

## 전화 (음성으로 읽음): 완전한 문장, 긴 날짜 ($when, $until:
## "2026년 11월 26일 01:10 UTC"), 출금 보류는 항상 안내. IP 주소를 뺀 이메일 문장.

notice-call = { $service }의 보안 알림입니다. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
