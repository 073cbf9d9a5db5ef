"""Roles, actions and the Limits of a signed-in user or a presentation link (pure, no SQL).

A user's Limits are computed from their grants once per run and narrow every read and write:
pages may hide what is not allowed, but data functions check the Limits themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

COMMITTEE = "committee"
DEPARTMENT_HEAD = "department_head"
COMMUNE_OFFICER = "commune_officer"
DATA_OFFICER = "data_officer"
ADMIN = "admin"
# Every role there is, in the order the command line and the user list show them.
ROLES: tuple[str, ...] = (COMMITTEE, DEPARTMENT_HEAD, COMMUNE_OFFICER, DATA_OFFICER, ADMIN)
# How a role is named to people (Vietnamese, English).
ROLE_LABELS: dict[str, tuple[str, str]] = {
    COMMITTEE: ("Thành viên Ban Chỉ đạo", "Committee member"),
    DEPARTMENT_HEAD: ("Lãnh đạo sở, ngành", "Department head"),
    COMMUNE_OFFICER: ("Cán bộ xã", "Commune officer"),
    DATA_OFFICER: ("Cán bộ dữ liệu", "Data officer"),
    ADMIN: ("Quản trị hệ thống", "Administrator"),
}

# The fixed list of things a page or a data function may ask `Limits.may` about; a name that
# is not here is refused, so a typo in a check denies instead of allowing.
ACTIONS: tuple[str, ...] = (
    "read",  # see the dashboards within the read scope
    "present",  # presentation mode (slides)
    "brief",  # download the meeting brief (PDF)
    "upload_reports",  # enter or upload reports for one's own communes
    "import_reports",  # import report files for any commune, approve
    "rollback",  # undo an import batch
    "view_batches",  # import history and completeness detail
    "edit_register",  # commune register and target-group populations
    "edit_catalogue",  # campaigns, stages, agencies, groups, indicators and targets
    "edit_boundaries",  # commune boundaries
    "manage_users",  # accounts, grants, sessions
    "manage_links",  # create and revoke presentation links
    "record_decisions",  # store a meeting and record its decisions
    "view_audit",  # read the audit log
    "edit_settings",  # the app's settings held in the database
)

# What each role may do. Reading is scoped by the grant (province, communes, agency); the
# writes listed here are checked again by the write functions with the same Limits.
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    COMMITTEE: frozenset({"read", "present", "brief", "manage_links", "record_decisions"}),
    DEPARTMENT_HEAD: frozenset({"read"}),
    COMMUNE_OFFICER: frozenset({"read", "upload_reports"}),
    DATA_OFFICER: frozenset(
        {"read", "import_reports", "rollback", "view_batches", "record_decisions"}
    ),
    ADMIN: frozenset(
        {
            "read",
            "view_batches",
            "edit_register",
            "edit_catalogue",
            "edit_boundaries",
            "manage_users",
            "manage_links",
            "view_audit",
            "edit_settings",
        }
    ),
}
# A presentation link may present and nothing else (no pages, no downloads, no writes).
LINK_ACTIONS = frozenset({"present"})


@dataclass(frozen=True)
class Grant:
    """One row of the grants table: a role with its scope (None: not limited that way)."""

    role: str
    province_code: str | None = None
    commune_code: str | None = None
    agency_code: str | None = None


def grant_problem(grant: Grant) -> str | None:
    """Why a grant gives nothing (unknown role, officer without commune...), else None."""
    if grant.role not in ROLES:
        return "unknown role"
    if grant.role == COMMUNE_OFFICER and not grant.commune_code:
        return "a commune officer needs a commune"
    if grant.role != COMMUNE_OFFICER and grant.commune_code:
        return "only a commune officer is granted a commune"
    if grant.role == DEPARTMENT_HEAD and not grant.agency_code:
        return "a department head needs an agency"
    if grant.role != DEPARTMENT_HEAD and grant.agency_code:
        return "only a department head is granted an agency"
    return None


def _union(values: Iterable[str | None]) -> frozenset[str] | None:
    """Union of codes, None (= all) as soon as one is None."""
    codes: set[str] = set()
    for value in values:
        if value is None:
            return None
        codes.add(value)
    return frozenset(codes)


@dataclass(frozen=True)
class Limits:
    """What one user (or one presentation link) may see and do.

    The read scope is province_codes ∩ commune_codes ∩ agency_codes (None: all). An empty
    set allows nothing. `agency_view_only` True means agency_codes is only the default view:
    other agencies' indicators are visible too, read only (DASHBOARD_HEADS_SEE_ALL_AGENCIES).
    """

    roles: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    province_codes: frozenset[str] | None = frozenset()
    commune_codes: frozenset[str] | None = frozenset()
    agency_codes: frozenset[str] | None = frozenset()
    agency_view_only: bool = False
    # Communes a commune officer enters and uploads reports for (whatever else they read).
    upload_commune_codes: frozenset[str] = frozenset()
    # Presentation links only: the stage shown and the as-of date frozen for the meeting.
    is_link: bool = False
    stage_code: str | None = None
    frozen_as_of: date | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)

    def may(self, action: str) -> bool:
        """True when `action` (one of ACTIONS) is allowed; an unknown name is refused."""
        return action in ACTIONS and action in self.actions

    def may_read_commune(self, commune_code: str, *, province_code: str | None) -> bool:
        """True when the commune is in the read scope; `province_code` is its province in the
        register (None when unknown: then a user limited to some provinces is refused)."""
        if not (self.may("read") or self.may("present")):
            return False
        if self.commune_codes is not None and commune_code not in self.commune_codes:
            return False
        return self.province_codes is None or province_code in self.province_codes

    def may_upload_for(self, commune_code: str, *, province_code: str | None) -> bool:
        """True when reports of this commune may be entered, uploaded or imported."""
        if self.may("import_reports") and self.may_read_commune(
            commune_code, province_code=province_code
        ):
            return True
        return self.may("upload_reports") and commune_code in self.upload_commune_codes

    @property
    def visible_agency_codes(self) -> frozenset[str] | None:
        """Agencies whose indicators may be shown (None: all)."""
        return None if self.agency_view_only else self.agency_codes

    def narrow_provinces(self, requested: Iterable[str] | None) -> frozenset[str] | None:
        """The provinces a URL asks for, never more than allowed (None: all allowed)."""
        return _narrow(requested, self.province_codes)

    def narrow_communes(self, requested: Iterable[str] | None) -> frozenset[str] | None:
        """The communes a URL asks for, never more than allowed (None: all allowed)."""
        return _narrow(requested, self.commune_codes)

    def narrow_agencies(self, requested: Iterable[str] | None) -> frozenset[str] | None:
        """The agencies a URL asks for, never more than visible (None: all visible)."""
        return _narrow(requested, self.visible_agency_codes)


def _narrow(
    requested: Iterable[str] | None, allowed: frozenset[str] | None
) -> frozenset[str] | None:
    if requested is None:
        return allowed
    wanted = frozenset(requested)
    return wanted if allowed is None else wanted & allowed


NO_LIMITS_GIVEN = Limits()  # nothing at all: the answer for no grants or a bad grant


def compute_limits(grants: Iterable[Grant], *, heads_see_all_agencies: bool = False) -> Limits:
    """The Limits given by a user's grants; no grants (or only invalid ones) give nothing."""
    valid: list[Grant] = []
    problems: list[str] = []
    for grant in grants:
        problem = grant_problem(grant)
        if problem:
            problems.append(f"{grant.role}: {problem}")
        else:
            valid.append(grant)
    if not valid:
        return Limits(problems=tuple(problems))
    roles = frozenset(g.role for g in valid)
    actions = frozenset().union(*(ROLE_ACTIONS[role] for role in roles))
    wide = [g for g in valid if g.role != COMMUNE_OFFICER]  # read a whole province
    officers = [g for g in valid if g.role == COMMUNE_OFFICER]
    if wide:
        provinces = _union(g.province_code for g in wide)
        communes: frozenset[str] | None = None
        # A commune outside every province read in full cannot be added without widening the
        # province set; it stays out of reading (fail closed) but keeps its upload right.
    else:
        provinces = _union(g.province_code for g in officers)
        communes = frozenset(g.commune_code for g in officers if g.commune_code)
    heads = [g for g in valid if g.role == DEPARTMENT_HEAD]
    if any(g.role != DEPARTMENT_HEAD for g in valid):
        agencies: frozenset[str] | None = None
        view_only = False
    else:
        agencies = frozenset(g.agency_code for g in heads if g.agency_code)
        view_only = heads_see_all_agencies
    return Limits(
        roles=roles,
        actions=actions,
        province_codes=provinces,
        commune_codes=communes,
        agency_codes=agencies,
        agency_view_only=view_only,
        upload_commune_codes=frozenset(g.commune_code for g in officers if g.commune_code),
        problems=tuple(problems),
    )
