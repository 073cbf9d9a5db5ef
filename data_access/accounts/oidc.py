"""Single sign-on (OIDC, through st.login): which account an identity from the provider is.

An identity is known by its issuer and subject. The first time, it is linked to the account an
administrator made with the same e-mail address (when the provider says the address is
verified); an identity matching no account gets no access at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import audit
from data_access.accounts.clock import as_naive_utc
from data_access.accounts.grants import fetch_grants
from data_access.accounts.roles import compute_limits
from data_access.accounts.sessions import SignedIn
from data_access.engine import immediate_transaction
from data_access.frames import Bind, connected
from data_access.settings import load_settings


@dataclass(frozen=True)
class OidcIdentity:
    """Who the provider says signed in: issuer and subject, and an e-mail if it gave one."""

    issuer: str
    subject: str
    email: str | None = None
    email_verified: bool = False


def identity_from_claims(claims: Mapping[str, Any]) -> OidcIdentity | None:
    """The identity in an ID token's claims (e.g. st.user.to_dict()), None without iss/sub."""
    issuer, subject = claims.get("iss"), claims.get("sub")
    if not isinstance(issuer, str) or not isinstance(subject, str) or not issuer or not subject:
        return None
    email = claims.get("email")
    verified = claims.get("email_verified")
    return OidcIdentity(
        issuer=issuer,
        subject=subject,
        email=email.strip().lower() if isinstance(email, str) and email.strip() else None,
        # Some providers send "true" as text; anything else is not a verification.
        email_verified=verified is True or verified == "true",
    )


def account_for_identity(
    engine: sa.Engine, identity: OidcIdentity, *, now: datetime, address: str = ""
) -> int | None:
    """The id of the account this identity signs in as, linking it by e-mail the first time.

    None for an unknown identity, a disabled account, or an e-mail not verified by the
    provider (each refusal is audited).
    """
    now = as_naive_utc(now)
    u = s.users.c
    with immediate_transaction(engine) as connection:
        row = connection.execute(
            sa.select(u.id, u.disabled).where(
                u.oidc_issuer == identity.issuer, u.oidc_subject == identity.subject
            )
        ).first()
        if row is not None:
            if row.disabled:
                _refuse(connection, identity, now, address, "disabled", row.id)
                return None
            return row.id
        if not identity.email or not identity.email_verified:
            _refuse(connection, identity, now, address, "no_verified_email", None)
            return None
        row = connection.execute(
            sa.select(u.id, u.login, u.disabled, u.oidc_subject).where(u.email == identity.email)
        ).first()
        if row is None or row.disabled or row.oidc_subject is not None:
            # An account already linked to another identity is never relinked by e-mail.
            reason = "unknown" if row is None else "disabled" if row.disabled else "linked"
            _refuse(connection, identity, now, address, reason, row.id if row else None)
            return None
        connection.execute(
            s.users.update()
            .where(u.id == row.id)
            .values(oidc_issuer=identity.issuer, oidc_subject=identity.subject)
        )
        audit.record_audit(
            connection,
            action=audit.OIDC_LINKED,
            actor=row.login,
            user_id=row.id,
            address=address,
            details={"issuer": identity.issuer, "subject": identity.subject},
            at=now,
        )
        return row.id


def _refuse(
    connection: sa.Connection,
    identity: OidcIdentity,
    now: datetime,
    address: str,
    reason: str,
    user_id: int | None,
) -> None:
    audit.record_audit(
        connection,
        action=audit.OIDC_REFUSED,
        actor=(identity.email or identity.subject),
        user_id=user_id,
        address=address,
        details={"issuer": identity.issuer, "subject": identity.subject, "reason": reason},
        at=now,
    )


def signed_in_user(bind: Bind, user_id: int) -> SignedIn | None:
    """A SignedIn for an account found by single sign-on (session_id 0), None if disabled."""
    u = s.users.c
    with connected(bind) as connection:
        row = connection.execute(
            sa.select(u.login, u.display_name).where(u.id == user_id, sa.not_(u.disabled))
        ).first()
        if row is None:
            return None
        grants = fetch_grants(connection, user_id)
    limits = compute_limits(grants, heads_see_all_agencies=load_settings().heads_see_all_agencies)
    return SignedIn(user_id, row.login, row.display_name, limits, session_id=0)
