"""Opening the user's database: the composition root's first step (window and command line)."""

from __future__ import annotations

from pathlib import Path

from nki_desktop.paths import default_db_path, shipped_catalogue
from nki_desktop.storage import Store


def open_store(db: str | Path | None = None, readonly: bool = False) -> Store:
    """The user's database (or the one given), created and migrated only when needed."""
    return Store.open(Path(db) if db else default_db_path(), shipped_catalogue(), readonly=readonly)
