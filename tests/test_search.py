"""Commune quick search: diacritic- and case-insensitive, by code, ranked."""

from __future__ import annotations

import pandas as pd
import pytest

from campaign.search import compute_search_matches, compute_search_pick
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


@pytest.mark.parametrize(
    "query", ["buon ma thuot", "Buôn Ma Thuột", "BUÔN MA THUỘT", "buôn ma thuột", "40001"]
)
def test_demo_variants_find_the_same_commune(demo_data, query):
    loc = demo_data.localities
    communes = loc[loc["code"].str.len() == 5][["code", "name"]]
    assert compute_search_matches(query, communes)[0] == "40001"
    assert compute_search_pick(query, communes) == "40001"


def test_dak_finds_every_dak_commune_of_the_demo(demo_data):
    loc = demo_data.localities
    communes = loc[loc["code"].str.len() == 5][["code", "name"]]
    # Written independently of fold_text: both spellings the demo uses.
    expected = set(communes[communes["name"].str.contains("Đ[ắă]k")]["code"])
    found = compute_search_matches("dak", communes)
    assert set(found) == expected and len(expected) > 8
    assert compute_search_pick("dak", communes) is None  # several: the user chooses


@pytest.mark.parametrize(
    ("query", "ranked"),
    [
        ("phu", ["40005", "40001"]),  # a word starts with it; "phuong" only contains it
        ("thuot buon", ["40001"]),  # every word starts a word, in any order
        ("ma thu", ["40001"]),  # substring
        ("buonmathuot", ["40001"]),  # typed without spaces
        ("xa ea kar", ["40002"]),  # with the kind word
    ],
)
def test_other_match_kinds(query, ranked):
    assert compute_search_matches(query, COMMUNES) == ranked


def test_exact_name_outranks_longer_names():
    communes = pd.DataFrame({"code": ["1", "2"], "name": ["Xã Ea Kar Mới", "Xã Ea Kar"]})
    assert compute_search_matches("ea kar", communes) == ["2", "1"]
    assert compute_search_pick("ea kar", communes) == "2"
    assert compute_search_pick("ea", communes) is None
