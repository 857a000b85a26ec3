"""The sample data (fictitious values): load it, remove every import of it."""

from __future__ import annotations

from nki_desktop.domain.records import SaveResult
from nki_desktop.importers import sample
from nki_desktop.storage import Store


def load_sample(store: Store) -> SaveResult:
    """Store the generated sample data as one import (a second load changes nothing)."""
    return store.save_import(sample.generate(store.catalogue))


def remove_sample(store: Store) -> int:
    """Remove every sample-data import; returns how many were removed."""
    removed = 0
    for info in store.imports_of_publication("sample"):
        removed += store.undo_import(info.id)
    return removed
