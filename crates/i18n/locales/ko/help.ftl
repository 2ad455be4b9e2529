### 각 서비스의 도움말 센터 (/help/…).

help-title = 도움말 센터
help-lead = 로그인, 인증 코드, 계정 보호에 관한 답변입니다.
help-search-label = 도움말 센터 검색
help-search-button = 검색
help-categories = 카테고리
help-all = 전체
help-category =
    { $category ->
        [faq] 자주 묻는 질문
        [announcements] 공지사항
       *[product_documents] 제품 문서
    }
help-showing = 문서 { $total }개 중 { $first }–{ $last }개 표시
help-results-for = "{ $query }" 검색 결과
help-no-results = 검색과 일치하는 문서가 없습니다. 다른 단어로 검색하거나 카테고리를 살펴보십시오.
help-empty = 아직 문서가 없습니다.
help-pages = 페이지
help-previous = 이전 페이지
help-next = 다음 페이지
help-page-of = { $pages }페이지 중 { $page }페이지
help-published = 게시일
help-updated = 수정일
help-all-articles = 모든 도움말 문서
help-views = 조회수 { $views }회
help-only-in-english = 이 문서는 아직 고객님의 언어로 제공되지 않습니다.
help-error-lead = 지금은 도움말 센터를 표시할 수 없습니다. 잠시 후 다시 시도해 주십시오.
