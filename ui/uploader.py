"""The file box of every import, in the page's language, and the sheet picker of a workbook.

Streamlit's uploader draws words of its own in English ("Upload", "20MB per file") that no
parameter translates. Its label, help and size limit are ours; the line of English under the
button is hidden with a style scoped to our uploaders and said again in the chosen language,
and the button's word is replaced the same way. What Streamlit says when a file is too large
for the server stays English (the limit shown beside the box tells it beforehand).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from data_access.importers.reading import GZIP_MAGIC, XLSX_MAGIC
from data_access.importers.sheet import ReadLimits
from data_access.importers.xlsx import sheet_overview
from data_access.settings import load_settings
from i18n import translate
from i18n.formats import format_number
from ui.upload_check import kept_once

# Every uploader key starts so, which scopes the style below to our uploaders only.
KEY_PREFIX = "upload_"
# Streamlit marks the uploader's parts with these test ids (streamlit 1.67's FileUploader).
_STYLE = """
<style>
[class*="st-key-upload_"] [data-testid="stFileUploaderDropzoneInstructions"] {{display: none;}}
[class*="st-key-upload_"] [data-testid="stFileUploaderDropzone"] button p {{font-size: 0;}}
[class*="st-key-upload_"] [data-testid="stFileUploaderDropzone"] button p::after {{
  content: "{button}"; font-size: 0.875rem;
}}
</style>
"""
BYTES_PER_MB = 1_000_000  # the limit is said in decimal megabytes, as people count them


def _style(lang: str) -> None:
    """Hide and replace the uploader's English words."""
    button = translate("upload.button", lang).replace('"', "")
    st.html(_STYLE.format(button=button))


def upload_box(
    flow: str,
    lang: str,
    *,
    label: str | None = None,
    help_text: str | None = None,
    multiple: bool = False,
    round_number: int = 0,
) -> UploadedFile | list[UploadedFile] | None:
    """A file uploader with label, help and size limit in `lang`, and that limit said under it.

    Any file type is accepted: the importer says in both languages what it cannot read,
    where Streamlit's own refusal of a type would be English.
    """
    settings = load_settings()
    _style(lang)
    files = st.file_uploader(
        label or translate("upload.label", lang),
        type=None,
        accept_multiple_files=multiple,
        key=f"{KEY_PREFIX}{flow}_{round_number}",
        help=help_text or translate("upload.help", lang),
        max_upload_size=settings.upload_limit_mb,
    )
    size = format_number(settings.import_max_bytes / BYTES_PER_MB, lang, decimals=0)
    st.caption(translate("upload.limit", lang, size=size))
    return files


def is_workbook(data: bytes, name: str) -> bool:
    """True for an XLSX (by its first bytes or its name)."""
    if data[:2] == GZIP_MAGIC:
        return False
    return data[:4] == XLSX_MAGIC or name.lower().endswith((".xlsx", ".xlsm"))


def pick_sheet(flow: str, data: bytes, name: str, digest: str, lang: str) -> str | None:
    """The sheet to import: asked for when a workbook has several sheets (the first holding
    data is offered first); None for a CSV or a workbook of one sheet."""
    if not is_workbook(data, name):
        return None
    sheets = kept_once(flow, digest, lambda: sheet_overview(data, ReadLimits.from_settings()))
    if len(sheets) < 2:
        return None
    names = [sheet for sheet, _ in sheets]
    first_with_data = next((i for i, (_, filled) in enumerate(sheets) if filled), 0)
    empty = {sheet for sheet, filled in sheets if not filled}
    empty_mark = translate("upload.sheet_empty", lang)
    return st.selectbox(
        translate("upload.sheet", lang),
        names,
        index=first_with_data,
        key=f"{flow}_sheet_{digest[:12]}",
        format_func=lambda sheet: f"{sheet} ({empty_mark})" if sheet in empty else sheet,
        help=translate("upload.sheet_help", lang),
    )
