"""Accounts: who may sign in, with which roles and scopes, and their open sessions."""

from __future__ import annotations

import streamlit as st

from data_access.accounts.actors import AccountError
from data_access.accounts.clock import utc_now
from data_access.accounts.grants import add_grant, revoke_grants
from data_access.accounts.roles import ROLE_LABELS, ROLES, Grant
from data_access.accounts.sessions import fetch_sessions, revoke_session
from data_access.accounts.users import create_user, fetch_users, set_disabled, set_password
from ui.data import app_engine
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.tables import PLAIN_IDS, show_table


def _role_name(role: str, lang: str) -> str:
    vi, en = ROLE_LABELS[role]
    return en if lang == "en" else vi


def _grant_inputs(filters: Filters, key: str) -> Grant:
    """A role and the scope it needs: a commune for an officer, an agency for a head."""
    t, lang = filters.t, filters.lang
    role = st.selectbox(
        t("admin.role"), ROLES, format_func=lambda r: _role_name(r, lang), key=f"{key}_role"
    )
    commune = agency = None
    if role == "commune_officer":
        names = dict(zip(filters.communes["code"], filters.communes["name"], strict=True))
        commune = st.selectbox(
            t("common.commune"),
            list(names),
            format_func=lambda c: f"{names[c]} ({c})",
            key=f"{key}_commune",
        )
    if role == "department_head":
        agency = st.text_input(t("common.agency"), key=f"{key}_agency").strip().upper() or None
    return Grant(
        role=role, province_code=filters.province_code, commune_code=commune, agency_code=agency
    )


def _done(action, message: str) -> None:  # noqa: ANN001 (a callable doing the change)
    """Run one change and say how it went (the errors are bilingual already)."""
    try:
        action()
    except AccountError as error:
        st.error(str(error))
    else:
        st.success(message)


def render_accounts(filters: Filters) -> None:
    """The accounts table, a form to add one, the actions on one, and the open sessions."""
    t, lang, actor, engine = filters.t, filters.lang, filters.viewer.actor, app_engine()
    users = fetch_users(engine)
    shown = users[["login", "display_name", "email", "grants", "disabled", "has_password", "sso"]]
    show_table(shown, lang, formats=PLAIN_IDS, hide_index=True, width="stretch")
    table_downloads(shown, name="accounts", lang=lang, key="export_accounts")
    with st.expander(t("admin.add_account")), st.form("add_account", clear_on_submit=True):
        login = st.text_input(t("admin.login"))
        name = st.text_input(t("admin.display_name"))
        email = st.text_input(t("admin.email"))
        password = st.text_input(
            t("admin.password"), type="password", help=t("admin.password_help")
        )
        grant = _grant_inputs(filters, "new")
        if st.form_submit_button(t("admin.create"), type="primary"):

            def create() -> None:
                create_user(
                    engine,
                    login=login,
                    display_name=name or login,
                    actor=actor,
                    email=email or None,
                    password=password or None,
                )
                add_grant(engine, login, grant, actor=actor)

            _done(create, t("admin.created", login=login))
    chosen = st.selectbox(t("admin.pick_account"), list(users["login"]), index=None)
    if chosen:
        row = users.set_index("login").loc[chosen]
        left, right = st.columns(2)
        with left:
            disabled = bool(row["disabled"])
            if st.button(t("admin.enable" if disabled else "admin.disable"), key="toggle"):
                _done(
                    lambda: set_disabled(engine, chosen, not disabled, actor=actor),
                    t("admin.saved"),
                )
            with st.form("reset_password", clear_on_submit=True):
                new = st.text_input(t("admin.new_password"), type="password")
                if st.form_submit_button(t("admin.reset_password")):
                    _done(lambda: set_password(engine, chosen, new, actor=actor), t("admin.saved"))
        with right:
            grant = _grant_inputs(filters, "grant")
            grant_col, revoke_col = st.columns(2)
            if grant_col.button(t("admin.grant"), key="grant"):
                _done(lambda: add_grant(engine, chosen, grant, actor=actor), t("admin.saved"))
            if revoke_col.button(t("admin.revoke"), key="revoke"):
                _done(
                    lambda: revoke_grants(
                        engine,
                        chosen,
                        grant.role,
                        actor=actor,
                        commune_code=grant.commune_code,
                        agency_code=grant.agency_code,
                    ),
                    t("admin.saved"),
                )
    st.subheader(t("admin.sessions"), anchor=False)
    sessions = fetch_sessions(engine, now=utc_now())
    show_table(
        sessions.drop(columns=["user_agent"]),
        filters.lang,
        formats=PLAIN_IDS,
        hide_index=True,
        width="stretch",
    )
    session_id = st.selectbox(t("admin.pick_session"), list(sessions["id"]), index=None)
    if session_id is not None and st.button(t("admin.end_session")):
        _done(lambda: revoke_session(engine, int(session_id), actor=actor), t("admin.saved"))
