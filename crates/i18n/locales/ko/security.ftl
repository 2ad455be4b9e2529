### 보안 센터 (/security).

security-title = 보안 센터
security-lead = 본인임을 증명하는 방법과 최근 계정에서 있었던 일입니다.
security-methods = 본인 확인 방법
security-no-methods = 아직 인증 수단이 없습니다. 추가해 주십시오. 문자나 이메일로만 받는 코드는 도용되기 쉽습니다.
security-add-method = 방법 추가
security-add-totp = 인증 앱 추가
security-add-passkey = 패스키 추가
security-add-security-key = 보안 키 추가
security-devices = 신뢰할 수 있는 기기
security-no-devices = 신뢰할 수 있는 기기가 없습니다.
security-recovery = 복구 코드
security-recovery-left = 코드 10개 중 { $n }개가 남았습니다.
security-no-recovery = 복구 코드가 없습니다. 다른 방법을 잃어버릴 경우에 대비해 발급받아 안전한 곳에 보관해 주십시오.
security-new-recovery = 새 복구 코드 발급
security-contacts = 이메일 및 전화번호
security-email = 이메일
security-phone = 전화
security-verified = 확인됨
security-unverified = 확인되지 않음
security-none = 없음
security-activity = 최근 보안 활동
security-no-activity = 아직 없습니다.
security-added = 추가 일시
security-last-used = 마지막 사용
security-never-used = 사용한 적 없음
security-remove = 삭제
security-sign-out = 로그아웃
security-back-to-app = 앱으로 돌아가기
security-back = 보안 센터로 돌아가기
security-strength =
    { $strength ->
        [phishing_resistant] 피싱 방지
        [strong] 강력
        [backup] 백업
       *[weaker] 약함
    }
security-kind =
    { $kind ->
        [passkey] 패스키
        [webauthn] 패스키
        [security_key] 보안 키
        [device] 신뢰할 수 있는 기기
        [totp] 인증 앱
        [hotp] 하드웨어 토큰
       *[recovery_codes] 복구 코드
    }
security-sent-codes = 문자, 전화, 이메일로 받는 코드
security-notice-added = 완료: 방법이 추가되었습니다. 확인된 이메일과 전화번호로 알림을 보냈습니다.
security-notice-removed = 완료: 방법이 삭제되었습니다. 확인된 이메일과 전화번호로 알림을 보냈습니다.
security-notice-session-ended = 완료: 해당 세션이 종료되었습니다.
security-notice-others-ended = 완료: 다른 세션이 모두 종료되었습니다.

## 인증 앱 추가.

security-totp-title = 인증 앱 추가
security-totp-scan = 인증 앱(Google Authenticator, Aegis, 1Password 등)으로 이 QR 코드를 스캔한 후 표시되는 코드를 입력해 주십시오.
security-totp-qr = 인증 앱으로 스캔할 QR 코드
security-totp-key = 스캔할 수 없습니까? 앱에 이 키를 입력해 주십시오:
security-totp-open = 이 기기의 인증 앱에서 열기
security-totp-code = 앱의 코드
security-totp-code-hint = 6자리 숫자입니다. 이 키는 지금만 표시됩니다.
security-activate = 활성화
security-wrong-code = 이 코드는 올바르지 않습니다. 앱을 확인하고 다시 시도해 주십시오.

## 패스키 또는 보안 키 추가.

security-passkey-title = 패스키 추가
security-passkey-lead = 휴대폰이나 컴퓨터가 패스키를 보관하며 지문, 얼굴 또는 PIN으로 잠금을 해제합니다. 이 사이트에서만 작동하므로 가짜 사이트는 아무것도 얻을 수 없습니다.
security-security-key-title = 보안 키 추가
security-security-key-lead = 보안 키를 준비해 주십시오. 요청이 표시되면 꽂거나 휴대폰에 가까이 댄 다음 키를 터치해 주십시오.
security-webauthn-label = 이름 (선택 사항)
security-webauthn-label-hint = 나중에 알아볼 수 있도록 합니다. 예: "업무용 노트북"
security-webauthn-start = 계속
security-webauthn-working = 브라우저의 안내를 따라 주십시오…
security-webauthn-cancelled = 취소되었거나 시간이 초과되었습니다. 다시 시도해 주십시오.
security-webauthn-failed = 추가하지 못했습니다. 다시 시도해 주십시오.

## 복구 코드, 확인, 세션의 시작과 끝.

security-codes-title = 새 복구 코드
security-codes-lead = 각 코드는 한 번만 사용할 수 있습니다. 인쇄하거나 적어서 안전한 곳에 보관해 주십시오. 지금만 표시됩니다. 이전 코드는 더 이상 사용할 수 없습니다.
security-done = 완료
security-confirm-title = 확인됨
security-confirm-lead = 본인임이 확인되었습니다. 이 방법을 삭제하시겠습니까?
security-confirm-add-lead = 본인임이 확인되었습니다. 다음을 추가합니다:
security-cancel = 유지
security-opening-title = 보안 센터를 여는 중
security-opening-lead = 잠시만 기다려 주십시오…
security-continue = 계속
security-signed-out-title = 로그아웃됨
security-signed-out-lead = 보안 센터에서 나오셨습니다.
security-step-up-first-title = 먼저 본인임을 확인해 주십시오
security-step-up-first-lead = 계정에 로그인 방법을 추가하려면 새로 본인 확인을 해야 합니다.
security-verify-me = 본인 확인

## 문제가 발생한 경우.

security-link-title = 이 링크는 더 이상 사용할 수 없습니다
security-link-lead = 보안 센터 링크는 한 번, 5분 동안만 사용할 수 있습니다. 앱으로 돌아가 보안 센터를 다시 열어 주십시오.
security-session-title = 세션이 종료되었습니다
security-session-lead = 안전을 위해 보안 센터는 10분 동안 활동이 없거나 총 30분이 지나면 닫힙니다. 앱으로 돌아가 다시 열어 주십시오.
security-csrf-title = 이 요청을 확인할 수 없습니다
security-csrf-lead = 변경된 사항은 없습니다. 보안 센터로 돌아가 새로 고침한 후 다시 시도해 주십시오.
security-not-found-title = 찾을 수 없음
security-not-found-lead = 이 방법은 고객님의 계정에 없습니다.
security-step-up-title = 확인되지 않음
security-step-up-lead = 이 본인 확인은 완료되지 않았거나 이미 사용되었습니다. 변경된 사항은 없습니다.
security-unsatisfiable-lead = 방법을 변경하려면 인증 수단과 이메일 또는 문자 코드로 본인임을 증명해야 하지만, 이 계정으로는 할 수 없습니다. 지원팀에 문의해 주십시오.
security-locked-lead = 잘못된 코드가 너무 많아 계정이 잠시 잠겼습니다. 나중에 다시 시도해 주십시오.
security-expired-lead = 설정 대기 시간이 너무 길었습니다. 처음부터 다시 시작해 주십시오.
security-error-lead = 변경된 사항은 없습니다. 잠시 후 다시 시도해 주십시오.

## 세션.

security-sessions = 내 세션
security-sessions-lead = 알지 못하는 세션이 있으면 종료해 주십시오.
security-this-session = 이 세션
security-browser-on = { $system }의 { $browser }
security-unknown-browser = 알 수 없는 브라우저
security-opened = 시작
security-last-active = 마지막 활동
security-end-session = 이 세션 종료
security-end-others = 다른 모든 세션 종료
security-end-others-offer = 이상한 점이 있어서 이 변경을 하셨습니까? 다른 세션도 종료해 주십시오.

## 최근 활동.

security-event-factor-activated = 방법 추가: { security-kind }
security-event-factor-removed = 방법 삭제: { security-kind }
security-event-recovery-codes = 새 복구 코드
security-event-factor-activation-failed = 방법 추가 중 잘못된 코드
security-event-factor-possible-clone = 복제된 것으로 보이는 보안 키를 거부함
security-event-contact-changed =
    { $field ->
        [email] 이메일 변경
       *[phone] 전화번호 변경
    }
security-event-challenge-approved = 확인됨: { code-action }
security-event-challenge-failed = 확인 실패: { code-action }
security-event-challenge-denied = 신뢰할 수 있는 기기에서 거부: { code-action }
security-event-challenge-code-rejected = 잘못된 코드 입력
security-event-user-locked = 잘못된 코드로 계정 잠김
security-event-portal-session-opened = 보안 센터 열림
security-event-portal-session-revoked = 보안 센터 세션 종료
