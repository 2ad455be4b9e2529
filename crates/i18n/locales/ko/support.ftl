### 지원 센터 (/support)와 셀프 서비스 도구.

support-title = 지원 센터
support-lead = 셀프 서비스 도구입니다. 지원팀은 고객님께 절대로 인증 코드를 묻지 않습니다.
support-join-tool = 예약된 화상 통화 참여
support-join-tool-hint = 본인임을 확인한 후 지원팀과 예약한 통화에 참여합니다.
support-check-tool = 상담원이 진짜인지 확인
support-check-tool-hint = 지원팀이라고 하는 사람이 연락했습니까? 상대방이 읽어 준 코드를 확인하십시오.
support-join-title = 화상 통화 참여
support-join-lead = 지원 상담 중에 받으신 예약 코드를 입력해 주십시오.
support-appointment-code = 예약 코드
support-appointment-code-hint = 영문자와 숫자 12자 (예: 7KQ2-9XMD-4TPR)
support-continue = 계속
support-verify-lead = 통화 상대:
support-totp-code = 인증 앱의 코드
support-totp-hint = 앱에 이 계정용으로 표시되는 6자리 코드입니다.
support-email-code = 이메일로 받은 코드
support-email-hint = 보낸 곳:
support-verify-button = 확인 후 참여
support-join-button = 화상 통화 참여
support-check-title = 이 상담원은 진짜입니까?
support-check-lead = 상담원에게 코드를 읽어 달라고 요청한 후 예약 코드와 함께 입력하십시오.
support-agent-code = 상담원 코드
support-check-button = 확인

## 페이지 스크립트가 표시하는 문구. $agent와 $n은 스크립트가 채웁니다.

support-msg-working = 잠시만 기다려 주십시오…
support-msg-verified = 본인 확인이 완료되었습니다. 통화에 참여하실 수 있습니다.
support-msg-genuine = 진짜입니다: { $agent }은(는) 저희 지원팀 상담원입니다.
support-msg-not-genuine = 이 코드는 올바르지 않습니다. 아무것도 알려 주지 마시고 통화를 종료한 후 저희 웹사이트를 통해 연락해 주십시오.
support-msg-not-found = 등록되지 않은 예약 코드입니다. 확인 후 다시 시도해 주십시오.
support-msg-too-early = 아직 이릅니다. 통화는 시작 15분 전부터 열립니다.
support-msg-too-late = 이 통화는 종료되었습니다. 지원팀에 새로 예약해 주십시오.
support-msg-appointment-cancelled = 이 예약은 취소되었습니다.
support-msg-invalid-code = 이 코드는 올바르지 않습니다.
support-msg-attempts-left = { $n }회 더 시도할 수 있습니다.
support-msg-too-many-attempts = 잘못된 코드가 너무 많습니다. 예약 코드부터 다시 시작해 주십시오.
support-msg-rate-limited = 이 연결에서 시도한 횟수가 너무 많습니다.
support-msg-retry = { $n }분 후에 다시 시도해 주십시오.
support-msg-locked = 잘못된 코드가 너무 많아 계정이 잠시 잠겼습니다.
support-msg-policy-unsatisfiable = 본인 확인 통화에는 인증 앱이 필요합니다. 계정의 보안 설정에서 설정해 주십시오.
support-msg-expired = 이 본인 확인은 만료되었습니다. 처음부터 다시 시작해 주십시오.
support-msg-not-join-session = 이 브라우저는 이 통화에 참여하지 않았습니다. 예약 코드부터 다시 시작해 주십시오.
support-msg-error = 문제가 발생했습니다. 다시 시도해 주십시오.
