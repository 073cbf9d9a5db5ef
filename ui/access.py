"""What the viewer sees of access: the sign-in gate, their box in the sidebar, refused pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from i18n import translate
from signin.routes import signin_url
from ui.session import LINK_PARAM, Viewer


def _here() -> str:
    """The path and query of this page, to come back to after signing in."""
    try:
        url = urlsplit(st.context.url or "/")
    except (AttributeError, ValueError):
        return "/"
    query = "&".join(
        f"{key}={value}"
        for key in st.query_params
        if key != LINK_PARAM
        for value in st.query_params.get_all(key)
    )
    return url.path + (f"?{query}" if query else "")


def _sso_providers() -> list[str | None]:
    """The single sign-on providers of secrets.toml's [auth] (None: the one unnamed)."""
    try:
        auth = st.secrets.get("auth", {})
    except (FileNotFoundError, KeyError, ValueError):
        return []
    if not auth:
        return []
    if "client_id" in auth:
        return [None]
    return [
        name for name, section in auth.items() if hasattr(section, "get") and "client_id" in section
    ]


def render_signin_gate(lang: str, *, dead_link: bool = False, unknown_sso: bool = False) -> None:
    """Nobody signed in: say so in both languages, offer the ways in, and stop the run."""
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    st.title(t("access.title"), anchor=False)
    if dead_link:
        st.error(t("access.dead_link"))
    if unknown_sso:
        st.error(t("access.unknown_sso"))
    st.write(t("access.intro"))
    st.link_button(
        t("access.with_account"), signin_url(_here()), type="primary", icon=":material/login:"
    )
    for provider in _sso_providers():
        label = t("access.with_sso", provider=provider or "SSO")
        if st.button(label, key=f"sso_{provider}", icon=":material/key:"):
            st.login(provider) if provider else st.login()
    st.stop()


def render_viewer_box(viewer: Viewer, lang: str) -> None:
    """The sidebar's line naming who is signed in, with the way out."""
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    box = st.sidebar.container(key="viewer-box")
    if viewer.via == "link":
        box.caption(t("access.link_label", name=viewer.display_name))
        return
    box.caption(t("access.signed_in_as", name=viewer.display_name))
    if viewer.via == "sso":
        if box.button(t("access.sign_out"), key="viewer_sign_out", type="tertiary"):
            st.logout()
    else:
        box.link_button(t("access.sign_out"), signin_url("/"), type="tertiary")


def refuse_page(lang: str) -> None:
    """The viewer may not open this page: say so and stop."""
    st.error(translate("access.page_refused", lang))
    st.stop()
