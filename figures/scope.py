"""Whose figures, as of when: the Scope every board is computed for."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from campaign.metrics import AT_RISK_MARGIN
from data_access.accounts.roles import Limits


@dataclass(frozen=True)
class Stage:
    """One stage of a province's campaign: its window, reporting period and names."""

    stage_id: int
    code: str
    name_vi: str
    name_en: str
    start_date: date
    deadline: date
    period_days: int
    campaign_code: str
    campaign_name_vi: str
    campaign_name_en: str
    province_code: str

    @classmethod
    def from_row(cls, row: pd.Series) -> Stage:
        """A Stage from one row of data_access.catalog.fetch_stages."""
        return cls(
            stage_id=int(row["stage_id"]),
            code=str(row["stage_code"]),
            name_vi=str(row["stage_name_vi"]),
            name_en=str(row["stage_name_en"]),
            start_date=row["start_date"],
            deadline=row["deadline"],
            period_days=int(row["period_days"]),
            campaign_code=str(row["campaign_code"]),
            campaign_name_vi=str(row["campaign_name_vi"]),
            campaign_name_en=str(row["campaign_name_en"]),
            province_code=str(row["province_code"]),
        )

    def name(self, lang: str) -> str:
        """The stage's name in `lang`."""
        return self.name_en if lang == "en" else self.name_vi

    def campaign_name(self, lang: str) -> str:
        """The campaign's name in `lang`."""
        return self.campaign_name_en if lang == "en" else self.campaign_name_vi


class OutsideScope(PermissionError):
    """The figures asked for lie outside what the signed-in user may see."""


@dataclass(frozen=True)
class Scope:
    """The figures asked for: a province's stage as of a date, for some communes (none: the
    whole province) or one village, and the indicators of some agencies (None: all)."""

    stage: Stage
    as_of: date
    commune_codes: tuple[str, ...] = ()
    village_code: str | None = None
    agency_codes: tuple[str, ...] | None = None
    # How judgements are made (data_access.settings): days of grace before "stale", and how
    # far below the pace line is still "at risk".
    stale_grace_days: int = 0
    at_risk_margin: float = AT_RISK_MARGIN
    # The communes and agencies the user may see at all (None: no limit); set by narrowed_to,
    # so a scope widened later (whole_province) never leaves them.
    allowed_communes: frozenset[str] | None = None
    allowed_agencies: frozenset[str] | None = None

    @property
    def province_code(self) -> str:
        """The stage's province."""
        return self.stage.province_code

    @property
    def stage_id(self) -> int:
        """Id of the stage."""
        return self.stage.stage_id

    @property
    def commune_filter(self) -> list[str] | None:
        """The chosen communes, or None for the whole province."""
        return list(self.commune_codes) or None

    @property
    def is_province(self) -> bool:
        """True when no commune is chosen: the whole province."""
        return not self.commune_codes

    @property
    def sees_province(self) -> bool:
        """True when the user may see the whole province (no commune limit)."""
        return self.allowed_communes is None

    @property
    def stale_after_days(self) -> int:
        """Days after which a commune's last report counts as stale: period plus grace."""
        return self.stage.period_days + self.stale_grace_days

    def at(self, as_of: date) -> Scope:
        """The same scope on another date (e.g. the last meeting)."""
        return replace(self, as_of=as_of)

    def whole_province(self) -> Scope:
        """The same stage, date and agencies for the whole province, or for all the user's
        communes when they may not see the whole province."""
        everyone = () if self.allowed_communes is None else tuple(sorted(self.allowed_communes))
        return replace(self, commune_codes=everyone, village_code=None)

    def narrowed_to(self, limits: Limits) -> Scope:
        """This scope within what a user may see: the one place a user's limits apply.

        Communes outside the limits are dropped (none left: all the user's communes); so are
        agencies (none left: the user's own). A URL can narrow a view, never widen it. Raises
        OutsideScope when the user may read nothing of the stage's province.
        """
        if not (limits.may("read") or limits.may("present")):
            raise OutsideScope("no reading")
        if limits.province_codes is not None and self.province_code not in limits.province_codes:
            raise OutsideScope(self.province_code)
        if limits.stage_code is not None and limits.stage_code != self.stage.code:
            raise OutsideScope(self.stage.code)
        scope = replace(self, allowed_communes=limits.commune_codes)
        if limits.commune_codes is not None:
            kept = tuple(c for c in self.commune_codes if c in limits.commune_codes)
            scope = replace(
                scope,
                commune_codes=kept or tuple(sorted(limits.commune_codes)),
                village_code=self.village_code if kept and kept == self.commune_codes else None,
            )
        visible = limits.visible_agency_codes
        if visible is not None:
            kept_agencies = tuple(a for a in self.agency_codes or () if a in visible)
            scope = replace(
                scope,
                agency_codes=kept_agencies or tuple(sorted(visible)),
                allowed_agencies=visible,
            )
        elif limits.agency_codes is not None and self.agency_codes is None:
            # A head who may also see other agencies starts on their own agency's view.
            scope = replace(scope, agency_codes=tuple(sorted(limits.agency_codes)))
        if limits.frozen_as_of is not None:
            scope = replace(scope, as_of=limits.frozen_as_of)
        return scope
