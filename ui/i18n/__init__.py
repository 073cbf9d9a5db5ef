"""One catalogue of every label, in Vietnamese (default) and English.

Each module of this package defines `MESSAGES = {key: (vietnamese, english)}` for one area of
the app; they are merged here and a key defined twice is an error.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def _load_catalogue() -> dict[str, tuple[str, str]]:
    catalogue: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, pair in module.MESSAGES.items():
            if key in catalogue:
                raise KeyError(f"catalogue key {key!r} is defined twice ({module_info.name})")
            catalogue[key] = pair
    return catalogue


CATALOGUE = _load_catalogue()


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label `key` in `lang`, with `{name}` placeholders filled from `values`."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text
