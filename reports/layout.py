"""The brief's page: A4 with an embedded Vietnamese-capable font, headings, tables, images."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Sequence
from pathlib import Path

import font_source_sans_pro
from fpdf import FPDF, FontFace

from charts.palette import STATUS_COLOURS
from reports.sections import Row

# Source Sans Pro (SIL OFL, from PyPI) covers every Vietnamese letter with its tone marks
# (Latin Extended Additional), checked glyph by glyph in tests/test_brief.py.
FONT_DIR = Path(font_source_sans_pro.font_directory)
FONT_NAME = "SourceSans"
FONT_FILES = {"": "SourceSansPro-Regular.ttf", "B": "SourceSansPro-Bold.ttf"}
# Portrait A4 with 15 mm margins: what a committee member prints and files.
MARGIN_MM = 15
# Body 10 pt and tables 9.5 pt stay readable printed; headings stand out at 13 pt.
BODY_PT, TABLE_PT, HEADING_PT, TITLE_PT, SMALL_PT = 10, 9.5, 13, 17, 8.5
# Status cell colours: the app's palette (charts.palette), with white or black text, whichever
# contrasts more with the fill (relative luminance above this threshold takes black).
DARK_FILL_LUMINANCE = 0.45


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _text_on(fill: tuple[int, int, int]) -> tuple[int, int, int]:
    red, green, blue = (channel / 255 for channel in fill)
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return (0, 0, 0) if luminance > DARK_FILL_LUMINANCE else (255, 255, 255)


STATUS_FILL: dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    status: (_rgb(colour), _text_on(_rgb(colour))) for status, colour in STATUS_COLOURS.items()
}
# Light grey headings and zebra rows: visible on paper, cheap on toner.
HEADING_FILL, ZEBRA_FILL = (225, 230, 238), (246, 247, 250)
WARNING_FILL = (255, 236, 179)


class BriefDocument(FPDF):
    """A4 pages in Source Sans Pro; the footer is `footer_text(page, pages alias)`."""

    def __init__(self, footer_text: Callable[[int, str], str]) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_text = footer_text
        for style, file_name in FONT_FILES.items():
            self.add_font(FONT_NAME, style, str(FONT_DIR / file_name))
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM + 3)
        self.alias_nb_pages()
        self.set_font(FONT_NAME, size=BODY_PT)

    def footer(self) -> None:
        """Page footer: as-of date and page number on every page."""
        self.set_y(-MARGIN_MM + 2)
        self.set_font(FONT_NAME, size=SMALL_PT)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self._footer_text(self.page_no(), "{nb}"), align="C")
        self.set_text_color(0, 0, 0)

    @property
    def content_width(self) -> float:
        """Width between the margins, in mm."""
        return self.w - self.l_margin - self.r_margin

    def title_block(self, title: str, subtitle: str) -> None:
        """The brief's title and the campaign line under it."""
        self.set_font(FONT_NAME, "B", TITLE_PT)
        self.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT_NAME, size=BODY_PT + 1)
        self.multi_cell(0, 6, subtitle, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Label: value lines (the date and the filters)."""
        self.set_font(FONT_NAME, "B", BODY_PT)
        label_width = max(self.get_string_width(label + ":") for label, _ in pairs) + 4
        for label, value in pairs:
            self.set_font(FONT_NAME, "B", BODY_PT)
            self.cell(label_width, 5.5, label + ":")
            self.set_font(FONT_NAME, size=BODY_PT)
            self.multi_cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")

    def warning(self, text: str) -> None:
        """A shaded one-line notice (the synthetic-data warning)."""
        self.ln(1)
        self.set_font(FONT_NAME, "B", BODY_PT)
        self.set_fill_color(*WARNING_FILL)
        self.multi_cell(0, 7, text, fill=True, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def keep_together(self, height_mm: float) -> None:
        """Start a new page unless `height_mm` still fits on this one."""
        if self.get_y() + height_mm > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, *, keep_mm: float = 40) -> None:
        """A section heading, moved to a new page when less than `keep_mm` would follow it."""
        self.keep_together(keep_mm)
        self.ln(3)
        self.set_font(FONT_NAME, "B", HEADING_PT)
        self.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(60, 60, 60)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def subheading(self, text: str) -> None:
        """A bold line introducing a table inside a section."""
        self.set_font(FONT_NAME, "B", BODY_PT + 0.5)
        self.multi_cell(0, 5.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, *, size: float = SMALL_PT) -> None:
        """Explanatory small print."""
        self.set_font(FONT_NAME, size=size)
        self.set_text_color(60, 60, 60)
        self.multi_cell(0, size * 0.45, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def table_of(
        self,
        headers: Sequence[str],
        rows: Sequence[Row],
        *,
        widths: Sequence[float],
        aligns: Sequence[str],
        status_column: int | None = None,
    ) -> None:
        """A table with a shaded heading row; the status column is filled with its colour."""
        self.set_font(FONT_NAME, size=TABLE_PT)
        self.set_draw_color(170, 170, 170)
        self.set_fill_color(255, 255, 255)
        headings = FontFace(emphasis="BOLD", fill_color=HEADING_FILL)
        with self.table(
            cell_fill_mode="ROWS",
            cell_fill_color=ZEBRA_FILL,
            col_widths=widths,
            width=self.content_width,
            headings_style=headings,
            line_height=TABLE_PT * 0.46,
            padding=(0.8, 1.2),
            text_align="LEFT",
            v_align="MIDDLE",
        ) as table:
            heading = table.row()
            for text, align in zip(headers, aligns, strict=True):
                heading.cell(text, align="C" if align != "L" else "L")
            for row in rows:
                cells = table.row()
                for column, (text, align) in enumerate(zip(row.cells, aligns, strict=True)):
                    style = None
                    if column == status_column and row.status in STATUS_FILL:
                        fill, colour = STATUS_FILL[row.status]
                        style = FontFace(emphasis="BOLD", color=colour, fill_color=fill)
                    cells.cell(text, align=align, style=style)
        self.ln(2)

    def image_png(self, png: bytes, *, width_mm: float, caption: str | None = None) -> None:
        """A PNG centred at `width_mm`, with an optional caption above it, kept on one page."""
        width_px, height_px = struct.unpack(">II", png[16:24])  # the PNG header's IHDR chunk
        self.keep_together(width_mm * height_px / width_px + (12 if caption else 4))
        if caption:
            self.paragraph(caption, size=BODY_PT - 0.5)
        x = self.l_margin + (self.content_width - width_mm) / 2
        self.image(io.BytesIO(png), x=x, w=width_mm)
        self.ln(2)
