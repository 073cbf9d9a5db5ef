"""Number/date formats per language and the label catalogue."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from data_access.settings import SETTINGS
from ui.format import format_date, format_number, format_percent, format_value
from ui.i18n import CATALOGUE, translate


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.5, "vi", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (1234567, "vi", 0, "1.234.567"),
        (0, "en", 0, "0"),
        (None, "vi", 0, "—"),
        (float("nan"), "en", 1, "—"),
    ],
)
def test_format_number(value, lang, decimals, expected):
    assert format_number(value, lang, decimals=decimals) == expected


def test_format_percent_date_value():
    assert format_percent(87.46, "vi") == "87,5%"
    assert format_date(date(2025, 10, 25), "vi") == "25/10/2025"
    assert format_date(date(2025, 10, 25), "en") == "2025-10-25"
    assert format_value(12345.0, "count", "vi") == "12.345"


def test_catalogue_has_both_languages_and_same_placeholders():
    for key, (vi, en) in CATALOGUE.items():
        assert vi.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", vi)) == set(re.findall(r"{(\w+)}", en)), key


def test_translate_fills_values():
    assert translate("common.completeness", "en", current=96, total=102) == (
        "96/102 communes reported this period"
    )
    assert translate("status.behind", "vi") == "Chậm tiến độ"


def test_readme_documents_every_setting():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, _default, _help in SETTINGS:
        assert f"`{name}`" in readme, name
