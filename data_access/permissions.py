"""Who may write what: every write of campaign data checks its actor here, failing closed.

The pages only offer what a viewer may do; these checks are the ones that count, on every
write path (the pages and the command line alike). An operator at the command line (an Actor
without Limits) already holds the database's credentials and is not limited further.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.accounts.audit import record_audit
from data_access.importers.problems import Problem

# The action a write of each kind of batch needs (data_access.accounts.roles.ACTIONS).
KIND_ACTIONS = {
    "reports": "import_reports",
    "localities": "edit_register",
    "populations": "edit_register",
    "boundaries": "edit_boundaries",
    "agencies": "edit_catalogue",
    "task_groups": "edit_catalogue",
    "target_groups": "edit_catalogue",
    "campaign": "edit_catalogue",
    "indicators": "edit_catalogue",
    "targets": "edit_catalogue",
    "edit": "edit_catalogue",
}
# Audit actions of data writes (accounts' own writes have theirs in accounts.audit).
IMPORTED, ROLLED_BACK = "import", "rollback"


def may_write(actor: Actor, kind: str) -> bool:
    """True when `actor` may write a batch of `kind` (reports: also a commune officer, for
    their own communes; each row is checked by refused_communes)."""
    if actor.limits is None:
        return True
    if kind == "reports" and actor.limits.may("upload_reports"):
        return True
    action = KIND_ACTIONS.get(kind)
    return action is not None and actor.limits.may(action)


def refusal(actor: Actor, kind: str) -> Problem | None:
    """The problem to report when `actor` may not write `kind`, else None."""
    if may_write(actor, kind):
        return None
    return Problem("import.not_allowed", params={"user": actor.name})


def refused_communes(
    connection: sa.Connection, actor: Actor, commune_codes: Iterable[str]
) -> set[str]:
    """The communes among `commune_codes` whose reports `actor` may not write."""
    codes = set(commune_codes)
    if actor.limits is None or not codes:
        return set()
    loc, parent = s.localities, s.localities.alias("parent")
    provinces = dict(
        connection.execute(
            sa.select(loc.c.code, parent.c.code)
            .join(parent, parent.c.id == loc.c.parent_id)
            .where(loc.c.code.in_(sorted(codes)))
        ).all()
    )
    return {
        code
        for code in codes
        if not actor.limits.may_upload_for(code, province_code=provinces.get(code))
    }


def audit_write(
    connection: sa.Connection, actor: Actor, action: str, details: dict[str, object]
) -> None:
    """Record a data write (import, rollback, edit) in the audit log, in its transaction."""
    record_audit(
        connection,
        action=action,
        actor=actor.name,
        user_id=actor.user_id,
        address=actor.address,
        details=details,
    )
