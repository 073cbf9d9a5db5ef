"""Show data (names, notes) as text: never as Markdown, LaTeX or HTML."""

from __future__ import annotations

import re

# Characters Streamlit's Markdown gives a meaning: emphasis, links, images, code, LaTeX ($),
# colour and emoji directives (:, [ ]), headings, lists, tables and HTML.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$<>&])")
# Control characters break layouts and exports; they are shown as a visible mark instead.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def md(value: object) -> str:
    """`value` as literal text inside st.markdown (every Markdown character escaped)."""
    text = _CONTROL.sub("\ufffd", str(value))
    return _MARKDOWN.sub(r"\\\1", text).replace("\n", " ")
