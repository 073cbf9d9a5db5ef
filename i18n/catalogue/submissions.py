"""Submissions per commune and period, reminders to communes, the include-submitted preview."""

from __future__ import annotations

MESSAGES = {
    "submissions.header": ("Gửi duyệt theo kỳ", "Submissions per period"),
    "submissions.rule": (
        "Mỗi xã, mỗi kỳ báo cáo: «đã duyệt» khi bảng điều hành có số liệu của kỳ (tệp do cán bộ "
        "dữ liệu nhập hoặc số liệu đã duyệt), «đã gửi» khi đang chờ duyệt, «còn thiếu» khi chưa "
        "gửi. Kỳ hiện tại: {start} → {end}.",
        "Each commune, each reporting period: «approved» when the dashboards hold its figures "
        "for the period (a data officer's import or approved entries), «submitted» while it "
        "awaits approval, «missing» when nothing was submitted. Current period: {start} → {end}.",
    ),
    "submissions.state.approved": ("đã duyệt", "approved"),
    "submissions.state.submitted": ("đã gửi", "submitted"),
    "submissions.state.missing": ("còn thiếu", "missing"),
    "submissions.metric.approved": (
        "Xã đã duyệt (kỳ hiện tại)",
        "Communes approved (current period)",
    ),
    "submissions.metric.submitted": ("Xã chờ duyệt", "Communes awaiting approval"),
    "submissions.metric.missing": ("Xã còn thiếu", "Communes missing"),
    "import.submitted": (
        "Đã gửi duyệt {periods} kỳ báo cáo: số liệu hiện trên bảng điều hành khi cán bộ dữ liệu "
        "duyệt.",
        "{periods} reporting periods submitted for approval: the dashboards show them once a "
        "data officer approves.",
    ),
    "entry.outside_stages": (
        "ngày này không thuộc giai đoạn nào của kế hoạch.",
        "this date lies in no stage of the campaign.",
    ),
    "submissions.upload_submits": (
        "Tệp của xã được gửi duyệt như biểu mẫu nhập: số liệu hiện trên bảng điều hành khi cán "
        "bộ dữ liệu duyệt.",
        "A commune's file is submitted for approval like the entry form: the dashboards show "
        "it once a data officer approves.",
    ),
    "submissions.empty": ("Chưa có kỳ báo cáo nào.", "No reporting period yet."),
}
MESSAGES.update(
    {
        "reminders.header": ("Nhắc xã chưa gửi báo cáo", "Reminders: communes yet to submit"),
        "reminders.caption": (
            "{count} xã chưa gửi kỳ kết thúc ngày {date}, kèm cán bộ đầu mối trong danh mục.",
            "{count} communes have not submitted the period ending {date}; their focal points "
            "are from the register.",
        ),
        "reminders.none": (
            "Mọi xã đã gửi kỳ kết thúc ngày {date}.",
            "Every commune has submitted the period ending {date}.",
        ),
        "reminders.copy": ("Văn bản để sao chép", "Text to copy"),
        "reminders.col.commune_code": ("Mã xã", "Code"),
        "reminders.col.commune_name": ("Xã/phường", "Commune"),
        "reminders.col.focal_name": ("Cán bộ đầu mối", "Focal point"),
        "reminders.col.focal_phone": ("Điện thoại", "Phone"),
        "reminders.col.focal_email": ("Thư điện tử", "E-mail"),
    }
)
MESSAGES.update(
    {
        "history.header": ("Lịch sử số liệu nhập", "History of entered values"),
        "history.indicator": ("Chỉ tiêu", "Indicator"),
        "history.empty": (
            "Chưa có số liệu nào của chỉ tiêu này được nhập qua biểu mẫu.",
            "No value of this indicator has been entered through the form.",
        ),
        "history.col.at": ("Thời điểm", "When"),
        "history.col.period": ("Kỳ báo cáo", "Period"),
        "history.col.action": ("Thao tác", "Step"),
        "history.col.by": ("Người thực hiện", "By"),
        "history.col.change": ("Cũ → mới", "Old → new"),
        "history.col.reason": ("Nhận xét / lý do", "Comment / reason"),
    }
)
