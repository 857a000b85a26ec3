"""Importers: read files, detect layout, validate, return plain records (no SQL, no Qt)."""
