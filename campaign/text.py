"""Text folding for search: case- and diacritic-insensitive, with đ/Đ folded to d."""

from __future__ import annotations

import unicodedata

# "đ" is a letter of its own in Unicode (no decomposition), so NFD alone does not fold it.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def fold_text(text: str) -> str:
    """Lower-case `text`, strip Vietnamese diacritics and collapse white space."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.casefold().split())


def normalize_name(text: str) -> str:
    """Return `text` in NFC with single spaces: how names are stored and compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())
