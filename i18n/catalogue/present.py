"""Labels of presentation mode (the projector slides of a committee meeting)."""

MESSAGES = {
    "page.present": ("Trình chiếu", "Presentation"),
    "present.open": ("Trình chiếu", "Present"),
    "present.open_help": (
        "Mở chế độ trình chiếu cho cuộc họp: không thanh bên, chữ lớn, năm trang chiếu; "
        "phím ← → để chuyển trang.",
        "Open presentation mode for the meeting: no sidebar, large type, five slides; "
        "← → keys change slides.",
    ),
    "present.exit": ("Thoát trình chiếu", "Exit"),
    "present.previous": ("Trước", "Previous"),
    "present.next": ("Tiếp", "Next"),
    "present.counter": ("Trang {number}/{count}", "Slide {number}/{count}"),
    "present.auto_on": ("tự chuyển {seconds} giây", "next every {seconds} s"),
    "present.auto_paused": ("tự chuyển: tạm dừng", "auto-advance paused"),
    "present.pause": ("Tạm dừng", "Pause"),
    "present.resume": ("Tiếp tục", "Resume"),
    "present.tile_reported": ("{current}/{total} xã đã báo cáo", "{current}/{total} reported"),
    "present.and_more": ("và {count} xã khác", "and {count} more"),
    # Without "see the Ranking page": no other page can be reached while presenting.
    "present.score_note": (
        "Điểm tổng hợp: trung bình % hoàn thành mục tiêu (tối đa 100%) của các chỉ tiêu có "
        "số liệu.",
        "Composite score: mean progress to target (capped at 100%) over the indicators with data.",
    ),
    "present.rank": ("hạng {rank}/{count}", "rank {rank} of {count}"),
    "present.synthetic": ("Dữ liệu mô phỏng", "Synthetic demo data"),
    "present.slide.indicators": ("{count} chỉ tiêu của chiến dịch", "{count} campaign indicators"),
    "present.slide.map": ("Bản đồ điểm tổng hợp các xã", "Communes by composite score"),
    "present.slide.groups": ("Các nhóm đối tượng", "Target groups"),
    "present.slide.weakest": ("Mười xã, phường yếu nhất", "The ten weakest communes"),
    "present.slide.changes": ("Thay đổi từ cuộc họp {date}", "Changes since the {date} meeting"),
    "present.indicator_changes": (
        "Chỉ tiêu: thay đổi từ cuộc họp",
        "Indicators: change since the meeting",
    ),
    "present.map_note": (
        "Số 1–{count}: các xã yếu nhất (trang sau). Màu xám: chưa có số liệu.",
        "Numbers 1–{count}: the weakest communes (next slide). Grey: no data.",
    ),
    "present.no_shapes": (
        "Chưa có ranh giới xã nào trong cơ sở dữ liệu.",
        "No commune boundaries in the database yet.",
    ),
    "present.bad_slide": (
        "Trang chiếu «{value}» trong đường dẫn không hợp lệ (cần số từ 1 đến {count}); mở trang 1.",
        "Slide «{value}» in the link is not valid (a number from 1 to {count} expected); "
        "showing slide 1.",
    ),
    "present.bad_advance": (
        "Thời gian tự chuyển «{value}» không hợp lệ (cần số giây từ {low} đến {high}); "
        "tắt tự chuyển.",
        "Auto-advance «{value}» is not valid (seconds from {low} to {high} expected); "
        "auto-advance is off.",
    ),
}
