"""indicators page: being built."""

import streamlit as st

from ui.filters import current_filters

filters = current_filters()
st.title(filters.t("page.indicators"))
st.info(filters.t("page.not_built"))
