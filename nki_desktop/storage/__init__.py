"""The SQLite store: the only package with SQL in it."""

from nki_desktop.storage.repository import Store

__all__ = ["Store"]
