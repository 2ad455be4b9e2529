### 各服務的說明中心 (/help/…)。

help-title = 說明中心
help-lead = 關於登入、驗證碼與帳戶安全的解答。
help-search-label = 搜尋說明中心
help-search-button = 搜尋
help-categories = 類別
help-all = 全部
help-category =
    { $category ->
        [faq] 常見問題
        [announcements] 公告
       *[product_documents] 產品文件
    }
help-showing = 顯示第 { $first }–{ $last } 篇，共 { $total } 篇文章
help-results-for = 「{ $query }」的搜尋結果
help-no-results = 沒有符合您搜尋的文章。請嘗試其他關鍵字，或瀏覽類別。
help-empty = 這裡還沒有文章。
help-pages = 頁面
help-previous = 上一頁
help-next = 下一頁
help-page-of = 第 { $page } 頁，共 { $pages } 頁
help-published = 發布於
help-updated = 更新於
help-all-articles = 所有說明文章
help-views = { $views } 次閱讀
help-only-in-english = 此文章尚未提供您所使用語言的版本。
help-error-lead = 目前無法顯示說明中心。請稍後再試。
