"""Labels of the meeting brief (PDF) and of its command line."""

MESSAGES = {
    "brief.title": (
        "Báo cáo tóm tắt phục vụ họp Ban Chỉ đạo",
        "Steering Committee meeting brief",
    ),
    "brief.province": ("Địa bàn", "Province"),
    "brief.campaign": ("Chiến dịch", "Campaign"),
    "brief.since": ("So với ngày họp trước", "Compared with the last meeting on"),
    "brief.agency_all": ("Tất cả cơ quan", "All agencies"),
    "brief.filters": ("Bộ lọc", "Filters"),
    "brief.synthetic": (
        "DỮ LIỆU MÔ PHỎNG — không phải số liệu thật (synthetic demo data).",
        "SYNTHETIC DEMO DATA — not real figures.",
    ),
    "brief.section.indicators": ("1. Chỉ tiêu chiến dịch", "1. Campaign indicators"),
    "brief.section.target_groups": ("2. Nhóm đối tượng", "2. Target groups"),
    "brief.section.map": ("3. Bản đồ xã/phường", "3. Commune map"),
    "brief.section.weakest": ("4. Mười xã/phường yếu nhất", "4. The ten weakest communes"),
    "brief.section.changes": (
        "5. Thay đổi từ cuộc họp trước ({since})",
        "5. Changes since the last meeting ({since})",
    ),
    "brief.indicators_note": (
        "Tiến độ = giá trị / mục tiêu. Trạng thái so với đường tiến độ đều từ giá trị đầu kỳ "
        "đến mục tiêu tại hạn; «có nguy cơ chậm» khi thấp hơn tiến độ không quá {margin}.",
        "Progress = value / target. Status compares the value with a straight pace line from "
        "the baseline to the target at the deadline; «at risk» is at most {margin} below it.",
    ),
    "brief.progress_chart": (
        "Tiến độ từng chỉ tiêu (vạch đen: mức cần đạt theo tiến độ đến ngày {date})",
        "Progress of each indicator (black tick: where the pace line stands on {date})",
    ),
    "brief.col.reached": ("Đã đạt", "Reached"),
    "brief.col.population": ("Tổng số", "Population"),
    "brief.col.percent": ("Tỷ lệ", "Percent"),
    "brief.col.goal": ("Mục tiêu", "Goal"),
    "brief.col.group": ("Nhóm đối tượng", "Target group"),
    "brief.col.rank": ("Hạng", "Rank"),
    "brief.col.score": ("Điểm tổng hợp", "Composite score"),
    "brief.col.behind": ("Chỉ tiêu chậm", "Indicators behind"),
    "brief.col.reported": ("Xã đã báo cáo", "Communes reported"),
    "brief.col.before": ("Trước", "Before"),
    "brief.col.now": ("Nay", "Now"),
    "brief.col.fell_behind": ("Chỉ tiêu tụt lại", "Indicators that fell behind"),
    "brief.no_target_groups": (
        "Không có nhóm đối tượng nào gắn với các chỉ tiêu đã chọn.",
        "No target group is tied to the chosen indicators.",
    ),
    "brief.map_note": (
        "Màu: điểm tổng hợp của xã (trung bình tiến độ các chỉ tiêu, mỗi chỉ tiêu tính tối đa "
        "100%), thang màu trải từ điểm thấp nhất đến cao nhất; xám: chưa có số liệu. Viền đậm "
        "và số: mười xã yếu nhất, theo thứ tự ở mục 4.",
        "Colour: the commune's composite score (mean progress over the indicators, each "
        "counted up to 100%), the scale running from the lowest score to the highest; grey: "
        "no data. Outlined and numbered: the ten weakest communes, in the order of section 4.",
    ),
    "brief.map_legend": ("Điểm tổng hợp", "Composite score"),
    "brief.weakest_note": (
        "Xếp theo điểm tổng hợp tăng dần. «Chỉ tiêu chậm»: số chỉ tiêu chậm tiến độ hoặc quá "
        "hạn báo cáo, trên số chỉ tiêu xã có số liệu. Mục tiêu của xã: mục tiêu riêng nếu có; "
        "nếu không, tỷ lệ của tỉnh (chỉ tiêu tỷ lệ) hoặc phần của xã trong mục tiêu số lượng "
        "của tỉnh theo tỷ lệ dân số (chỉ tiêu đếm).",
        "Sorted by composite score, lowest first. «Indicators behind»: indicators behind pace "
        "or stale, out of those the commune has data for. A commune's target: its own where "
        "set, else the province rate (percent indicators) or its population share of the "
        "province count (count indicators).",
    ),
    "brief.changes.indicators": (
        "Chỉ tiêu thay đổi trạng thái",
        "Indicators whose status changed",
    ),
    "brief.changes.no_indicators": (
        "Không có chỉ tiêu nào thay đổi trạng thái.",
        "No indicator changed status.",
    ),
    "brief.changes.communes": (
        "Xã/phường bị tụt lại: chỉ tiêu chuyển từ «đúng tiến độ» hoặc «có nguy cơ chậm» sang "
        "«chậm tiến độ» ({count} xã/phường)",
        "Communes that fell behind: indicators that went from «on track» or «at risk» to "
        "«behind» ({count} communes)",
    ),
    "brief.changes.no_communes": (
        "Không có xã/phường nào bị tụt lại.",
        "No commune fell behind.",
    ),
    "brief.changes.more": (
        "… và {count} xã/phường khác.",
        "… and {count} more communes.",
    ),
    "brief.footer": (
        "Báo cáo tóm tắt · số liệu đến {date} · trang {page}/{pages}",
        "Meeting brief · as of {date} · page {page} of {pages}",
    ),
    "brief.error.bad_date": (
        "Ngày «{value}» của {option} không hợp lệ (cần dạng YYYY-MM-DD).",
        "Date «{value}» given for {option} is not valid (YYYY-MM-DD expected).",
    ),
    "brief.error.unknown_agency": (
        "Không có cơ quan mã «{value}». Các mã hiện có: {known}.",
        "No agency with code «{value}». Known codes: {known}.",
    ),
    "brief.error.unknown_stage": (
        "Không có giai đoạn mã «{value}». Các mã hiện có: {known}.",
        "No stage with code «{value}». Known codes: {known}.",
    ),
    "brief.error.unknown_commune": (
        "Không có xã/phường mã «{value}» trong tỉnh {province}.",
        "No commune with code «{value}» in province {province}.",
    ),
    "brief.error.since_not_before": (
        "Ngày họp trước ({since}) phải sớm hơn ngày số liệu ({as_of}).",
        "The last meeting ({since}) must come before the as-of date ({as_of}).",
    ),
    "brief.error.no_stage": (
        "Chưa có chiến dịch/giai đoạn nào trong CSDL; hãy nạp dữ liệu trước.",
        "No campaign stage in the database yet; load data first.",
    ),
    "brief.error.database": (
        "Không đọc được CSDL: {reason}",
        "Cannot read the database: {reason}",
    ),
    "brief.error.write": (
        "Không ghi được tệp {path}: {reason}",
        "Cannot write the file {path}: {reason}",
    ),
    "brief.done": (
        "Đã ghi {path} ({size} KB).",
        "Wrote {path} ({size} KB).",
    ),
    "brief.download_button": ("Báo cáo họp (PDF)", "Meeting brief (PDF)"),
    "brief.download_help": (
        "Báo cáo cho cuộc họp Ban Chỉ đạo theo bộ lọc đang chọn: chỉ tiêu, nhóm đối tượng, "
        "bản đồ, các xã yếu nhất và thay đổi từ cuộc họp trước.",
        "A brief for the Steering Committee meeting with the current filters: indicators, "
        "target groups, the map, the weakest communes and changes since the last meeting.",
    ),
}
