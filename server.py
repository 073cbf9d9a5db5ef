"""The app server: Streamlit's ASGI app serving the frame in app.py, and the sign-in form.

Start it with `streamlit run server.py` (the Makefile does); app.py stays the entry script
that draws the shared filters and owns routing through st.navigation. /signin and /signout
are plain routes of the same server (signin/), so signing in needs no Streamlit session.
"""

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

from data_access.settings import load_settings
from signin import signin_routes

# Streamlit treats a folder named pages/ beside the entry script as an old-style multipage
# app until the process's first st.navigation call, so a deep link as a fresh server's first
# request (/locality?commune=…) would run that page file without the frame. Streamlit offers
# no setting for this; the pages stay in pages/ by design, so the old mode is switched off
# once, here, before any session starts (tests/test_browser_frame.py guards it).
PagesManager.uses_pages_directory = False

# The server refuses uploads above server.maxUploadSize; it follows DASHBOARD_IMPORT_MAX_BYTES
# (the importer's own limit), so the two can never disagree. The upload route reads the option
# on every request, so setting it here, before the server serves, is enough.
config.set_option(
    "server.maxUploadSize", load_settings().upload_limit_mb, "DASHBOARD_IMPORT_MAX_BYTES"
)

# `streamlit run` has loaded the configuration before importing this file, so the routes sit
# under the same base path as the app when it is published below one (server.baseUrlPath).
app = st.App("app.py", routes=signin_routes(config.get_option("server.baseUrlPath") or ""))
