"""Files as commune staff send them, built byte by byte for the import tests."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook

# Where openpyxl writes the first sheet of a workbook.
FIRST_SHEET = "xl/worksheets/sheet1.xml"


def xlsx_bytes(
    *sheets: tuple[str, Sequence[Sequence[object]]], formats: dict | None = None
) -> bytes:
    """A workbook with the given (title, rows) sheets; `formats` maps a cell to a number format."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for coordinate, number_format in (formats or {}).items():
        book.worksheets[0][coordinate].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def patch_member(data: bytes, member: str, old: bytes, new: bytes) -> bytes:
    """The archive with `old` replaced by `new` in one member (to write what Excel would not)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                assert old in content, (old, content[:400])
                content = content.replace(old, new)
            target.writestr(info.filename, content)
    return out.getvalue()


MINIMAL_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="bao_cao" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def minimal_xlsx(sheet_xml: str) -> bytes:
    """The smallest XLSX Excel opens: one sheet of the given XML, nothing else."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in MINIMAL_PARTS.items():
            archive.writestr(name, text)
        archive.writestr(FIRST_SHEET, sheet_xml)
    return out.getvalue()


def dimension_bomb(*, far_cell: bool = True) -> bytes:
    """A 1.6 KB XLSX whose sheet declares itself A1:XFD2000 (16,384 columns x 2,000 rows).

    openpyxl pads every row to the declared width, so reading it the usual way fills 32 million
    cells. With `far_cell` the sheet really has a value in XFD2000 (so it is refused for its
    width); without, the declaration is all there is (so it reads as the two rows it holds).
    """
    last = '<row r="2000"><c r="XFD2000"><v>1</v></c></row>' if far_cell else '<row r="2000"/>'
    return minimal_xlsx(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:XFD2000"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ma_xa</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>tu_so</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>40001</t></is></c><c r="B2"><v>1</v></c>'
        f"</row>{last}</sheetData></worksheet>"
    )


def gzipped(data: bytes) -> bytes:
    """The bytes gzipped, as reports.csv.gz is."""
    return gzip.compress(data)
