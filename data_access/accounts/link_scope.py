"""The scope of a presentation link and its Limits (pure, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from data_access.accounts.roles import LINK_ACTIONS, Limits


@dataclass(frozen=True)
class LinkScope:
    """What a presentation link shows: a province, optionally some communes, one agency, a stage."""

    province_code: str | None = None
    commune_codes: tuple[str, ...] | None = None
    agency_code: str | None = None
    stage_code: str | None = None


def link_limits(scope: LinkScope, *, frozen_as_of: date | None = None) -> Limits:
    """The Limits of a presentation link: present only, within its scope."""
    return Limits(
        actions=LINK_ACTIONS,
        province_codes=None if scope.province_code is None else frozenset({scope.province_code}),
        commune_codes=None if scope.commune_codes is None else frozenset(scope.commune_codes),
        agency_codes=None if scope.agency_code is None else frozenset({scope.agency_code}),
        is_link=True,
        stage_code=scope.stage_code,
        frozen_as_of=frozen_as_of,
    )


def scope_within(scope: LinkScope, limits: Limits) -> bool:
    """True when a link with `scope` would show nothing that `limits` may not read."""

    def inside(wanted: frozenset[str] | None, allowed: frozenset[str] | None) -> bool:
        if allowed is None:
            return True
        return wanted is not None and wanted <= allowed

    as_link = link_limits(scope)
    return (
        limits.may("read")
        and inside(as_link.province_codes, limits.province_codes)
        and inside(as_link.commune_codes, limits.commune_codes)
        and inside(as_link.agency_codes, limits.visible_agency_codes)
    )
