### 各服务的帮助中心 (/help/…)。

help-title = 帮助中心
help-lead = 关于登录、验证码和账户安全的解答。
help-search-label = 搜索帮助中心
help-search-button = 搜索
help-categories = 类别
help-all = 全部
help-category =
    { $category ->
        [faq] 常见问题
        [announcements] 公告
       *[product_documents] 产品文档
    }
help-showing = 显示第 { $first }–{ $last } 篇，共 { $total } 篇文章
help-results-for = “{ $query }”的搜索结果
help-no-results = 没有与您的搜索相符的文章。请尝试其他关键词，或浏览类别。
help-empty = 此处暂无文章。
help-pages = 页面
help-previous = 上一页
help-next = 下一页
help-page-of = 第 { $page } 页，共 { $pages } 页
help-published = 发布于
help-updated = 更新于
help-all-articles = 所有帮助文章
help-views = { $views } 次阅读
help-only-in-english = 此文章暂无您所用语言的版本。
help-error-lead = 目前无法显示帮助中心。请稍后再试。
