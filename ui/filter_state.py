"""The shared filters of a run, as the frame drew them: what every page reads first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from figures.scope import Scope, Stage
from i18n import translate
from ui.access import refuse_page
from ui.navigation import PAGES, may_open
from ui.session import Viewer

STATE_KEY = "shared_filters"


@dataclass(frozen=True)
class Filters:
    """The shared filters of the current run: the language and the Scope they ask for."""

    lang: str
    # None only while a province is being set up and has no stage yet: then the frame offers
    # the Administration page alone, which reads nothing of a scope.
    scope: Scope | None
    communes: pd.DataFrame  # every commune of the province: code, name, kind
    problems: tuple[str, ...]
    # Who is looking; the Scope is already narrowed to their Limits.
    viewer: Viewer
    # The database holds the seeded synthetic demo: every screen says so.
    demo: bool = False
    province_name: str = ""

    @property
    def setting_up(self) -> bool:
        """True while no stage exists yet (only the province's setup can be shown)."""
        return self.scope is None

    @property
    def province_code(self) -> str | None:
        """The chosen stage's province (None while setting up)."""
        return None if self.scope is None else self.scope.province_code

    @property
    def stage(self) -> Stage:
        """The chosen stage."""
        return self.scope.stage

    @property
    def stage_id(self) -> int:
        """Id of the chosen stage."""
        return self.scope.stage_id

    @property
    def as_of(self) -> date:
        """The as-of date of every figure."""
        return self.scope.as_of

    @property
    def commune_codes(self) -> tuple[str, ...]:
        """The chosen communes (empty: the whole province)."""
        return self.scope.commune_codes

    @property
    def commune_filter(self) -> list[str] | None:
        """The chosen commune codes, or None for the whole province."""
        return self.scope.commune_filter

    @property
    def village_code(self) -> str | None:
        """A village below the one chosen commune (locality drill-down), else None."""
        return self.scope.village_code

    @property
    def agency_code(self) -> str | None:
        """The chosen responsible agency (a department head's view), else None."""
        return self.scope.agency_codes[0] if self.scope.agency_codes else None

    def t(self, key: str, **values: object) -> str:
        """The catalogue label `key` in the chosen language."""
        return translate(key, self.lang, **values)


def current_filters(page: str) -> Filters:
    """The shared filters drawn by the frame in this run, for page `page` (a name of
    ui.navigation.PAGES), which the viewer must be allowed to open: the frame lists only the
    pages they may open, and each page checks again here."""
    filters: Filters = st.session_state[STATE_KEY]
    spec = next(p for p in PAGES if p.name == page)
    if not may_open(spec, filters.viewer.limits):
        refuse_page(filters.lang)
    return filters
