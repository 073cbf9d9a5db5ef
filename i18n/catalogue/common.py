"""Labels of the frame, the shared filters and the status words."""

MESSAGES = {
    "app.title": ("Bình dân học vụ số — Bảng điều hành", "Digital Literacy for All — Dashboard"),
    "app.synthetic": (
        "Dữ liệu mô phỏng (synthetic demo data) — không phải số liệu thật.",
        "Synthetic demo data — not real figures.",
    ),
    "page.overview": ("Tổng quan", "Overview"),
    "page.map": ("Bản đồ xã", "Commune map"),
    "page.indicators": ("Chỉ tiêu", "Indicators"),
    "page.target_groups": ("Nhóm đối tượng", "Target groups"),
    "page.locality": ("Địa bàn", "Locality"),
    "page.ranking": ("Xếp hạng", "Ranking"),
    "page.data": ("Dữ liệu và tiến độ báo cáo", "Data import and completeness"),
    "page.admin": ("Quản trị", "Administration"),
    "page.not_built": (
        "Trang này đang được xây dựng.",
        "This page is being built.",
    ),
    "filter.header": ("Bộ lọc chung", "Shared filters"),
    "filter.language": ("English", "English"),
    "filter.province": ("Tỉnh", "Province"),
    "filter.stage": ("Giai đoạn", "Stage"),
    "filter.as_of": ("Số liệu đến ngày", "Figures as of"),
    "filter.search": ("Tìm xã/phường (tên hoặc mã)", "Find a commune (name or code)"),
    "filter.communes": ("Xã/phường đã chọn", "Chosen communes"),
    "filter.communes_placeholder": ("Cả tỉnh", "Whole province"),
    "filter.agency": ("Cơ quan phụ trách", "Responsible agency"),
    "filter.all_agencies": ("Tất cả cơ quan", "All agencies"),
    "url.unknown_agency": (
        "Không có cơ quan phụ trách mã «{value}»; hiển thị mọi cơ quan.",
        "No responsible agency with code «{value}»; showing every agency.",
    ),
    "export.csv": ("Tải CSV", "Download CSV"),
    "export.xlsx": ("Tải Excel", "Download XLSX"),
    "filter.matches": ("{count} kết quả", "{count} matches"),
    "filter.stage_range": ("{start} → {deadline}", "{start} → {deadline}"),
    "url.bad_commune": (
        "Mã xã «{value}» trong đường dẫn không hợp lệ (cần 5 chữ số); đã bỏ qua.",
        "Commune code «{value}» in the link is malformed (5 digits expected); ignored.",
    ),
    "url.unknown_commune": (
        "Không có xã/phường mã «{value}» trong tỉnh này; đã bỏ qua.",
        "No commune with code «{value}» in this province; ignored.",
    ),
    "url.date_outside": (
        "Ngày «{value}» nằm ngoài khoảng cho phép của giai đoạn ({low} – {high}); "
        "đang hiển thị số liệu đến {shown}.",
        "Date «{value}» is outside the stage's allowed range ({low} – {high}); "
        "showing figures as of {shown}.",
    ),
    "url.bad_date": (
        "Ngày «{value}» trong đường dẫn không hợp lệ (cần YYYY-MM-DD); dùng ngày {default}.",
        "Date «{value}» in the link is not valid (YYYY-MM-DD expected); using {default}.",
    ),
    "url.unknown_stage": (
        "Không có giai đoạn «{value}»; dùng giai đoạn {default}.",
        "No stage «{value}»; using stage {default}.",
    ),
    "url.unknown_province": (
        "Không có tỉnh mã «{value}»; dùng tỉnh {default}.",
        "No province with code «{value}»; using {default}.",
    ),
    "db.not_ready": ("Cơ sở dữ liệu chưa sẵn sàng.", "The database is not ready."),
    "db.fault_title": ("Tạm thời chưa xem được số liệu", "Figures are unavailable for now"),
    "db.unreachable": (
        "Không kết nối được cơ sở dữ liệu của tỉnh. Số liệu không bị mất; trang sẽ hiện lại "
        "ngay khi cơ sở dữ liệu hoạt động trở lại. Nếu kéo dài, vui lòng báo quản trị viên.",
        "The province's database cannot be reached. No figure is lost; the page comes back "
        "as soon as the database answers again. If this lasts, please tell the administrator.",
    ),
    "db.read_only": (
        "Cơ sở dữ liệu đang ở chế độ chỉ đọc nên không ghi được thay đổi; không có gì bị "
        "thay đổi. Vui lòng báo quản trị viên.",
        "The database is read-only, so the change could not be saved; nothing was changed. "
        "Please tell the administrator.",
    ),
    "db.not_initialised": (
        "Cơ sở dữ liệu chưa được khởi tạo hoặc chưa ở phiên bản mới nhất: quản trị viên cần "
        "chạy `python -m data_access init`.",
        "The database is not initialised or not at the newest schema: the administrator "
        "needs to run `python -m data_access init`.",
    ),
    "db.retrying": ("Tự thử lại sau mỗi {seconds} giây.", "Trying again every {seconds} s."),
    "db.retry": ("Thử lại ngay", "Try again now"),
    "db.back": ("Quay lại trang", "Back to the page"),
    "db.no_stage": (
        "Chưa có chiến dịch/giai đoạn nào trong CSDL. Hãy nạp dữ liệu trước.",
        "No campaign stage in the database yet. Load data first.",
    ),
    "status.on_track": ("Đúng tiến độ", "On track"),
    "status.at_risk": ("Có nguy cơ chậm", "At risk"),
    "status.behind": ("Chậm tiến độ", "Behind"),
    "status.stale": ("Báo cáo quá hạn", "Stale"),
    "status.no_data": ("Chưa có số liệu", "No data"),
    "unit.percent": ("%", "%"),
    "unit.count": ("lượt", "count"),
    "common.as_of": ("Số liệu đến {date}", "As of {date}"),
    "common.target": ("Mục tiêu", "Target"),
    "common.deadline": ("Hạn", "Deadline"),
    "common.value": ("Giá trị", "Value"),
    "common.progress": ("Tiến độ", "Progress"),
    "common.status": ("Trạng thái", "Status"),
    "common.commune": ("Xã/phường", "Commune"),
    "common.code": ("Mã", "Code"),
    "common.kind": ("Loại", "Kind"),
    "common.indicator": ("Chỉ tiêu", "Indicator"),
    "common.agency": ("Cơ quan phụ trách", "Responsible agency"),
    "common.last_report": ("Báo cáo gần nhất", "Last report"),
    "common.completeness": (
        "{current}/{total} xã đã báo cáo kỳ này",
        "{current}/{total} communes reported this period",
    ),
    "common.none": ("—", "—"),
    "kind.tinh": ("tỉnh", "province"),
    "kind.thanh_pho": ("thành phố", "city"),
    "kind.xa": ("xã", "commune"),
    "kind.phuong": ("phường", "ward"),
    "kind.dac_khu": ("đặc khu", "special zone"),
    "kind.thon": ("thôn", "village"),
    "kind.buon": ("buôn", "village (buôn)"),
    "kind.lang": ("làng", "village (làng)"),
    "kind.to_dan_pho": ("tổ dân phố", "residential group"),
}

MESSAGES.update(
    {
        "scope.cluster": ("{count} xã/phường: {names}", "{count} communes: {names}"),
        "scope.agency": ("{agency} — {count} chỉ tiêu", "{agency} — {count} indicators"),
        "scope.whole_province": ("Xem cả tỉnh", "See the whole province"),
    }
)
