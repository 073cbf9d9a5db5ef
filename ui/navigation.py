"""Every page of the app, in menu order, with its URL path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """A page file, its catalogue title key, menu icon, URL path (None: the default, `/`) and
    whether the menu lists it."""

    path: str
    title_key: str
    icon: str
    url_path: str | None
    visibility: str = "visible"  # "hidden": reached by its link or a button, not the menu


PAGES = (
    PageSpec("pages/overview.py", "page.overview", ":material/dashboard:", None),
    PageSpec("pages/map.py", "page.map", ":material/map:", "map"),
    PageSpec("pages/indicators.py", "page.indicators", ":material/monitoring:", "indicators"),
    PageSpec("pages/target_groups.py", "page.target_groups", ":material/groups:", "target-groups"),
    PageSpec("pages/locality.py", "page.locality", ":material/location_city:", "locality"),
    PageSpec("pages/ranking.py", "page.ranking", ":material/leaderboard:", "ranking"),
    PageSpec("pages/data.py", "page.data", ":material/upload_file:", "data"),
    PageSpec("pages/admin.py", "page.admin", ":material/settings:", "admin"),
    PageSpec("pages/present.py", "page.present", ":material/slideshow:", "present", "hidden"),
)
