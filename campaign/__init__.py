"""Pure campaign logic: indicator math and text folding, with no Streamlit and no database."""
