"""The meeting brief: its PDF text against the raw reports, filters, font coverage, command line."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
import vl_convert
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from charts.score_map import _score_domain, score_board, score_map_chart
from figures.reader import PlainReader
from i18n import CATALOGUE, translate
from i18n.formats import format_date, format_number, format_percent, format_value
from reports.brief import build_brief_pdf
from reports.cli import main as brief_cli
from reports.content import BriefInputError, gather_content, resolve_request
from reports.layout import FONT_DIR, FONT_FILES
from tests import oracle

pytestmark = pytest.mark.xdist_group("brief")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROVINCE = "99"
# The newest report of the demo data: the brief's default as-of date, in stage GD2-2026.
LATEST = date(2026, 11, 16)
# Every Vietnamese letter with its tone marks, upper and lower case.
VIETNAMESE = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
VIETNAMESE += VIETNAMESE.lower()
# Phường Buôn Ma Thuột: the demo's first commune, chosen to see its name survive the PDF.
BUON_MA_THUOT = "40001"


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with every run of white space made one space (table cells wrap)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def flat(text: str) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def briefs(seeded_engine) -> dict[str, str]:
    """The default brief's text in each language, and the police's brief in Vietnamese."""
    return {
        "vi": pdf_text(build_brief_pdf(seeded_engine, lang="vi")),
        "en": pdf_text(build_brief_pdf(seeded_engine, lang="en")),
        "ca": pdf_text(build_brief_pdf(seeded_engine, lang="vi", agency_code="CA")),
    }


@pytest.mark.parametrize("style", sorted(FONT_FILES))
def test_font_has_every_vietnamese_letter(style):
    cmap = TTFont(FONT_DIR / FONT_FILES[style]).getBestCmap()
    assert [c for c in VIETNAMESE if ord(c) not in cmap] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_brief_names_every_indicator_and_the_date(briefs, demo_data, lang):
    text = briefs[lang]
    for name in demo_data.indicators[f"name_{lang}"]:
        assert flat(name) in text
    assert f"{translate('filter.as_of', lang)}: {format_date(LATEST, lang)}" in text
    assert format_date(LATEST - timedelta(days=14), lang) in text
    assert translate("brief.title", lang) in text
    assert translate("brief.synthetic", lang) in text
    for section in ("indicators", "target_groups", "map", "weakest"):
        assert translate(f"brief.section.{section}", lang) in text


def test_vietnamese_diacritics_survive(briefs):
    text = briefs["vi"]
    for phrase in ("Tỉnh Đắk Sơn", "Chỉ tiêu", "Nhóm đối tượng", "Mười xã/phường yếu nhất"):
        assert phrase in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_indicator_values_match_the_raw_reports(briefs, demo_data, lang):
    stage = oracle.stage_row(demo_data, "GD2-2026")
    communes = oracle.communes_of(demo_data, PROVINCE)
    codes = list(demo_data.indicators["code"])
    totals = oracle.group_totals(
        demo_data,
        as_of=LATEST,
        communes=communes,
        indicators=codes,
        period_days=int(stage["period_days"]),
    ).set_index("indicator_code")
    targets = demo_data.targets[
        (demo_data.targets["stage_code"] == "GD2-2026") & (demo_data.targets["locality_code"] == "")
    ].set_index("indicator_code")
    deadline = format_date(stage["deadline"], lang)
    for row in demo_data.indicators.itertuples():
        total = totals.loc[row.code]
        value = oracle.value_of(total["numerator"], total["denominator"], row.unit)
        target = float(targets.loc[row.code, "target"])
        expected = " ".join(
            [
                row.code,
                flat(getattr(row, f"name_{lang}")),
                format_value(value, row.unit, lang),
                format_value(target, row.unit, lang),
                deadline,
                format_percent(100 * value / target, lang),
            ]
        )
        assert flat(expected) in briefs[lang]


def test_target_groups_match_the_raw_reports(briefs, demo_data):
    reach = oracle.target_group_reach(
        demo_data,
        as_of=LATEST,
        communes=oracle.communes_of(demo_data, PROVINCE),
        stage_code="GD2-2026",
    )
    names = dict(
        zip(demo_data.target_groups["code"], demo_data.target_groups["name_vi"], strict=True)
    )
    for row in reach.itertuples():
        share = format_percent(100 * row.reached / row.population, "vi")
        cells = [flat(names[row.target_group_code]), format_number(row.reached, "vi")]
        cells += [format_number(row.population, "vi"), share]
        assert flat(" ".join(cells)) in briefs["vi"]


def test_agency_filter_shows_only_its_indicators(briefs, demo_data):
    text = briefs["ca"]
    assert set(re.findall(r"\bCT\d\d\b", text)) == {"CT04", "CT08"}
    names = demo_data.indicators.set_index("code")["name_vi"]
    assert flat(names["CT04"]) in text and flat(names["CT08"]) in text
    assert "Công an tỉnh (CA)" in text
    # Only the VNeID group is tied to the police's indicators.
    assert "Người trưởng thành được xác thực trên VNeID" in text
    assert "Học sinh từ tiểu học trở lên" not in text


def test_english_brief_has_no_vietnamese_label_left(briefs):
    text = briefs["en"].replace("Tỉnh Đắk Sơn", "")  # the province's name is data, not a label
    prefixes = ("brief.", "status.", "common.", "filter.")
    leftovers = [
        vi
        for key, (vi, en) in CATALOGUE.items()
        if key.startswith(prefixes) and vi != en and len(vi) > 3 and "{" not in vi and vi in text
    ]
    assert leftovers == []


def test_brief_for_one_commune_and_an_earlier_date(seeded_engine):
    text = pdf_text(
        build_brief_pdf(seeded_engine, as_of=date(2025, 9, 3), commune_codes=[BUON_MA_THUOT])
    )
    assert "Phường Buôn Ma Thuột (40001)" in text
    assert "Giai đoạn 1" in text  # the stage holding the as-of date
    assert "03/09/2025" in text and "20/08/2025" in text


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"agency_code": "XYZ"}, "brief.error.unknown_agency"),
        ({"stage_code": "GD9"}, "brief.error.unknown_stage"),
        ({"commune_codes": ["12345"]}, "brief.error.unknown_commune"),
        ({"as_of": date(2026, 3, 1), "since": date(2026, 3, 1)}, "brief.error.since_not_before"),
    ],
)
def test_wrong_filters_raise_a_catalogue_message(seeded_engine, options, key):
    with pytest.raises(BriefInputError) as caught:
        build_brief_pdf(seeded_engine, **options)
    assert caught.value.key == key
    for lang in ("vi", "en"):
        assert translate(key, lang, **caught.value.values)


@pytest.mark.parametrize(
    ("scores", "domain"),
    [([75.4, 97.2], [75.0, 100.0]), ([80.0, 80.0], [80.0, 85.0]), ([float("nan")], [0.0, 100.0])],
)
def test_score_domain_rounds_to_whole_steps(scores, domain):
    assert _score_domain(pd.Series(scores)) == domain


def test_map_of_two_communes_is_drawn(seeded_engine):
    with PlainReader(seeded_engine) as reader:
        request = resolve_request(reader, commune_codes=[BUON_MA_THUOT, "40002"])
        content = gather_content(reader, request)
    board = score_board(content.ranking, request.as_of)
    chart = score_map_chart(content.shapes, board, ["40002"], "vi")
    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    assert svg.count("<path") >= 4 and "NaN" not in svg


def _run_cli(demo_sqlite_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": demo_sqlite_url}
    return subprocess.run(
        [sys.executable, "-m", "reports", "brief", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_writes_the_pdf(demo_sqlite_url, tmp_path):
    out = tmp_path / "brief.pdf"
    done = _run_cli(demo_sqlite_url, "--out", str(out), "--lang", "en", "--agency", "CA")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "VNeID digital signatures registered" in pdf_text(out.read_bytes())


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["--as-of", "2026-13-45"], "Ngày «2026-13-45» của --as-of", "Date «2026-13-45»"),
        (["--agency", "NOPE"], "Không có cơ quan mã «NOPE»", "No agency with code «NOPE»"),
    ],
)
def test_cli_wrong_input_is_a_bilingual_message(
    demo_sqlite_url, tmp_path, monkeypatch, capsys, args, vi, en
):
    """In this process through the same entry point; test_cli_writes_the_pdf runs a real one."""
    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    out = tmp_path / "never.pdf"
    assert brief_cli(["brief", "--out", str(out), *args]) == 2
    stderr = capsys.readouterr().err
    assert vi in stderr and en in stderr
    assert "Traceback" not in stderr
    assert not out.exists()
