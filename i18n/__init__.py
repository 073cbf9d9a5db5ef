"""One catalogue of every label, in Vietnamese (default) and English, and one formatter.

Each module of i18n.catalogue defines `MESSAGES = {key: (vietnamese, english)}` for one area;
they are merged here in a fixed order and a key defined twice is an error. Screens, charts,
the PDF brief and command-line messages all read this one catalogue.
"""

from __future__ import annotations

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


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label `key` in `lang`, with `{name}` placeholders filled from `values`."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def bilingual(key: str, **values: object) -> str:
    """A catalogue message in Vietnamese, then English, for a console read by either."""
    return f"{translate(key, 'vi', **values)}\n{translate(key, 'en', **values)}"
