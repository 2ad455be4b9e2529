### Each service's help center (/help/…).

help-title = Trung tâm trợ giúp
help-lead = Giải đáp về đăng nhập, mã xác thực và bảo vệ tài khoản của Quý khách.
help-search-label = Tìm kiếm trong trung tâm trợ giúp
help-search-button = Tìm kiếm
help-categories = Danh mục
help-all = Tất cả
help-category =
    { $category ->
        [faq] Câu hỏi thường gặp
        [announcements] Thông báo
       *[product_documents] Tài liệu sản phẩm
    }
help-showing = Đang hiển thị { $first }–{ $last } trong tổng số { $total } bài viết
help-results-for = Kết quả cho “{ $query }”
help-no-results = Không có bài viết nào phù hợp. Hãy thử từ khóa khác hoặc xem các danh mục.
help-empty = Chưa có bài viết nào ở đây.
help-pages = Trang
help-previous = Trang trước
help-next = Trang sau
help-page-of = Trang { $page } / { $pages }
# Followed by a date.
help-published = Đăng ngày
# Followed by a date.
help-updated = Cập nhật ngày
help-all-articles = Tất cả bài viết trợ giúp
help-views = { $views } lượt xem
help-only-in-english = Bài viết này chưa có bằng ngôn ngữ của Quý khách.
help-error-lead = Hiện không thể hiển thị trung tâm trợ giúp. Vui lòng thử lại sau giây lát.
