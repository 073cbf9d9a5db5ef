"""Sections of the Administration page, each shown to the viewers whose rights it needs."""
