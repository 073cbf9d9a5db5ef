"""Driving the pages' upload boxes in AppTest: upload a file, read what the page said."""

from __future__ import annotations

import re

from tests.apptest import FrameApp

# ui.text.md() escapes every Markdown character of data shown in a message.
_ESCAPED = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """Text shown through ui.text.md(), as the reader sees it."""
    return _ESCAPED.sub(r"\1", text)


def page_messages(at: FrameApp) -> list[str]:
    """Every error, warning, success and info message shown, unescaped."""
    return [
        _ESCAPED.sub(r"\1", element.value)
        for kind in ("error", "warning", "success", "info")
        for element in getattr(at, kind)
    ]


def page_text(at: FrameApp) -> str:
    """The messages and the problem table's cells (the first table after the upload box),
    as one text to search."""
    cells = [
        " ; ".join(str(v) for v in row)
        for frame in at.dataframe
        for row in frame.value.itertuples(index=False)
    ]
    return "\n".join([*page_messages(at), *cells])


def uploader_key(flow: str, round_number: int = 0) -> str:
    """The key of a flow's upload box (ui.uploader) in its `round_number`th round."""
    return f"upload_{flow}_{round_number}"


def upload(at: FrameApp, flow: str, name: str, data: bytes, *, round_number: int = 0) -> FrameApp:
    """Put a file in a flow's upload box and rerun the page."""
    at.file_uploader(key=uploader_key(flow, round_number)).set_value(
        (name, data, "application/octet-stream")
    )
    return at.run()


def click(at: FrameApp, key: str) -> FrameApp:
    """Press the button with `key` and rerun."""
    at.button(key=key).click()
    return at.run()


def no_exception(at: FrameApp) -> None:
    """Fail with the page's exceptions, if it raised any."""
    assert not at.exception, [e.value for e in at.exception]
