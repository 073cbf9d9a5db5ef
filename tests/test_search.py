"""Commune quick search: diacritic- and case-insensitive, by code, ranked."""

from __future__ import annotations

import pandas as pd
import pytest

from campaign.search import compute_search_matches
from campaign.text import fold_text

COMMUNES = pd.DataFrame(
    {
        "code": ["40001", "40002", "40003", "40004", "40005", "41010"],
        "name": [
            "Phường Buôn Ma Thuột",
            "Xã Ea Kar",
            "Xã Đắk Liêng",
            "Xã Krông Búk",
            "Xã Hòa Phú Buôn",
            "Xã Cư M'gar",
        ],
    }
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Buôn Ma Thuột", "buon ma thuot"),
        ("BUÔN MA THUỘT", "buon ma thuot"),
        ("Đắk Lắk", "dak lak"),
        ("  Ea   Kar ", "ea kar"),
        ("Cư M'gar", "cu m'gar"),
    ],
)
def test_fold_text(text, folded):
    assert fold_text(text) == folded


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("buon ma thuot", "40001"),
        ("Buôn Ma Thuột", "40001"),
        ("BUÔN MA THUỘT", "40001"),
        ("40001", "40001"),
        ("buon ma", "40001"),
        ("ea kar", "40002"),
        ("Ea Kar", "40002"),
        ("dak", "40003"),
        ("ĐẮK", "40003"),
        ("krong", "40004"),
        ("cu m'gar", "41010"),
    ],
)
def test_best_match(query, first):
    assert compute_search_matches(query, COMMUNES)[0] == first


def test_prefix_before_substring_and_code_prefix():
    # "Buôn Ma Thuột" starts with "buon"; "Hòa Phú Buôn" only contains it.
    assert compute_search_matches("buon", COMMUNES) == ["40001", "40005"]
    assert compute_search_matches("4000", COMMUNES) == ["40001", "40002", "40003", "40004", "40005"]
    assert compute_search_matches("41", COMMUNES) == ["41010"]


@pytest.mark.parametrize("query", ["", "   ", "zzz", "99999"])
def test_no_match(query):
    assert compute_search_matches(query, COMMUNES) == []
