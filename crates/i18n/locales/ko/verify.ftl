### 본인 확인 페이지 (/verify/…).

verify-title = 본인 확인
verify-lead = { $service }에서 '{ code-action }'에 대한 확인을 요청합니다.
verify-payment = 승인하실 결제
verify-amount = 금액
verify-payee = 받는 분
verify-destination = 계좌 또는 주소
verify-done = 완료
verify-method =
    { $method ->
        [webauthn] 패스키 또는 보안 키
        [device] 로그인된 기기
        [totp] 인증 앱
        [hotp] 코드 토큰
        [email] 이메일
        [sms] 문자 메시지
        [voice] 전화
       *[recovery_code] 복구 코드
    }
verify-send =
    { $channel ->
        [sms] 문자로 코드 받기
        [voice] 대신 전화로 받기
       *[email] 이메일로 코드 받기
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = { $to }(으)로 보낸 코드를 입력해 주십시오
verify-code-totp = 인증 앱에 표시된 코드를 입력해 주십시오
verify-code-hotp = 토큰에 표시된 코드를 입력해 주십시오
verify-code-recovery = 복구 코드 중 하나를 입력해 주십시오
verify-verify = 확인
verify-resend-wait = { $time } 후에 새 코드를 요청하실 수 있습니다.
verify-resend-ready = 지금 새 코드를 요청하실 수 있습니다.
verify-not-received = 코드를 받지 못하셨습니까?
verify-other-ways = 다른 확인 방법
verify-choose = 확인 방법을 선택해 주십시오
verify-passkey = 패스키 또는 보안 키 사용
verify-passkey-hint = 휴대폰이나 컴퓨터에서 지문, 얼굴, PIN 또는 키를 요청합니다.
verify-device = 로그인된 기기에서 { $service }을(를) 열고 숫자 { $number }을(를) 선택해 주십시오.
verify-device-waiting = 기기에서 승인하기를 기다리는 중…
verify-device-check = 승인했습니다
verify-next-step = 한 단계 더 남았습니다. 다음 중 하나로 확인해 주십시오.
verify-cancel = 제가 한 것이 아닙니다: 취소

## 본인 확인이 끝난 후.

verify-finished-approved = 본인 확인이 완료되었습니다.
verify-finished-held = 확인되었습니다. 최근 보안 설정이 변경되어 고객님 보호를 위해 이 출금은 { $until }까지 보류됩니다.
verify-finished-failed = 본인 확인에 실패했습니다. { $service }에서 다시 시작해 주십시오.
verify-finished-expired = 본인 확인이 만료되었습니다. { $service }에서 다시 시작해 주십시오.
verify-finished-cancelled = 이 본인 확인은 취소되었습니다.
verify-finished-denied = 기기에서 이 요청을 거부하셨습니다.
verify-back-to = { $service }(으)로 돌아가기
verify-not-found-title = 본인 확인을 찾을 수 없습니다
verify-not-found-lead = 유효하지 않은 링크입니다. 이용 중이시던 사이트나 앱에서 다시 시작해 주십시오.

## 마지막 작업에서 발생한 문제. $attempts: 남은 시도 횟수.

verify-error-wrong-code = 코드가 올바르지 않습니다. 남은 시도 횟수: { $attempts }.
verify-error-credential-refused = 이 패스키 또는 보안 키는 허용되지 않았습니다. 남은 시도 횟수: { $attempts }.
verify-error-too-many-attempts = 잘못된 코드가 너무 많아 이 본인 확인은 실패했습니다.
verify-error-resend-too-soon = 다른 코드를 요청하시기 전에 잠시 기다려 주십시오.
verify-error-delivery-failed = 코드를 보내지 못했습니다. 아래에서 다른 방법을 선택해 주십시오.
verify-error-rate-limited = 너무 많은 코드가 전송되었습니다. 다른 방법을 선택하시거나 나중에 다시 시도해 주십시오.
verify-error-locked = 실패한 시도가 너무 많습니다. 나중에 다시 시도해 주십시오.
verify-error-method-unavailable = 이 본인 확인에서는 이 방법을 사용할 수 없습니다.
verify-error-expired = 이 본인 확인은 만료되었습니다.
verify-error-closed = 이 본인 확인은 이미 종료되었습니다.
verify-error-other = 문제가 발생했습니다. 다시 시도해 주십시오.
