"""Importer messages about files as staff send them: encodings, sheets, limits, odd cells."""

from __future__ import annotations

# How to turn a file into UTF-8 in Excel: the fix for every encoding message.
SAVE_AS_UTF8 = (
    "Trong Excel chọn Tệp → Lưu thành → «CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)» rồi nhập "
    "lại.",
    "In Excel choose File → Save As → «CSV UTF-8 (Comma delimited) (*.csv)» and import it again.",
)

FILE_MESSAGES = {
    "import.file_named_prefix": ("Tệp «{file}»: ", "File «{file}»: "),
    "import.line_prefix": ("dòng {row}: ", "row {row}: "),
    "import.not_utf8": (
        "tệp không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3 của Excel cũ). " + SAVE_AS_UTF8[0],
        "the file is not UTF-8 (perhaps Windows-1258 or TCVN3 from an older Excel). "
        + SAVE_AS_UTF8[1],
    ),
    "import.utf16_no_bom": (
        "tệp có vẻ là UTF-16 nhưng thiếu dấu BOM ở đầu. " + SAVE_AS_UTF8[0],
        "the file looks like UTF-16 without the byte-order mark at its start. " + SAVE_AS_UTF8[1],
    ),
    "import.duplicate_header": (
        "cột «{column}» có hai lần trong dòng tiêu đề (cột {first} và {second}); đổi tên hoặc "
        "xóa một cột.",
        "column «{column}» appears twice in the header row (columns {first} and {second}); "
        "rename or delete one.",
    ),
    "import.bad_csv_row": (
        "dòng có {found} ô nhưng dòng tiêu đề có {expected}; kiểm tra dấu phân cách và dấu ngoặc "
        "kép.",
        "the line has {found} cells but the header row {expected}; check separators and quotes.",
    ),
    "import.empty_sheet": (
        "trang tính «{sheet}» không có dữ liệu; tệp có các trang: {sheets}. Chọn trang bằng "
        "--sheet TÊN.",
        "sheet «{sheet}» holds no data; the workbook's sheets are: {sheets}. Choose one with "
        "--sheet NAME.",
    ),
    "import.too_large": (
        "tệp lớn {size} byte, vượt giới hạn {limit} byte (DASHBOARD_IMPORT_MAX_BYTES); hãy chia "
        "thành nhiều tệp nhỏ hơn.",
        "the file is {size} bytes, above the limit of {limit} bytes (DASHBOARD_IMPORT_MAX_BYTES); "
        "split it into smaller files.",
    ),
    "import.too_large_unpacked": (
        "tệp nén khi giải nén vượt {limit} byte; hãy chia thành nhiều tệp nhỏ hơn.",
        "the compressed file unpacks to more than {limit} bytes; split it into smaller files.",
    ),
    "import.too_many_rows": (
        "tệp có hơn {limit} dòng dữ liệu (DASHBOARD_IMPORT_MAX_ROWS); hãy chia thành nhiều tệp.",
        "the file has more than {limit} data rows (DASHBOARD_IMPORT_MAX_ROWS); split it.",
    ),
    "import.too_many_columns": (
        "có giá trị ở cột {column}, vượt quá {limit} cột (DASHBOARD_IMPORT_MAX_COLUMNS); xóa các "
        "cột thừa.",
        "there is a value in column {column}, beyond {limit} columns "
        "(DASHBOARD_IMPORT_MAX_COLUMNS); delete the extra columns.",
    ),
    "import.too_many_cells": (
        "tệp có hơn {limit} ô có dữ liệu (DASHBOARD_IMPORT_MAX_CELLS); hãy chia thành nhiều tệp.",
        "the file has more than {limit} non-empty cells (DASHBOARD_IMPORT_MAX_CELLS); split it.",
    ),
    "import.not_found": ("không tìm thấy tệp.", "the file does not exist."),
    "import.is_folder": (
        "đây là một thư mục, không phải một tệp.",
        "this is a folder, not a file.",
    ),
    "import.cannot_open": (
        "không mở được tệp ({detail}).",
        "the file cannot be opened ({detail}).",
    ),
    "import.file_name_control": (
        "tên tệp có ký tự điều khiển; hãy đổi tên tệp rồi nhập lại.",
        "the file name holds a control character; rename the file and import it again.",
    ),
    "import.control_character": (
        "ô có ký tự điều khiển ({code}), thường do sao chép từ phần mềm khác; hãy xóa ký tự này.",
        "the cell holds a control character ({code}), usually copied from other software; "
        "remove it.",
    ),
    "import.formula_without_value": (
        "ô có công thức «{formula}» nhưng chưa có giá trị đã tính; mở tệp bằng Excel, lưu lại "
        "(hoặc dán giá trị) rồi nhập lại.",
        "the cell holds the formula «{formula}» without a computed value; open the file in "
        "Excel and save it (or paste values), then import it again.",
    ),
    "import.bad_cell": (
        "ô không đọc được như một số ({detail}).",
        "the cell cannot be read as a number ({detail}).",
    ),
    "import.not_finite": ("không phải là một số hữu hạn.", "is not a finite number."),
    "import.date_out_of_range": (
        "ngày nằm ngoài khoảng cho phép ({first} → {last}).",
        "the date is outside the accepted range ({first} → {last}).",
    ),
    "import.too_long": (
        "dài {length} ký tự, tối đa {limit}.",
        "is {length} characters long, at most {limit}.",
    ),
    "import.rows_left_empty": (
        "{skipped} dòng để trống (chưa điền giá trị) được bỏ qua.",
        "{skipped} rows left empty (no value filled in) were skipped.",
    ),
    "import.busy": (
        "CSDL đang bận hoặc không kết nối được ({detail}); thử lại sau. Không có gì thay đổi.",
        "the database is busy or unreachable ({detail}); try again later. Nothing changed.",
    ),
    "import.unexpected": (
        "lỗi không mong đợi ({detail}); không có gì thay đổi. Hãy báo cho quản trị viên.",
        "unexpected error ({detail}); nothing changed. Please tell the administrator.",
    ),
}
