"""Number/date formats per language and the label catalogue."""

from __future__ import annotations

import re
from datetime import date

import pytest

from i18n import CATALOGUE, Term, translate
from i18n.formats import (
    change_colour,
    change_direction,
    format_change,
    format_date,
    format_number,
    format_percent,
    format_signed,
    format_value,
)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.5, "vi", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (1234567, "vi", 0, "1.234.567"),
        (0, "en", 0, "0"),
        (None, "vi", 0, "—"),
        (float("nan"), "en", 1, "—"),
        (-1234.5, "vi", 1, "\u22121.234,5"),
        (-0.04, "en", 1, "0.0"),
    ],
)
def test_format_number(value, lang, decimals, expected):
    assert format_number(value, lang, decimals=decimals) == expected


def test_format_percent_date_value():
    # Vietnamese sets a (non-breaking) space before %, English none.
    assert format_percent(87.46, "vi") == "87,5\u00a0%"
    assert format_percent(87.46, "en") == "87.5%"
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


def test_a_term_placeholder_is_said_in_the_messages_language():
    status = Term("entry.status.submitted")
    assert "«Đã gửi duyệt»" in translate("entry.locked", "vi", status=status)
    assert "«Submitted»" in translate("entry.locked", "en", status=status)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (4.26, 1, "+4,3"),
        (-4.26, 1, "\u22124,3"),
        (0.04, 1, "±0,0"),
        (-0.04, 1, "±0,0"),
        (-1234, 0, "\u22121.234"),
        (None, 0, None),
        (float("nan"), 1, None),
    ],
)
def test_one_signed_formatter(value, decimals, expected):
    assert format_signed(value, "vi", decimals=decimals) == expected


def test_change_in_an_indicators_unit():
    assert format_change(-4.26, "percent", "en") == "\u22124.3 pp"
    assert format_change(1234, "count", "vi") == "+1.234"


@pytest.mark.parametrize(
    ("change", "direction", "arrow", "colour"),
    [
        (-3.0, "higher", "down", "red"),
        (3.0, "higher", "up", "green"),
        (-3.0, "lower", "down", "green"),
        (3.0, "lower", "up", "red"),
        (0.01, "higher", "off", "gray"),
        (None, "higher", "off", "gray"),
    ],
)
def test_change_arrow_and_colour_follow_the_number_and_direction(change, direction, arrow, colour):
    assert change_direction(change) == arrow
    assert change_colour(change, direction) == colour
