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
    "page.entry": ("Nhập số liệu báo cáo", "Report entry"),
    "entry.tab_approval": ("Duyệt số liệu", "Approval"),
    "entry.tab_form": ("Nhập số liệu", "Enter figures"),
    "entry.commune": ("Xã/phường", "Commune"),
    "entry.period": ("Kỳ báo cáo", "Reporting period"),
    "entry.period_ending": ("Kỳ đến hết ngày {date}", "Period ending {date}"),
    "entry.status_line": ("Trạng thái: **{status}**", "Status: **{status}**"),
    "entry.returned_with": ("Bị trả lại với nhận xét:", "Returned with the comment:"),
    "entry.no_last_report": ("Chưa có báo cáo trước.", "No earlier report."),
    "entry.last_report": ("Báo cáo gần nhất ({date}): {value}", "Last report ({date}): {value}"),
    "entry.field.numerator": ("Tử số", "Numerator"),
    "entry.field.denominator": ("Mẫu số", "Denominator"),
    "entry.field.note": ("Ghi chú", "Note"),
    "entry.save_draft": ("Lưu nháp", "Save draft"),
    "entry.submit": ("Gửi duyệt", "Submit"),
    "entry.saved": ("Đã lưu bản nháp.", "Draft saved."),
    "entry.submitted": (
        "Đã gửi duyệt. Số liệu hiển thị trên bảng điều hành khi được duyệt.",
        "Submitted. The figures show on the dashboards once approved.",
    ),
    "entry.fix_before_submit": (
        "Còn {count} lỗi: sửa rồi gửi lại (bản nháp đã được lưu).",
        "{count} errors left: fix them, then submit again (the draft was saved).",
    ),
    "entry.locked_for_officer": (
        "Kỳ này đang ở trạng thái «{status}»: chỉ cán bộ dữ liệu mới mở lại được.",
        "This period is «{status}»: only a data officer can reopen it.",
    ),
    "entry.not_your_commune": (
        "Bạn không được nhập số liệu cho xã/phường này.",
        "You may not enter figures for this commune.",
    ),
    "entry.no_communes": (
        "Tài khoản của bạn chưa được giao xã/phường nào.",
        "Your account has no commune to report for.",
    ),
    "entry.no_periods": (
        "Giai đoạn này chưa có kỳ báo cáo nào kết thúc.",
        "No reporting period of this stage has ended yet.",
    ),
    "entry.status_filter": ("Trạng thái", "Status"),
    "entry.all": ("Tất cả", "All"),
    "entry.nothing_to_approve": ("Không có kỳ nào ở trạng thái này.", "No period has this status."),
    "entry.pick_period": ("Kỳ cần xem", "Period to review"),
    "entry.col.indicator": ("Chỉ tiêu", "Indicator"),
    "entry.col.last": ("Báo cáo trước", "Last report"),
    "entry.col.change": ("Thay đổi", "Change"),
    "entry.col.status": ("Trạng thái", "Status"),
    "entry.col.by": ("Người cập nhật", "Updated by"),
    "entry.approve": ("Duyệt", "Approve"),
    "entry.return_comment": ("Nhận xét khi trả lại", "Comment for the commune"),
    "entry.return": ("Trả lại", "Return"),
    "entry.reopen_reason": ("Lý do mở lại", "Reason for reopening"),
    "entry.reopen": ("Mở lại", "Reopen"),
    "entry.done.approved": (
        "Đã duyệt: số liệu hiển thị ngay trên bảng điều hành.",
        "Approved: the figures show on the dashboards at once.",
    ),
    "entry.done.returned": ("Đã trả lại cho xã.", "Returned to the commune."),
    "entry.done.reopened": ("Đã mở lại kỳ báo cáo.", "The period was reopened."),
}
