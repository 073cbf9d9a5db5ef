"""Boundary geometry for the importer: reading GeoJSON sources and simplifying commune shapes."""
