"""Who is looking, resolved on every run: a presentation link, a signed-in session (cookie),
or the province's single sign-on; nobody else sees anything.

The frame calls `current_viewer()` before drawing the filters; every Scope is then narrowed
to the viewer's Limits (figures.scope.Scope.narrowed_to), the one place they apply to reads.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from data_access.accounts.actors import Actor
from data_access.accounts.clock import utc_now
from data_access.accounts.links import resolve_link
from data_access.accounts.oidc import account_for_identity, identity_from_claims, signed_in_user
from data_access.accounts.roles import Limits
from data_access.accounts.sessions import resolve_session
from signin.routes import SESSION_COOKIE

LINK_PARAM = "link"  # ?link=<token>: the read-only presentation link of a meeting room
# Where the SSO account of this browser session was found (issuer, subject) -> user id, so
# the provider's identity is matched once per session, not on every run.
_SSO_KEY = "viewer_sso_account"


@dataclass(frozen=True)
class Viewer:
    """The person (or meeting-room link) the page is drawn for."""

    name: str  # login, or the link's label
    display_name: str
    limits: Limits
    user_id: int | None  # None for a presentation link
    via: str  # "password", "sso" or "link"
    address: str = ""

    @property
    def actor(self) -> Actor:
        """This viewer as the author of a change (checked against their Limits)."""
        return Actor(name=self.name, user_id=self.user_id, address=self.address, limits=self.limits)


def _address() -> str:
    try:
        address = st.context.ip_address
    except (AttributeError, RuntimeError):
        return ""
    # Only a real server knows the address (AppTest's context holds a stand-in object).
    return address if isinstance(address, str) else ""


def _from_link(engine, token: str) -> Viewer | None:  # noqa: ANN001 (sa.Engine)
    access = resolve_link(engine, token, now=utc_now())
    if access is None:
        return None
    label = access.label or "—"
    return Viewer(label, label, access.limits, None, "link", _address())


def _from_cookie(engine) -> Viewer | None:  # noqa: ANN001
    token = st.context.cookies.get(SESSION_COOKIE)
    signed = resolve_session(engine, token, now=utc_now()) if isinstance(token, str) else None
    if signed is None:
        return None
    return Viewer(
        signed.login, signed.display_name, signed.limits, signed.user_id, "password", _address()
    )


def _from_sso(engine) -> Viewer | None:  # noqa: ANN001
    claims = st.user.to_dict() if hasattr(st.user, "to_dict") else dict(st.user)
    if not claims.get("is_logged_in"):
        return None
    identity = identity_from_claims(claims)
    if identity is None:
        return None
    key = (identity.issuer, identity.subject)
    known = st.session_state.get(_SSO_KEY)
    if not known or known[0] != key:
        user_id = account_for_identity(engine, identity, now=utc_now(), address=_address())
        st.session_state[_SSO_KEY] = (key, user_id)
    user_id = st.session_state[_SSO_KEY][1]
    signed = signed_in_user(engine, user_id) if user_id is not None else None
    if signed is None:
        return None
    return Viewer(
        signed.login, signed.display_name, signed.limits, signed.user_id, "sso", _address()
    )


def current_viewer(engine) -> Viewer | None:  # noqa: ANN001 (sa.Engine)
    """The viewer of this run, or None when nobody is signed in (or the link is dead)."""
    token = st.query_params.get(LINK_PARAM)
    if isinstance(token, str) and token:
        return _from_link(engine, token)
    return _from_cookie(engine) or _from_sso(engine)
