"""Commune quick search: by name or code, case- and diacritic-insensitive, ranked."""

from __future__ import annotations

import re

import pandas as pd

from campaign.text import fold_text

# Leading kind words are skipped when matching a name's start, so "buon ma" ranks
# "Phường Buôn Ma Thuột" as a prefix match, not a mere substring.
KIND_WORDS = ("xa ", "phuong ", "dac khu ", "thi tran ")
CODE_PATTERN = re.compile(r"^\d{1,5}$")

# Lower rank sorts first: the exact code, then codes starting with the query; for names the
# exact name, then names starting with it, then a word starting with it, then every query word
# starting some word ("thuot buon"), then a substring, then the same letters without spaces
# ("buonmathuot").
(
    RANK_EXACT_CODE,
    RANK_CODE_PREFIX,
    RANK_EXACT_NAME,
    RANK_NAME_PREFIX,
    RANK_WORD_PREFIX,
    RANK_ALL_WORDS,
    RANK_SUBSTRING,
    RANK_SPACELESS,
) = range(8)


def _strip_kind(folded_name: str) -> str:
    for word in KIND_WORDS:
        if folded_name.startswith(word):
            return folded_name[len(word) :]
    return folded_name


def _rank(query: str, code: str, folded_name: str) -> int | None:
    if CODE_PATTERN.match(query):
        if code == query:
            return RANK_EXACT_CODE
        return RANK_CODE_PREFIX if code.startswith(query) else None
    bare = _strip_kind(folded_name)
    if query in (bare, folded_name):
        return RANK_EXACT_NAME
    # The kind word counts only when typed whole: "phuong" lists wards, "phu" is no prefix of
    # "Phường Buôn Ma Thuột" (but starts "Xã Hòa Phú").
    kind_length = len(folded_name) - len(bare) - 1
    if bare.startswith(query) or (folded_name.startswith(query) and len(query) >= kind_length):
        return RANK_NAME_PREFIX
    words = bare.split()
    if any(word.startswith(query) for word in words):
        return RANK_WORD_PREFIX
    if all(any(word.startswith(part) for word in words) for part in query.split()):
        return RANK_ALL_WORDS
    if query in folded_name:
        return RANK_SUBSTRING
    if query.replace(" ", "") in folded_name.replace(" ", ""):
        return RANK_SPACELESS
    return None


def _ranked(query: str, communes: pd.DataFrame) -> list[tuple[int, str, str]]:
    folded_query = fold_text(query)
    if not folded_query:
        return []
    by_code = bool(CODE_PATTERN.match(folded_query))
    ranked = []
    for code, name in zip(communes["code"], communes["name"], strict=True):
        folded_name = fold_text(str(name))
        rank = _rank(folded_query, str(code), folded_name)
        if rank is not None:
            # Codes list in code order; names alphabetically within a rank.
            ranked.append((rank, str(code) if by_code else folded_name, str(code)))
    ranked.sort()
    return ranked


def compute_search_matches(query: str, communes: pd.DataFrame, *, limit: int = 50) -> list[str]:
    """Codes of communes matching `query`, best first (columns used: code, name)."""
    return [code for _, _, code in _ranked(query, communes)[:limit]]


def compute_search_pick(query: str, communes: pd.DataFrame) -> str | None:
    """The one commune `query` names, else None: its exact code, its exact name (with or
    without the kind word), or the only commune that matches at all."""
    ranked = _ranked(query, communes)
    exact = [code for rank, _, code in ranked if rank in (RANK_EXACT_CODE, RANK_EXACT_NAME)]
    if len(exact) == 1:
        return exact[0]
    return ranked[0][2] if len(ranked) == 1 else None
