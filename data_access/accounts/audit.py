"""The audit log: who did what, when and from where. Writers call `record_audit` in their own
transaction, so the record and the change commit (or roll back) together."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.clock import as_naive_utc, utc_now
from data_access.frames import Bind, read_frame

# Actions written by this package; imports, rollbacks and register writes add their own
# names (e.g. "import_reports", "rollback") through the same function.
SIGNIN = "signin"
SIGNIN_FAILED = "signin_failed"
SIGNIN_THROTTLED = "signin_throttled"
SIGNOUT = "signout"
SESSION_REVOKED = "session_revoked"
USER_CREATED = "user_created"
USER_CHANGED = "user_changed"
GRANT_ADDED = "grant_added"
GRANT_REVOKED = "grant_revoked"
PASSWORD_RESET = "password_reset"
OIDC_LINKED = "oidc_linked"
OIDC_REFUSED = "oidc_refused"
LINK_CREATED = "link_created"
LINK_REVOKED = "link_revoked"
# Keys never written into details, whatever a caller passes: secrets stay out of the log.
SECRET_KEYS = frozenset({"password", "password_hash", "token", "token_sha256", "secret"})
# Columns are sized in the schema; longer text is cut rather than failing the writer.
ACTOR_MAX, ADDRESS_MAX, ACTION_MAX = 100, 64, 64


def record_audit(
    connection: sa.Connection,
    *,
    action: str,
    actor: str,
    user_id: int | None = None,
    address: str = "",
    details: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Add one audit record inside the caller's transaction."""
    clean = {k: v for k, v in (details or {}).items() if k not in SECRET_KEYS}
    connection.execute(
        s.audit_log.insert(),
        {
            "at": as_naive_utc(at) if at else utc_now(),
            "user_id": user_id,
            "actor": (actor or "?")[:ACTOR_MAX],
            "address": (address or "")[:ADDRESS_MAX],
            "action": action[:ACTION_MAX],
            "details": json.dumps(clean, ensure_ascii=False, sort_keys=True, default=str),
        },
    )


def fetch_audit(
    bind: Bind,
    *,
    limit: int = 200,
    action: str | None = None,
    user_id: int | None = None,
    since: datetime | None = None,
) -> pd.DataFrame:
    """Audit records, newest first.

    Columns: id, at, user_id, actor, address, action, details (a dict).
    """
    log = s.audit_log.c
    stmt = sa.select(log.id, log.at, log.user_id, log.actor, log.address, log.action, log.details)
    if action is not None:
        stmt = stmt.where(log.action == action)
    if user_id is not None:
        stmt = stmt.where(log.user_id == user_id)
    if since is not None:
        stmt = stmt.where(log.at >= as_naive_utc(since))
    frame = read_frame(bind, stmt.order_by(log.id.desc()).limit(limit))
    frame["details"] = [json.loads(text or "{}") for text in frame["details"]]
    frame["at"] = pd.to_datetime(frame["at"])
    frame["user_id"] = frame["user_id"].astype("Int64")
    return frame
