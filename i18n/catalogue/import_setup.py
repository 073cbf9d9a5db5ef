"""Importer messages for setting a province up: catalogues, campaign, plausibility, edits,
the setup checklist, and the names of batch kinds the import history shows."""

from __future__ import annotations

RULE_MESSAGES = {
    "import.not_a_province": (
        "mã này không phải là một tỉnh/thành phố trong danh mục địa bàn.",
        "this code is not a province in the locality register.",
    ),
    "import.not_a_commune": (
        "mã này không phải là một xã/phường/đặc khu trong danh mục địa bàn.",
        "this code is not a commune-level unit in the locality register.",
    ),
    "import.deadline_before_start": (
        "hạn chót trước ngày bắt đầu ({start}).",
        "the deadline is before the start date ({start}).",
    ),
    "import.not_positive": ("cần một số nguyên dương.", "a positive whole number is expected."),
    "import.conflicting_rows": (
        "khác với dòng {first} của cùng chiến dịch.",
        "differs from row {first} of the same campaign.",
    ),
    "import.percent_above": (
        "tỷ lệ phần trăm vượt {limit} (DASHBOARD_MAX_PERCENT_TARGET).",
        "a percentage above {limit} (DASHBOARD_MAX_PERCENT_TARGET).",
    ),
    "import.out_of_range": (
        "cần một giá trị từ {low} đến {high}.",
        "a value from {low} to {high} is expected.",
    ),
    "import.too_many_decimals": (
        "chỉ tiêu này nhận số người/đơn vị nguyên (tối đa {decimals} chữ số thập phân).",
        "this indicator counts whole units (at most {decimals} decimal places).",
    ),
    "import.implausible_count": (
        "lớn hơn {factor} lần dân số đăng ký của nhóm đối tượng ({population}); kiểm tra lại "
        "(DASHBOARD_MAX_PER_PERSON).",
        "is more than {factor} times the registered population of the target group "
        "({population}); check it (DASHBOARD_MAX_PER_PERSON).",
    ),
    "import.outside_province": (
        "xã/phường này thuộc tỉnh {province}, không thuộc tỉnh của chiến dịch ({campaign}).",
        "this commune belongs to province {province}, not to the campaign's province ({campaign}).",
    ),
    "import.no_campaign": (
        "tỉnh {province} của xã/phường này chưa có chiến dịch nào (nạp bằng import-campaign).",
        "province {province} of this commune has no campaign yet (load one with import-campaign).",
    ),
    "edit.unknown": (
        "Không có mã «{code}» trong danh mục «{catalogue}».",
        "There is no code «{code}» in the «{catalogue}» list.",
    ),
    "edit.empty_name": ("Tên không được để trống.", "A name cannot be empty."),
    "edit.bad_text": (
        "Tên có ký tự điều khiển hoặc dài quá {limit} ký tự.",
        "The name holds a control character or is longer than {limit} characters.",
    ),
    "edit.deadline_before_start": (
        "Hạn chót {deadline} trước ngày bắt đầu {start} của giai đoạn.",
        "The deadline {deadline} is before the stage's start date {start}.",
    ),
    "edit.bad_period": (
        "Kỳ báo cáo cần là số ngày nguyên dương.",
        "The reporting period must be a positive number of days.",
    ),
    "edit.no_target": (
        "Chỉ tiêu {indicator} không có mục tiêu toàn tỉnh trong giai đoạn {stage}.",
        "Indicator {indicator} has no province-wide target in stage {stage}.",
    ),
    "edit.saved": (
        "Đã lưu thay đổi (đợt #{batch}); có thể hoàn tác bằng rollback {batch}.",
        "Saved (batch #{batch}); `rollback {batch}` undoes it.",
    ),
}

CHECK_MESSAGES = {
    "check.localities": ("Danh mục địa bàn", "Locality register"),
    "check.boundaries": ("Ranh giới xã (tùy chọn)", "Commune boundaries (optional)"),
    "check.agencies": ("Cơ quan phụ trách", "Responsible agencies"),
    "check.task_groups": ("Nhóm nhiệm vụ", "Task groups"),
    "check.target_groups": ("Nhóm đối tượng", "Target groups"),
    "check.campaign": ("Chiến dịch và giai đoạn", "Campaign and stages"),
    "check.indicators": ("Chỉ tiêu và mục tiêu", "Indicators and targets"),
    "check.populations": ("Dân số theo nhóm đối tượng", "Target-group populations"),
    "check.reports": ("Báo cáo của xã", "Commune reports"),
    "check.present": ("đã có", "present"),
    "check.missing": ("còn thiếu", "missing"),
    "check.optional": ("chưa có (tùy chọn)", "not loaded (optional)"),
    "check.detail_localities": (
        "{provinces} tỉnh, {communes} xã/phường, {villages} thôn/tổ",
        "{provinces} provinces, {communes} communes, {villages} villages",
    ),
    "check.detail_boundaries": (
        "{with_shape}/{communes} xã có ranh giới",
        "{with_shape}/{communes} communes have a boundary",
    ),
    "check.detail_count": ("{count} mục", "{count} entries"),
    "check.detail_campaign": (
        "{campaigns} chiến dịch, {stages} giai đoạn",
        "{campaigns} campaigns, {stages} stages",
    ),
    "check.detail_indicators": (
        "{indicators} chỉ tiêu; {stages_without} giai đoạn chưa có mục tiêu",
        "{indicators} indicators; {stages_without} stages without targets",
    ),
    "check.detail_populations": (
        "{missing} cặp xã × nhóm đối tượng chưa có dân số",
        "{missing} commune × target-group pairs without a population",
    ),
    "check.detail_reports": (
        "{reports} báo cáo, mới nhất {latest}",
        "{reports} reports, latest {latest}",
    ),
    "check.complete": (
        "Tỉnh đã đủ dữ liệu cho bảng điều hành.",
        "The province has everything the dashboard needs.",
    ),
    "check.incomplete": (
        "Còn thiếu {missing} mục; nạp theo thứ tự trên.",
        "{missing} items are missing; load them in the order above.",
    ),
}

KIND_LABELS = {
    "data.kind_boundaries": ("ranh giới", "boundaries"),
    "data.kind_agencies": ("cơ quan", "agencies"),
    "data.kind_task_groups": ("nhóm nhiệm vụ", "task groups"),
    "data.kind_target_groups": ("nhóm đối tượng", "target groups"),
    "data.kind_campaign": ("chiến dịch", "campaign"),
    "data.kind_targets": ("mục tiêu", "targets"),
    "data.kind_edit": ("sửa một mục", "one-row edit"),
}
