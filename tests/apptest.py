"""Run the app in AppTest the way a server runs it: always through the frame (app.py).

AppTest resets Streamlit's old pages/-folder mode before every run, so an entry script beside
pages/ would run a switched-to page file alone, without the frame. The entry used here sits in a
folder of its own, runs app.py, and st.navigation in app.py routes every page as on the server.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from data_access.settings import PROJECT_ROOT
from tests.viewers import TESTER, sso_user
from ui.navigation import PAGES

APP_TIMEOUT_S = 60  # a first run fills the query caches
_ENTRY_DIR = Path(tempfile.mkdtemp(prefix="bdhvs-apptest-"))
ENTRY = _ENTRY_DIR / "frame_entry.py"
ENTRY.write_text(
    f"import runpy\nrunpy.run_path({str(PROJECT_ROOT / 'app.py')!r}, run_name='__main__')\n",
    encoding="utf-8",
)


# Installed custom components, found once per test process as a server finds them once per
# process. Each new AppTest scans every installed distribution's metadata for them on its
# first run (0.18 s, two thirds of a page test's time). AppTest keeps what it found in this
# attribute for its own later runs and has no public way to share it; when a Streamlit
# release renames it, every AppTest simply scans again.
_COMPONENTS_ATTRIBUTE = "_bidi_component_manager"
_components: object | None = None


class FrameApp(AppTest):
    """An AppTest of the frame; pages are named as in the repository ("pages/map.py")."""

    def __init__(self, script_path: str, *, default_timeout: float) -> None:
        super().__init__(script_path, default_timeout=default_timeout)
        if _components is not None and hasattr(self, _COMPONENTS_ATTRIBUTE):
            setattr(self, _COMPONENTS_ATTRIBUTE, _components)

    def run(self, *, timeout: float | None = None) -> FrameApp:
        global _components
        super().run(timeout=timeout)
        if _components is None:
            _components = getattr(self, _COMPONENTS_ATTRIBUTE, None)
        return self

    def switch_page(self, page_path: str) -> FrameApp:
        """Switch to a page file given relative to the project, e.g. "pages/map.py"."""
        super().switch_page(str(PROJECT_ROOT / page_path))
        return self


# Pages a session's first run can open, as a deep link does: before a first run AppTest names
# a page by its file's name, which is the page's URL path for these (not "target-groups").
FIRST_RUN_PAGES = {f"pages/{spec.name}.py" for spec in PAGES if spec.url_path == spec.name}
OVERVIEW = "pages/overview.py"  # the default page: `/`


def open_app(
    query: dict[str, str | list[str]] | None = None,
    page: str | None = None,
    *,
    timeout: float = APP_TIMEOUT_S,
    login: str | None = TESTER,
) -> FrameApp:
    """Run the frame as `login` (tests.viewers; None: nobody signed in) with `query` as the
    URL's parameters on `page` (default: the overview).

    Most pages open in the session's first run, like a link to them; a page AppTest cannot
    name before a first run opens from the overview, like a click in the menu.
    """
    at = FrameApp(str(ENTRY), default_timeout=timeout)
    at.user = sso_user(login)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page in FIRST_RUN_PAGES:
        at.switch_page(page)
    at.run()
    if page not in (None, OVERVIEW, *FIRST_RUN_PAGES):
        at.switch_page(page)
        at.run()
    return at
