"""Speed measurements, as ratios against a bare Streamlit page timed in the same run."""
