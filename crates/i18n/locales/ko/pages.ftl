### 모든 페이지에 공통인 틀, 날짜, 첫 페이지 (/), 오류 페이지.

## 각 페이지 상단의 제목. $service는 서비스 이름.

page-header-home = 도움말 및 지원
page-header-support = 지원 센터
page-header-help = { $service } 도움말 센터
page-header-security = 보안 센터
page-header-security-of = { $service } 보안 센터
page-header-verify = 안전한 본인 확인
page-header-verify-for = { $service } 안전한 본인 확인

## 날짜와 시간은 UTC. $month는 1~12, $hour와 $minute는 두 자리.

month-long = { $month }월
month-short = { $month }월
# "2026년 11월 1일"
date = { $year }년 { month-long } { $day }일
# "2026년 11월 1일 14:05 UTC"
datetime = { $year }년 { month-short } { $day }일 { $hour }:{ $minute } UTC
# SMS용 (한 통에 맞추기 위해 숫자만): "11/1 14:05 UTC"
datetime-short = { $month }/{ $day } { $hour }:{ $minute } UTC

## 첫 페이지.

landing-title = 도움말 및 지원
landing-lead = 궁금하신 점에 대한 답변과 지원팀에 안전하게 연락하실 수 있는 도구입니다.
landing-support = 지원 센터
landing-support-hint = 지원팀과 화상 통화에 참여하거나 상담원이 진짜인지 확인하실 수 있습니다.
landing-help-centers = 도움말 센터
landing-help-hint = 로그인, 인증 코드, 계정 보호에 관한 문서입니다.
landing-no-help-center = 아직 게시된 도움말 센터가 없습니다.

## 오류 페이지.

error-title = 문제가 발생했습니다
page-not-found-title = 페이지를 찾을 수 없습니다
page-not-found-lead = 이 주소에는 페이지가 없습니다. 사용하신 링크를 확인해 주십시오.
page-not-found-home = 도움말 및 지원으로 이동
error-page-lead = 지금은 이 페이지를 표시할 수 없습니다. 잠시 후 다시 시도해 주십시오.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = 고객 지원 문의
brand-privacy = 개인정보 보호
# The last lines of every email of a service with these links.
brand-email-support = 고객 지원: { $support }
brand-email-privacy = 개인정보 처리방침: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = 이 페이지에서 요청을 처리할 수 없습니다. 이전 페이지로 돌아가 다시 시도해 주세요.
