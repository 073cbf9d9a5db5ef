"""Commune quick search: by name or code, case- and diacritic-insensitive, ranked."""

from __future__ import annotations

import re

import pandas as pd

from campaign.text import fold_text

# Leading kind words are skipped when matching a name's start, so "buon ma" ranks
# "Phường Buôn Ma Thuột" as a prefix match, not a mere substring.
KIND_WORDS = ("xa ", "phuong ", "dac khu ", "thi tran ")
CODE_PATTERN = re.compile(r"^\d{1,5}$")

# Lower rank sorts first.
RANK_EXACT_CODE, RANK_CODE_PREFIX, RANK_NAME_PREFIX, RANK_WORD_PREFIX, RANK_SUBSTRING = range(5)


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
    if bare.startswith(query) or folded_name.startswith(query):
        return RANK_NAME_PREFIX
    if any(word.startswith(query) for word in bare.split()):
        return RANK_WORD_PREFIX
    if query in folded_name:
        return RANK_SUBSTRING
    return None


def compute_search_matches(query: str, communes: pd.DataFrame, *, limit: int = 50) -> list[str]:
    """Codes of communes matching `query`, best first (columns used: code, name)."""
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
    return [code for _, _, code in ranked[:limit]]
