"""Report entry and approval: the form, the approval list and their messages."""

from __future__ import annotations

MESSAGES = {
    "entry.unknown_place": (
        "Không có xã/phường «{commune}» trong giai đoạn «{stage}» của tỉnh.",
        "No commune «{commune}» in the province's stage «{stage}».",
    ),
    "entry.locked": (
        "Kỳ báo cáo này đang ở trạng thái «{status}»: không sửa được nữa.",
        "This period is «{status}»: it can no longer be changed.",
    ),
    "entry.nothing_entered": (
        "Chưa nhập số liệu nào cho kỳ này.",
        "No value has been entered for this period.",
    ),
    "entry.comment_needed": (
        "Hãy ghi nhận xét để xã biết cần sửa gì.",
        "Write a comment so the commune knows what to fix.",
    ),
    "entry.reason_needed": (
        "Hãy ghi lý do mở lại kỳ đã duyệt.",
        "Give the reason for reopening the approved period.",
    ),
    "entry.reason_too_long": (
        "Nội dung dài quá {limit} ký tự.",
        "The text is longer than {limit} characters.",
    ),
    "entry.not_submitted": (
        "Kỳ này chưa được gửi duyệt (hoặc đã được xử lý).",
        "This period has not been submitted (or was already handled).",
    ),
    "entry.not_approved": (
        "Chỉ mở lại được kỳ đã duyệt.",
        "Only an approved period can be reopened.",
    ),
    "entry.status.draft": ("Bản nháp", "Draft"),
    "entry.status.submitted": ("Đã gửi duyệt", "Submitted"),
    "entry.status.returned": ("Bị trả lại", "Returned"),
    "entry.status.approved": ("Đã duyệt", "Approved"),
    "entry.status.reopened": ("Đã mở lại", "Reopened"),
    "entry.action.entered": ("Nhập", "Entered"),
    "entry.action.submitted": ("Gửi duyệt", "Submitted"),
    "entry.action.returned": ("Trả lại", "Returned"),
    "entry.action.approved": ("Duyệt", "Approved"),
    "entry.action.reopened": ("Mở lại", "Reopened"),
}
