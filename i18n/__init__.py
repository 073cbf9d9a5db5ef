"""One catalogue of every label, in Vietnamese (default) and English, and one formatter.

Each module of i18n.catalogue defines `MESSAGES = {key: (vietnamese, english)}` for one area;
they are merged here in a fixed order and a key defined twice is an error. Screens, charts,
the PDF brief and command-line messages all read this one catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n.catalogue import (
    access,
    admin_setup,
    brief,
    committee,
    common,
    data,
    data_page,
    entry,
    imports,
    locality,
    map,
    meetings,
    present,
    submissions,
)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_AREAS = (
    access,
    admin_setup,
    brief,
    committee,
    common,
    data,
    data_page,
    entry,
    imports,
    locality,
    map,
    meetings,
    present,
    submissions,
)


def _merge() -> dict[str, tuple[str, str]]:
    catalogue: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for key, pair in area.MESSAGES.items():
            if key in catalogue:
                raise KeyError(f"catalogue key {key!r} is defined twice ({area.__name__})")
            catalogue[key] = pair
    return catalogue


CATALOGUE = _merge()


@dataclass(frozen=True)
class Term:
    """A placeholder value that is itself a catalogue label, translated with its message
    (a message stored in one language-free form, e.g. a period's status, says it in words)."""

    key: str


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label `key` in `lang`, with `{name}` placeholders filled from `values`
    (a `Term` value in the same language)."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    if not values:
        return text
    words = {k: translate(v.key, lang) if isinstance(v, Term) else v for k, v in values.items()}
    return text.format(**words)


def bilingual(key: str, **values: object) -> str:
    """A catalogue message in Vietnamese, then English, for a console read by either."""
    return f"{translate(key, 'vi', **values)}\n{translate(key, 'en', **values)}"
