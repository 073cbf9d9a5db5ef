"""The sign-in form served by the app server itself (Starlette routes, no Streamlit).

server.py passes `signin_routes(...)` to st.App; the frame reads the SESSION_COOKIE from
st.context.cookies and asks data_access.accounts.sessions.resolve_session who it is.
"""

from signin.routes import SESSION_COOKIE, SIGNIN_PATH, SIGNOUT_PATH, signin_routes, signin_url

__all__ = ["SESSION_COOKIE", "SIGNIN_PATH", "SIGNOUT_PATH", "signin_routes", "signin_url"]
