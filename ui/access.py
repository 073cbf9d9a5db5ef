"""What the viewer sees of access: the sign-in gate, their box in the sidebar, refused pages."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

import streamlit as st

from i18n import translate
from signin.routes import SIGNOUT_PATH, signin_url
from ui.session import LINK_PARAM, Viewer

# A plain link and a plain form: Streamlit's link button opens a new tab, and the sign-in
# and sign-out pages belong in this one. The form posts from this page, so its Origin is the
# app's own (the sign-out route refuses cross-site posts).
BUTTON_STYLE = (
    "display:inline-block;padding:.55rem 1.2rem;border-radius:.5rem;border:0;"
    "background:#1f4e99;color:#fff;font:inherit;font-weight:600;text-decoration:none;"
    "cursor:pointer"
)
QUIET_STYLE = (
    "padding:0;border:0;background:none;color:inherit;font:inherit;text-decoration:underline;"
    "cursor:pointer"
)


def _origin() -> str:
    """scheme://host[:port] of this app as the browser reached it ("" when unknown).

    Links to the app's own sign-in pages are written absolute: Streamlit's frontend takes a
    relative link for one of its own pages and never leaves the app.
    """
    try:
        url = urlsplit(st.context.url or "")
    except (AttributeError, ValueError):
        return ""
    return f"{url.scheme}://{url.netloc}" if url.scheme in ("http", "https") else ""


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
    href = escape(_origin() + signin_url(_here()), quote=True)
    st.html(f'<a href="{href}" style="{BUTTON_STYLE}">{escape(t("access.with_account"))}</a>')
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
        label = escape(t("access.sign_out"))
        with box:
            st.html(
                f'<form method="post" action="{escape(_origin() + SIGNOUT_PATH)}">'
                f'<button type="submit" style="{QUIET_STYLE}">{label}</button></form>'
            )


def refuse_page(lang: str) -> None:
    """The viewer may not open this page: say so and stop."""
    st.error(translate("access.page_refused", lang))
    st.stop()
