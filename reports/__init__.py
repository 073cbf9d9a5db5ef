"""Printable reports built from the dashboard's data: the Steering Committee meeting brief."""
