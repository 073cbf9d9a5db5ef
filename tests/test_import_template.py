"""The report template: chosen communes, Vietnamese or English headers, the indicator's kind,
the last value for reference, an XLSX with a frozen header and instructions — and the importer
takes a partly filled template back."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from data_access.accounts.actors import Actor
from data_access.cli import main
from data_access.importers.headers import REPORT_COLUMNS, REPORT_REQUIRED, map_headers
from data_access.importers.reading import read_table
from data_access.importers.template import build_template_frame, template_bytes
from data_access.importers.template_files import HEADERS
from data_access.importers.writing import import_reports
from tests.import_helpers import stored_value

AS_OF = date(2026, 11, 18)
TODAY = date(2026, 11, 22)


@pytest.fixture
def cli_env(seeded_engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", seeded_engine.url.render_as_string(hide_password=False))


def test_communes_language_kind_and_last_values(cli_env, seeded_engine, tmp_path):
    out = tmp_path / "t.csv"
    args = ["template", "--as-of", "2026-11-18", "--commune", "40001", "40002", "--lang", "en"]
    assert main([*args, "--out", str(out)]) == 0
    frame = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame.columns) == list(HEADERS["en"].values())
    assert sorted(set(frame["Commune code"])) == ["40001", "40002"] and len(frame) == 20
    kinds = frame.set_index("Indicator code")["Kind"].to_dict()
    assert kinds["CT01"] == "percent" and kinds["CT07"].startswith("count")
    mine = frame[(frame["Commune code"] == "40001") & (frame["Indicator code"] == "CT01")].iloc[0]
    numerator, denominator, _ = stored_value(seeded_engine, "40001", "CT01", "2026-11-16")
    assert mine["Last report date"] == "2026-11-16"
    assert float(mine["Last numerator"]) == numerator
    assert float(mine["Last denominator"]) == denominator
    counted = frame[frame["Indicator code"] == "CT07"].iloc[0]
    assert counted["Last denominator"] == ""


def test_xlsx_has_a_frozen_header_dates_and_bilingual_instructions(seeded_engine):
    frame = build_template_frame(seeded_engine, as_of=AS_OF, stage_code=None, lang="vi")
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(frame, "xlsx", "vi")))
    data, guide = book.worksheets
    assert data.freeze_panes == "A2" and data["A1"].value == "Mã xã"
    assert data["F2"].value == datetime(2026, 11, 18) and data["F2"].number_format == "DD/MM/YYYY"
    text = " ".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "Hướng dẫn" in text and "How to fill in" in text


@pytest.mark.parametrize("lang", ["vi", "en", None])
def test_template_headers_map_to_the_report_columns_and_extras_are_ignored(lang):
    names = HEADERS.get(lang or "", {})
    columns = [names.get(c, c) for c in HEADERS["vi"]]
    frame = pd.DataFrame([["x"] * len(columns)], columns=columns).assign(row=2)
    mapped, problems = map_headers(frame, REPORT_COLUMNS, REPORT_REQUIRED)
    assert problems == []
    assert set(mapped.attrs["headers"]) == set(REPORT_COLUMNS)


def _fill(frame: pd.DataFrame, rows: int) -> pd.DataFrame:
    """The first `rows` rows filled with their last value + 1 (within the denominator)."""
    filled = frame.copy()
    for i in range(rows):
        last, den = filled.loc[i, "last_numerator"], filled.loc[i, "last_denominator"]
        value = last + 1 if pd.isna(den) or last + 1 <= den else last
        filled.loc[i, "numerator"] = str(int(value))
        filled.loc[i, "denominator"] = "" if pd.isna(den) else str(int(den))
    return filled


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_importer_accepts_its_own_template_filled_in_part(seeded_engine, fmt, lang):
    frame = build_template_frame(seeded_engine, as_of=AS_OF, stage_code=None, lang=lang)
    data = template_bytes(_fill(frame, 3), fmt, lang)
    if fmt == "xlsx":  # staff type the figures in Excel: numbers, not text
        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book.worksheets[0]
        for (cell,) in sheet.iter_rows(min_row=2, max_row=4, min_col=7, max_col=7):
            cell.value = int(cell.value)
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    assert "commune_code" not in read_table(data, f"t.{fmt}").columns  # headers as shown
    outcome = import_reports(
        seeded_engine,
        data,
        f"t.{fmt}",
        actor=Actor(name="t"),
        dry_run=True,
        today=TODAY,
        allow_decrease=True,
    )
    assert outcome.status == "dry_run", [p.bilingual() for p in outcome.errors[:3]]
    assert outcome.added == 3 and outcome.skipped == len(frame) - 3
    assert f"{len(frame) - 3} dòng để trống" in outcome.summary("vi")
    assert f"{len(frame) - 3} rows left empty" in outcome.summary("en")


def test_an_untouched_template_changes_nothing_and_says_so(seeded_engine):
    frame = build_template_frame(seeded_engine, as_of=AS_OF, stage_code=None)
    outcome = import_reports(
        seeded_engine, template_bytes(frame, "csv"), "t.csv", actor=Actor(name="t")
    )
    assert outcome.status == "nothing_new" and outcome.skipped == len(frame)
