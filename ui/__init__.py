"""Streamlit-side helpers shared by pages: catalogue, formatting, cached data, filters, widgets."""
