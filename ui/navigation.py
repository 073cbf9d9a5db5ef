"""Every page of the app, in menu order, with its URL path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from data_access.accounts.roles import Limits
from data_access.settings import PROJECT_ROOT

PAGES_DIR = PROJECT_ROOT / "pages"


@dataclass(frozen=True)
class PageSpec:
    """A page file, its catalogue title key, menu icon, URL path (None: the default, `/`) and
    whether the menu lists it."""

    name: str  # the file's name in pages/, without .py
    title_key: str
    icon: str
    url_path: str | None
    # The viewer may open the page when any of these actions is allowed (Limits.may).
    actions: tuple[str, ...] = ("read",)
    visibility: str = "visible"  # "hidden": reached by its link or a button, not the menu

    @property
    def path(self) -> Path:
        """The page file (absolute, so the frame works from any working directory)."""
        return PAGES_DIR / f"{self.name}.py"


PAGES = (
    PageSpec("overview", "page.overview", ":material/dashboard:", None),
    PageSpec("map", "page.map", ":material/map:", "map"),
    PageSpec("indicators", "page.indicators", ":material/monitoring:", "indicators"),
    PageSpec("target_groups", "page.target_groups", ":material/groups:", "target-groups"),
    PageSpec("locality", "page.locality", ":material/location_city:", "locality"),
    PageSpec("ranking", "page.ranking", ":material/leaderboard:", "ranking"),
    PageSpec("meetings", "page.meetings", ":material/event_note:", "meetings"),
    PageSpec(
        "data",
        "page.data",
        ":material/upload_file:",
        "data",
        ("import_reports", "upload_reports", "view_batches"),
    ),
    PageSpec(
        "entry",
        "page.entry",
        ":material/edit_note:",
        "entry",
        ("upload_reports", "import_reports"),
    ),
    PageSpec(
        "admin",
        "page.admin",
        ":material/settings:",
        "admin",
        (
            "edit_register",
            "edit_catalogue",
            "edit_boundaries",
            "manage_users",
            "manage_links",
            "view_audit",
        ),
    ),
    PageSpec("present", "page.present", ":material/slideshow:", "present", ("present",), "hidden"),
)


# Rights that let a viewer set a province up before it has a stage (Administration alone).
SETUP_ACTIONS = ("edit_register", "edit_catalogue", "edit_boundaries", "manage_users")


def may_set_up(limits: Limits) -> bool:
    """True when the viewer may load a province that has no stage yet."""
    return not limits.is_link and any(limits.may(action) for action in SETUP_ACTIONS)


def may_open(page: PageSpec, limits: Limits) -> bool:
    """True when a viewer with `limits` may open `page` (a presentation link: the slides only)."""
    if limits.is_link:
        return page.name == "present"
    return any(limits.may(action) for action in page.actions)


def page_file(name: str) -> Path:
    """The file of the page called `name` (for st.switch_page)."""
    return next(page.path for page in PAGES if page.name == name)
