"""Messages of the importers (command line and Data page), in Vietnamese and English."""

from __future__ import annotations

from i18n.catalogue.import_files import FILE_MESSAGES
from i18n.catalogue.import_setup import CHECK_MESSAGES, KIND_LABELS, RULE_MESSAGES

MESSAGES = {
    **FILE_MESSAGES,
    **RULE_MESSAGES,
    **CHECK_MESSAGES,
    **KIND_LABELS,
    "import.not_allowed": (
        "tài khoản «{user}» không có quyền nhập loại dữ liệu này; không có gì thay đổi.",
        "account «{user}» may not load this kind of data; nothing was changed.",
    ),
    "import.not_your_commune": (
        "xã/phường này không thuộc phạm vi nhập liệu của bạn.",
        "this commune is not one you may report for.",
    ),
    "rollback.not_allowed": (
        "Tài khoản «{user}» không có quyền hoàn tác lần nhập #{batch}.",
        "Account «{user}» may not roll back import #{batch}.",
    ),
    "import.row_prefix": (
        "Dòng {row}, cột «{column}», giá trị «{value}»: ",
        "Row {row}, column «{column}», value «{value}»: ",
    ),
    "import.file_prefix": ("Tệp: ", "File: "),
    "import.unreadable": (
        "không đọc được tệp ({detail}). Cần CSV (UTF-8, dấu phẩy hoặc chấm phẩy) hoặc XLSX.",
        "the file cannot be read ({detail}). CSV (UTF-8, comma or semicolon) or XLSX expected.",
    ),
    "import.no_sheet": (
        "không có trang tính «{sheet}»; tệp có các trang: {sheets}.",
        "there is no sheet «{sheet}»; the workbook's sheets are: {sheets}.",
    ),
    "import.empty": ("tệp không có dòng dữ liệu nào.", "the file has no data rows."),
    "import.missing_column": (
        "thiếu cột «{column}» (tên khác được chấp nhận: {aliases}).",
        "column «{column}» is missing (accepted names: {aliases}).",
    ),
    "import.duplicate_column": (
        "hai cột cùng nghĩa «{column}».",
        "two columns mean «{column}».",
    ),
    "import.missing": ("thiếu giá trị.", "the value is missing."),
    "import.not_a_number": ("không phải là số.", "is not a number."),
    "import.ambiguous_number": (
        "số không rõ nghĩa: viết 1234 hoặc 1.234 cho một nghìn hai trăm ba mươi tư, "
        "1,5 cho một phẩy năm.",
        "ambiguous number: write 1234 or 1.234 for one thousand two hundred thirty-four, "
        "1,5 for one and a half.",
    ),
    "import.negative": ("số âm không hợp lệ.", "a negative number is not allowed."),
    "import.not_whole": ("cần một số nguyên.", "a whole number is expected."),
    "import.bad_date": (
        "ngày không hợp lệ (cần YYYY-MM-DD hoặc DD/MM/YYYY).",
        "not a valid date (YYYY-MM-DD or DD/MM/YYYY expected).",
    ),
    "import.future_date": (
        "ngày ở tương lai (hôm nay là {today}).",
        "the date is in the future (today is {today}).",
    ),
    "import.outside_stage": (
        "ngày nằm ngoài giai đoạn {stage} ({start} → {deadline}).",
        "the date is outside stage {stage} ({start} → {deadline}).",
    ),
    "import.no_stage": (
        "ngày không thuộc giai đoạn nào của chiến dịch.",
        "the date is in no stage of the campaign.",
    ),
    "import.unknown_commune": (
        "không có xã/phường (hoặc thôn) mã này.",
        "no commune (or village) has this code.",
    ),
    "import.unknown_indicator": ("không có chỉ tiêu mã này.", "no indicator has this code."),
    "import.not_in_stage": (
        "chỉ tiêu này không thuộc giai đoạn {stage}.",
        "this indicator is not part of stage {stage}.",
    ),
    "import.numerator_above_denominator": (
        "tử số lớn hơn mẫu số ({denominator}).",
        "the numerator is above the denominator ({denominator}).",
    ),
    "import.denominator_for_count": (
        "chỉ tiêu đếm không có mẫu số; để trống ô này.",
        "a count indicator has no denominator; leave this cell empty.",
    ),
    "import.duplicate_row": (
        "trùng xã + chỉ tiêu + ngày với dòng {first}.",
        "the same commune + indicator + date as row {first}.",
    ),
    "import.decrease": (
        "giá trị lũy kế giảm so với báo cáo trước ({previous} ngày {date}). "
        "Xác nhận (hoặc --allow-decrease) nếu đúng.",
        "the cumulative value is lower than the previous report ({previous} on {date}). "
        "Confirm (or --allow-decrease) if it is right.",
    ),
    "import.far_from_population": (
        "mẫu số khác xa dân số đăng ký của nhóm đối tượng ({population}).",
        "the denominator is far from the registered population of the target group ({population}).",
    ),
    "import.unknown_code": (
        "không có mã này trong danh mục «{catalogue}».",
        "no such code in the «{catalogue}» list.",
    ),
    "import.bad_choice": (
        "giá trị không hợp lệ; chọn một trong: {choices}.",
        "not a valid value; one of: {choices}.",
    ),
    "import.bad_phone": (
        "số điện thoại không hợp lệ (chỉ gồm chữ số, có thể có +, dấu cách, dấu chấm, gạch nối).",
        "not a phone number (digits, optionally with +, spaces, dots or dashes).",
    ),
    "import.bad_email": (
        "địa chỉ thư điện tử không hợp lệ (dạng ten@donvi.gov.vn).",
        "not an e-mail address (like name@agency.gov.vn).",
    ),
    "import.bad_code": (
        "mã không hợp lệ (cần {digits} chữ số).",
        "malformed code ({digits} digits expected).",
    ),
    "import.bad_parent": (
        "mã cấp trên không phù hợp với loại địa bàn.",
        "the parent code does not fit the kind of locality.",
    ),
    "import.same_file": (
        "Tệp này đã được nhập (đợt #{batch}); không có gì thay đổi.",
        "This file was already imported (batch #{batch}); nothing changed.",
    ),
    "import.nothing_new": (
        "Mọi giá trị trong tệp đã có sẵn; không có gì thay đổi.",
        "Every value in the file is already stored; nothing changed.",
    ),
    "import.committed": (
        "Đã nhập đợt #{batch}: {added} dòng mới, {replaced} dòng thay thế, "
        "{unchanged} dòng không đổi.",
        "Imported batch #{batch}: {added} rows added, {replaced} replaced, {unchanged} unchanged.",
    ),
    "import.dry_run": (
        "Chạy thử: hợp lệ; sẽ thêm {added} dòng, thay thế {replaced}, không đổi {unchanged}. "
        "Chưa ghi gì.",
        "Dry run: valid; would add {added} rows, replace {replaced}, leave {unchanged} unchanged. "
        "Nothing written.",
    ),
    "import.rejected": (
        "Tệp bị từ chối: {errors} lỗi, {warnings} cảnh báo. Không có gì thay đổi.",
        "The file was rejected: {errors} errors, {warnings} warnings. Nothing changed.",
    ),
    "import.needs_confirmation": (
        "Có {warnings} cảnh báo cần xác nhận (--allow-decrease). Không có gì thay đổi.",
        "{warnings} warnings need confirmation (--allow-decrease). Nothing changed.",
    ),
    "rollback.done": (
        "Đã hoàn tác đợt #{batch}: xóa {deleted} dòng, khôi phục {restored} dòng.",
        "Rolled back batch #{batch}: {deleted} rows removed, {restored} restored.",
    ),
    "rollback.unknown": ("Không có đợt nhập #{batch}.", "There is no import batch #{batch}."),
    "rollback.already": (
        "Đợt #{batch} đã được hoàn tác.",
        "Batch #{batch} is already rolled back.",
    ),
    "rollback.seed": (
        "Đợt #{batch} là dữ liệu mẫu ban đầu; không hoàn tác được.",
        "Batch #{batch} is the initial demo data; it cannot be rolled back.",
    ),
    "rollback.later": (
        "Đợt #{later} sau đó đã sửa dữ liệu của đợt #{batch}; hãy hoàn tác đợt #{later} trước.",
        "Later batch #{later} changed data of batch #{batch}; roll back batch #{later} first.",
    ),
    "rollback.in_use": (
        "Không hoàn tác được đợt #{batch}: dữ liệu khác đang dùng các dòng nó đã thêm.",
        "Batch #{batch} cannot be rolled back: other data uses rows it added.",
    ),
}
