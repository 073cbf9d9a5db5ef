"""The app server: Streamlit's ASGI app serving the frame in app.py.

Start it with `streamlit run server.py` (the Makefile does); app.py stays the entry script
that draws the shared filters and owns routing through st.navigation.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# Streamlit treats a folder named pages/ beside the entry script as an old-style multipage
# app until the process's first st.navigation call, so a deep link as a fresh server's first
# request (/locality?commune=…) would run that page file without the frame. Streamlit offers
# no setting for this; the pages stay in pages/ by design, so the old mode is switched off
# once, here, before any session starts (tests/test_browser_frame.py guards it).
PagesManager.uses_pages_directory = False

app = st.App("app.py")
