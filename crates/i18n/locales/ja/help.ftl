### 各サービスのヘルプセンター (/help/…)。

help-title = ヘルプセンター
help-lead = ログイン、認証コード、アカウントの保護に関する回答です。
help-search-label = ヘルプセンターを検索
help-search-button = 検索
help-categories = カテゴリー
help-all = すべて
help-category =
    { $category ->
        [faq] よくある質問
        [announcements] お知らせ
       *[product_documents] 製品資料
    }
help-showing = 全 { $total } 件中 { $first }～{ $last } 件を表示
help-results-for = 「{ $query }」の検索結果
help-no-results = 検索に一致する記事はありません。別の語句で検索するか、カテゴリーから探してください。
help-empty = ここにはまだ記事がありません。
help-pages = ページ
help-previous = 前のページ
help-next = 次のページ
help-page-of = { $page } / { $pages } ページ
help-published = 公開日
help-updated = 更新日
help-all-articles = すべてのヘルプ記事
help-views = 閲覧数 { $views } 回
help-only-in-english = この記事はまだお客様の言語でご利用いただけません。
help-error-lead = 現在ヘルプセンターを表示できません。しばらくしてからもう一度お試しください。
