"""Synthetic demo data: a deterministic generator of campaign provinces and its committed output.

Run ``python -m sample_data.generate`` to rewrite the demo province files in this folder; the
formats are documented in ``docs/data-formats.md``. All data here is synthetic (dữ liệu mô phỏng).
"""
