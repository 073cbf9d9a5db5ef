"""Labels of the Data page's upload box, check, problem list, template and completeness."""

MESSAGES = {
    "upload.label": ("Chọn tệp báo cáo (CSV hoặc XLSX)", "Choose a report file (CSV or XLSX)"),
    "upload.help": (
        "Kéo thả tệp vào ô hoặc bấm nút để chọn. Nhận CSV (UTF-8 hoặc UTF-16, dấu phẩy, chấm "
        "phẩy hoặc tab; có thể nén .gz) và XLSX. Tệp được kiểm tra trước; chưa ghi gì cho đến "
        "khi bấm «Ghi vào CSDL».",
        "Drop the file on the box or press the button to choose it. CSV (UTF-8 or UTF-16; "
        "comma, semicolon or tab; may be gzipped) and XLSX are read. The file is checked "
        "first; nothing is written until you press «Commit».",
    ),
    "upload.button": ("Chọn tệp", "Choose file"),
    "upload.limit": ("Tối đa {size} MB mỗi tệp.", "At most {size} MB per file."),
    "upload.sheet": ("Trang tính chứa số liệu", "Sheet holding the data"),
    "upload.sheet_help": (
        "Tệp có nhiều trang tính; chỉ trang được chọn được nhập.",
        "The workbook has several sheets; only the one chosen is imported.",
    ),
    "upload.sheet_empty": ("trống", "empty"),
    "import.empty_sheet_page": (
        "trang tính «{sheet}» không có dữ liệu; tệp có các trang: {sheets}. Chọn trang chứa số "
        "liệu ở ô «Trang tính chứa số liệu».",
        "sheet «{sheet}» holds no data; the workbook's sheets are: {sheets}. Choose the one "
        "holding the data under «Sheet holding the data».",
    ),
    "import.decrease_page": (
        "giá trị lũy kế giảm so với báo cáo trước ({previous} ngày {date}); nếu đúng, đánh dấu "
        "ô xác nhận bên dưới.",
        "the cumulative value is lower than the previous report ({previous} on {date}); if it "
        "is right, tick the confirmation below.",
    ),
    "data.needs_confirmation": (
        "Có {warnings} cảnh báo cần xác nhận ở ô bên dưới trước khi ghi. Chưa có gì thay đổi.",
        "{warnings} warnings need the confirmation below before the file is written. Nothing "
        "changed yet.",
    ),
    "data.checking": ("Đang kiểm tra «{file}»…", "Checking «{file}»…"),
    "data.writing": ("Đang ghi vào CSDL…", "Writing to the database…"),
    "data.import_failed": (
        "Không kiểm tra hoặc ghi được tệp do lỗi hệ thống (đã ghi nhật ký); không có gì thay "
        "đổi. Hãy thử lại sau hoặc báo quản trị viên.",
        "The file could not be checked or written because of a system fault (logged); nothing "
        "was changed. Try again later or tell the administrator.",
    ),
    "data.see_figures": ("Xem số liệu mới trên Tổng quan", "See the new figures on the overview"),
    "problems.severity": ("Hiện", "Show"),
    "problems.all": ("Tất cả ({count})", "All ({count})"),
    "problems.errors": ("Lỗi ({count})", "Errors ({count})"),
    "problems.warnings": ("Cảnh báo ({count})", "Warnings ({count})"),
    "problems.columns": ("Theo cột", "By column"),
    "problems.every_column": ("Mọi cột", "Every column"),
    "problems.file_column": ("(cả tệp)", "(whole file)"),
    "problems.shown": ("Đang hiện {shown}/{total} vấn đề.", "Showing {shown} of {total} problems."),
    "problems.more": (
        "Bảng hiện tối đa {limit} dòng; tệp tải về có đủ mọi vấn đề.",
        "The table shows at most {limit} rows; the download holds every problem.",
    ),
    "data.template_lang": ("Tiêu đề cột", "Column headers"),
    "data.template_lang_vi": ("Tiếng Việt", "Vietnamese"),
    "data.template_lang_en": ("Tiếng Anh", "English"),
    "data.template_communes": (
        "Các xã đang chọn trong bộ lọc: {communes} xã × {indicators} chỉ tiêu.",
        "Communes chosen in the filter: {communes} × {indicators} indicators.",
    ),
    "data.template_all": (
        "Mọi xã của tỉnh: {communes} xã × {indicators} chỉ tiêu (chọn xã ở bộ lọc để thu hẹp).",
        "Every commune of the province: {communes} communes × {indicators} indicators (choose "
        "communes in the filter to narrow it).",
    ),
    "data.history_empty": ("Chưa có đợt nhập nào.", "No import yet."),
    "data.periods_empty": (
        "Chưa có kỳ báo cáo nào của giai đoạn đến ngày này.",
        "No reporting period of the stage up to this date yet.",
    ),
    "data.completeness_late": ("trễ hạn", "late"),
    "data.completeness_never": ("chưa từng báo cáo", "never reported"),
    "data.completeness_complete": ("đủ", "complete"),
    "data.col_never": ("Chỉ tiêu chưa từng báo cáo", "Indicators never reported"),
    "data.late_listed": (
        "{rows} xã dưới đây: {late} trễ hạn, {never} chưa từng báo cáo.",
        "{rows} communes below: {late} late, {never} never reported.",
    ),
}
