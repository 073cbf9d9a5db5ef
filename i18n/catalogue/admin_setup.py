"""Labels of the Administration page's province setup: checklist, steps, edits, history."""

MESSAGES = {
    "filter.setting_up": (
        "Tỉnh chưa có giai đoạn nào: chỉ có trang Quản trị để thiết lập tỉnh.",
        "No stage yet: only the Administration page, to set the province up.",
    ),
    "admin.setup_steps": ("Các bước thiết lập", "Setup steps"),
    "admin.setup_edits": ("Sửa một mục", "One-row edits"),
    "admin.setup_history": ("Lịch sử thiết lập", "Setup history"),
    "admin.checklist": ("Danh sách kiểm tra", "Checklist"),
    "admin.step_pick": ("Bước cần nạp", "Step to load"),
    "admin.no_steps": (
        "Tài khoản của bạn không nạp được bước nào.",
        "Your account may load none of the steps.",
    ),
    "admin.reports_on_data_page": (
        "Báo cáo của xã: nhập ở trang Dữ liệu",
        "Commune reports: import them on the Data page",
    ),
    "admin.reports_elsewhere": (
        "Báo cáo của xã do cán bộ dữ liệu nhập ở trang Dữ liệu.",
        "Commune reports are imported by data officers on the Data page.",
    ),
    "admin.columns_required": (
        "Các cột (* bắt buộc): {columns}",
        "Columns (* required): {columns}",
    ),
    "admin.template_csv": ("Mẫu CSV", "CSV template"),
    "admin.template_xlsx": ("Mẫu XLSX", "XLSX template"),
    "admin.upload_kind": ("Chọn tệp {kind} (CSV hoặc XLSX)", "Choose a {kind} file (CSV or XLSX)"),
    "admin.boundaries_upload": (
        "Chọn tệp ranh giới GeoJSON (một hay nhiều tệp)",
        "Choose GeoJSON boundary files (one or several)",
    ),
    "admin.boundaries_help": (
        "Một tệp cho cả tỉnh hoặc một tệp cho mỗi xã (FeatureCollection hoặc Feature, Polygon "
        "hoặc MultiPolygon). Ranh giới được đơn giản hóa cho bản đồ; chưa ghi gì cho đến khi "
        "bấm «Ghi vào CSDL».",
        "One file for the province or one per commune (FeatureCollection or Feature, Polygon "
        "or MultiPolygon). Shapes are simplified for the map; nothing is written until you "
        "press «Commit».",
    ),
    "admin.code_property": (
        "Thuộc tính chứa mã xã (để trống: tự nhận ra)",
        "Property holding the commune code (empty: detected)",
    ),
    "admin.boundaries_files": ("{count} tệp GeoJSON", "{count} GeoJSON files"),
    "admin.edits_help": (
        "Mỗi lần lưu là một đợt riêng, hoàn tác được ở «Lịch sử thiết lập».",
        "Each save is a batch of its own, which «Setup history» rolls back.",
    ),
    "admin.edit_agency_header": ("Đổi tên cơ quan", "Rename an agency"),
    "admin.edit_stage_header": (
        "Gia hạn hoặc dời hạn chót, đổi kỳ báo cáo",
        "Extend or move a deadline, change the reporting period",
    ),
    "admin.edit_retire_header": (
        "Bỏ một chỉ tiêu khỏi giai đoạn",
        "Retire an indicator from a stage",
    ),
    "admin.edit_agency": ("Cơ quan", "Agency"),
    "admin.edit_name_vi": ("Tên tiếng Việt", "Vietnamese name"),
    "admin.edit_name_en": ("Tên tiếng Anh", "English name"),
    "admin.edit_save": ("Lưu", "Save"),
    "admin.edit_stage": ("Giai đoạn", "Stage"),
    "admin.edit_deadline": ("Hạn chót", "Deadline"),
    "admin.edit_period": ("Kỳ báo cáo (ngày)", "Reporting period (days)"),
    "admin.edit_indicator": ("Chỉ tiêu", "Indicator"),
    "admin.edit_retire_sure": (
        "Tôi muốn bỏ mục tiêu toàn tỉnh của chỉ tiêu này trong giai đoạn (báo cáo vẫn giữ).",
        "I want to remove this indicator's province-wide target in the stage (its reports stay).",
    ),
    "admin.edit_retire": ("Bỏ khỏi giai đoạn", "Retire from the stage"),
    "admin.edit_retire_confirm": (
        "Hãy đánh dấu ô xác nhận trước.",
        "Tick the confirmation first.",
    ),
    "admin.edit_saved": (
        "Đã lưu (đợt #{batch}); hoàn tác được ở «Lịch sử thiết lập».",
        "Saved (batch #{batch}); «Setup history» rolls it back.",
    ),
    "admin.edit_nothing": ("Không có gì thay đổi.", "Nothing changed."),
    "admin.edit_none": ("Chưa có mục nào để sửa.", "There is nothing to edit yet."),
}
