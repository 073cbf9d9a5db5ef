"""An English run of every page leaves no Vietnamese label behind (checked against the catalogue
and the data's Vietnamese names)."""

from __future__ import annotations

import re

import pytest
from google.protobuf.json_format import MessageToDict

from i18n import CATALOGUE
from tests.test_app import run_app
from ui.navigation import PAGES

# Placeholders such as {count} match any text; a label shorter than this (outside its
# placeholders) is too short to tell apart from names in the data, e.g. "xã" in "Xã Ea Kar".
MIN_LITERAL_CHARS = 8
# An input's "default"/"value" is the data being edited (an agency's Vietnamese name in its
# "Name (Vietnamese)" field), not a label.
SKIPPED_KEYS = {"id", "icon", "type", "formId", "key", "default", "value"}


def _label_parts() -> list[tuple[str, list[str]]]:
    """Each Vietnamese label (different from its English) as its literal parts in order."""
    labels = []
    for key, (vi, en) in CATALOGUE.items():
        if vi == en:
            continue
        parts = [p for p in re.split(r"{\w+}", vi) if p.strip()]
        if sum(len(p.strip()) for p in parts) >= MIN_LITERAL_CHARS:
            labels.append((key, parts))
    return labels


LABEL_PARTS = _label_parts()


def _contains_in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _texts(node: object, out: list[str]) -> list[str]:
    proto = getattr(node, "proto", None)
    if proto is not None:
        _strings(MessageToDict(proto), out)
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else children or []:
        _texts(child, out)
    return out


def _strings(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIPPED_KEYS:
                _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)


def _vietnamese_names(demo_data) -> list[str]:
    names = []
    for frame in (demo_data.indicators, demo_data.target_groups, demo_data.agencies):
        names += list(frame["name_vi"])
    names += list(demo_data.task_groups["name_vi"]) + list(demo_data.campaign["stage_name_vi"])
    return [n for n in names if len(n) >= MIN_LITERAL_CHARS]


PAGE_RUNS = [(page.path, {}) for page in PAGES if page.url_path != "present"]
PAGE_RUNS += [("pages/locality.py", {"commune": "40001"})]
PAGE_RUNS += [("pages/locality.py", {"commune": ["40001", "40002", "40071"]})]
PAGE_RUNS += [("pages/present.py", {"present": "1", "slide": str(slide)}) for slide in range(1, 6)]


@pytest.mark.parametrize(("page", "query"), PAGE_RUNS)
def test_english_page_has_no_vietnamese_label(app_env, demo_data, page, query):
    at = run_app({"lang": "en", **query}, page)
    assert not at.exception, [e.value for e in at.exception]
    texts = _texts(at._tree, [])
    assert texts, "nothing rendered"
    leftovers = [
        (key, text[:80])
        for text in texts
        for key, parts in LABEL_PARTS
        if _contains_in_order(text, parts)
    ]
    leftovers += [
        (name, text[:80]) for text in texts for name in _vietnamese_names(demo_data) if name in text
    ]
    assert not leftovers, leftovers[:10]


def test_the_check_catches_a_vietnamese_label(app_env):
    at = run_app(None, "pages/overview.py")  # Vietnamese on purpose
    texts = _texts(at._tree, [])
    assert any(_contains_in_order(t, parts) for t in texts for _, parts in LABEL_PARTS)
