"""Labels of the commune map page and its chart."""

MESSAGES = {
    "map.indicator": ("Chỉ tiêu trên bản đồ", "Indicator on the map"),
    "map.colour_by": ("Tô màu theo", "Colour by"),
    "map.bad_colour": (
        "Liên kết có cách tô màu «{value}» không hợp lệ; dùng «progress» hoặc «status».",
        "The link's colouring «{value}» is not valid; use «progress» or «status».",
    ),
    "map.by_progress": ("Mức hoàn thành mục tiêu", "Progress to target"),
    "map.by_status": ("Trạng thái tiến độ", "Pace status"),
    "map.labels": ("Hiện tên xã (trình chiếu)", "Show commune names (projector)"),
    "map.click_hint": (
        "Bấm vào một xã/phường để mở trang địa bàn của xã đó. Xã đang chọn được viền đậm.",
        "Click a commune to open its locality page. Chosen communes are outlined.",
    ),
    "map.legend": ("Chú giải", "Legend"),
    "map.class.p0": ("Dưới 25% mục tiêu", "Under 25% of target"),
    "map.class.p25": ("25–50% mục tiêu", "25–50% of target"),
    "map.class.p50": ("50–75% mục tiêu", "50–75% of target"),
    "map.class.p75": ("75–100% mục tiêu", "75–100% of target"),
    "map.class.p100": ("Đạt mục tiêu (≥ 100%)", "Target reached (≥ 100%)"),
    "map.count": ("{count} xã", "{count} communes"),
    "map.tooltip.name": ("Xã/phường", "Commune"),
    "map.tooltip.kind": ("Loại", "Kind"),
    "map.tooltip.value": ("Giá trị", "Value"),
    "map.tooltip.target": ("Mục tiêu", "Target"),
    "map.tooltip.progress": ("Hoàn thành", "Progress"),
    "map.tooltip.status": ("Trạng thái", "Status"),
    "map.tooltip.as_of": ("Báo cáo đến", "Reported as of"),
    "map.no_shapes": (
        "Chưa có ranh giới xã nào trong CSDL. Nạp ranh giới bằng "
        "`python -m data_access import-boundaries TỆP`.",
        "No commune boundaries are stored yet. Load them with "
        "`python -m data_access import-boundaries FILE`.",
    ),
    "map.missing_shapes": (
        "{count} xã/phường chưa có ranh giới nên không hiện trên bản đồ: {names}.",
        "{count} communes have no boundary and are not drawn: {names}.",
    ),
    "map.no_indicator": (
        "Giai đoạn này chưa có chỉ tiêu nào có mục tiêu cấp tỉnh.",
        "This stage has no indicator with a province-wide target.",
    ),
    "map.villages": ("Thôn, buôn, tổ dân phố của {name}", "Villages of {name}"),
    "map.villages_none": ("Xã này chưa có thôn/buôn nào trong danh mục.", "No villages on record."),
    "map.villages_no_shapes": (
        "{count} thôn/buôn chưa có ranh giới, nên liệt kê dưới dạng bảng.",
        "{count} villages have no boundary yet, so they are listed as a table.",
    ),
    "map.village_name": ("Tên", "Name"),
    "map.summary": ("Số xã theo nhóm", "Communes per class"),
}
