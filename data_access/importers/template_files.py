"""Template files: the report template as CSV or XLSX, and an empty one per catalogue kind.

An XLSX template has its header row frozen and a second sheet of instructions in Vietnamese
and English; the importer reads the first sheet, so it accepts its own templates back.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from data_access.exports import write_rows
from data_access.importers import headers as h

# Headers of the report template per language. Each header the importer reads folds to one
# of its aliases (headers.REPORT_COLUMNS); the others fold to nothing it knows: ignored.
HEADERS = {
    "vi": {
        "commune_code": "Mã xã",
        "commune_name": "Tên xã",
        "indicator_code": "Mã chỉ tiêu",
        "indicator_name": "Tên chỉ tiêu",
        "kind": "Loại chỉ tiêu",
        "as_of": "Số liệu đến ngày",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "note": "Ghi chú",
        "last_as_of": "Lần báo cáo trước",
        "last_numerator": "Tử số lần trước",
        "last_denominator": "Mẫu số lần trước",
    },
    "en": {
        "commune_code": "Commune code",
        "commune_name": "Commune name",
        "indicator_code": "Indicator code",
        "indicator_name": "Indicator name",
        "kind": "Kind",
        "as_of": "As of",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "note": "Note",
        "last_as_of": "Last report date",
        "last_numerator": "Last numerator",
        "last_denominator": "Last denominator",
    },
}
# What the template says an indicator is, so staff know whether a denominator is wanted.
KIND_TEXT = {
    "vi": {"percent": "tỷ lệ %", "count": "số lượng (để trống mẫu số)"},
    "en": {"percent": "percent", "count": "count (leave the denominator empty)"},
}
# Names of the data sheet and the instructions sheet of an XLSX report template.
SHEETS = {"vi": ("bao_cao", "huong_dan"), "en": ("reports", "instructions")}
# The instructions sheet: one line per rule, Vietnamese beside English.
REPORT_INSTRUCTIONS = [
    ("Hướng dẫn điền mẫu báo cáo", "How to fill in the report template"),
    (
        "Mỗi dòng là một xã × một chỉ tiêu, số liệu lũy kế đến ngày ở cột «Số liệu đến ngày».",
        "Each row is one commune × one indicator, cumulative up to the date in «As of».",
    ),
    (
        "Điền Tử số. Chỉ tiêu tỷ lệ %: điền cả Mẫu số. Chỉ tiêu số lượng: để trống Mẫu số.",
        "Fill in the Numerator. A percent indicator also needs the Denominator; a count none.",
    ),
    (
        "Dòng để trống cả Tử số, Mẫu số và Ghi chú được bỏ qua khi nhập (và được đếm).",
        "Rows with Numerator, Denominator and Note all empty are skipped (and counted).",
    ),
    (
        "Không sửa mã xã, mã chỉ tiêu. Cột tên, loại và «lần trước» chỉ để tham khảo: khi nhập "
        "các cột này được bỏ qua.",
        "Do not change the codes. The name, kind and «last» columns are for reference: the "
        "import ignores them.",
    ),
    (
        "Số: 1234 hoặc 1.234; phần thập phân sau dấu phẩy (1,5). Ngày: DD/MM/YYYY hoặc "
        "YYYY-MM-DD. Người (cán bộ, học sinh…) là số nguyên.",
        "Numbers: 1234 or 1.234; decimals after a comma (1,5). Dates: DD/MM/YYYY or "
        "YYYY-MM-DD. People are whole numbers.",
    ),
    (
        "Nhập: trang «Nhập dữ liệu», hoặc python -m data_access import-reports TỆP.",
        "Import: the Data page, or python -m data_access import-reports FILE.",
    ),
]
# Empty template per kind: the columns of the sample files (canonical names), and the spec
# and required columns the instructions sheet describes.
CATALOGUE_TEMPLATES: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "localities": (h.LOCALITY_COLUMNS, h.LOCALITY_REQUIRED),
    "agencies": (h.AGENCY_COLUMNS, h.NAMED_REQUIRED),
    "task_groups": (h.TASK_GROUP_COLUMNS, h.NAMED_REQUIRED),
    "target_groups": (h.TARGET_GROUP_COLUMNS, h.TARGET_GROUP_REQUIRED),
    "campaign": (h.CAMPAIGN_COLUMNS, h.CAMPAIGN_REQUIRED),
    "indicators": (
        {k: v for k, v in h.INDICATOR_COLUMNS.items() if k not in h.INDICATOR_TARGET_COLUMNS},
        h.INDICATOR_REQUIRED,
    ),
    "targets": (h.TARGET_COLUMNS, h.TARGET_REQUIRED),
    "populations": (h.POPULATION_COLUMNS, h.POPULATION_REQUIRED),
    "reports": (h.REPORT_COLUMNS, h.REPORT_REQUIRED),
}
# Widths (characters) of the columns of an XLSX template: codes narrow, names wide.
NARROW, WIDE = 14, 40


def _xlsx(
    titles: tuple[str, str],
    rows: Sequence[Sequence[object]],
    instructions: Sequence[Sequence[object]],
    *,
    date_columns: Sequence[int] = (),
    date_format: str = "DD/MM/YYYY",
) -> bytes:
    book = Workbook()
    data = book.active
    data.title = titles[0]
    write_rows(data, [list(r) for r in rows])
    data.freeze_panes = "A2"
    for cell in data[1]:
        cell.font = Font(bold=True)
        width = WIDE if "name" in str(cell.value).lower() or "Tên" in str(cell.value) else NARROW
        data.column_dimensions[cell.column_letter].width = width
    for position in date_columns:
        for (cell,) in data.iter_rows(min_row=2, min_col=position, max_col=position):
            cell.number_format = date_format
    guide = book.create_sheet(titles[1])
    write_rows(guide, [list(r) for r in instructions])
    for column in ("A", "B", "C", "D"):
        guide.column_dimensions[column].width = 60 if column in "AB" else 30
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_template_bytes(frame: pd.DataFrame, fmt: str, lang: str | None) -> bytes:
    """The report template frame as CSV (UTF-8 with BOM) or XLSX, headers in `lang`."""
    names = HEADERS.get(lang or "", {})
    shown = frame.rename(columns=names)
    if fmt != "xlsx":
        return shown.to_csv(index=False).encode("utf-8-sig")
    dated = shown.copy()
    for column in ("as_of", "last_as_of"):
        label = names.get(column, column)
        if label in dated:
            dated[label] = pd.to_datetime(dated[label], errors="coerce").dt.date
            dated[label] = dated[label].astype(object).where(dated[label].notna(), None)
    positions = [i + 1 for i, c in enumerate(frame.columns) if c in ("as_of", "last_as_of")]
    rows = [list(dated.columns), *dated.itertuples(index=False, name=None)]
    fmt_date = "YYYY-MM-DD" if lang == "en" else "DD/MM/YYYY"
    return _xlsx(
        SHEETS["en" if lang == "en" else "vi"],
        rows,
        REPORT_INSTRUCTIONS,
        date_columns=positions,
        date_format=fmt_date,
    )


def catalogue_template_bytes(kind: str, fmt: str) -> bytes:
    """An empty template of `kind` (a key of CATALOGUE_TEMPLATES): the header row only."""
    spec, required = CATALOGUE_TEMPLATES[kind]
    header = list(spec)
    if fmt != "xlsx":
        return pd.DataFrame(columns=header).to_csv(index=False).encode("utf-8-sig")
    guide = [("Cột / Column", "Tên khác được chấp nhận / Accepted names", "Bắt buộc / Required")]
    guide += [
        (column, ", ".join(aliases), "có / yes" if column in required else "không / no")
        for column, aliases in spec.items()
    ]
    return _xlsx((kind, "huong_dan"), [header], guide)


def write_template_folder(folder: Path) -> list[Path]:
    """Write every kind's empty template as CSV and XLSX into `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in CATALOGUE_TEMPLATES:
        for fmt in ("csv", "xlsx"):
            path = folder / f"{kind}.{fmt}"
            path.write_bytes(catalogue_template_bytes(kind, fmt))
            written.append(path)
    return written
