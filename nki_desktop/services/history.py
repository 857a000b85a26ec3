"""The import history and the source preference: what the Import screen's history and
sources panels and ``nki-desktop imports|undo-import`` show and change."""

from __future__ import annotations

from dataclasses import dataclass

from nki_desktop.domain.records import ImportInfo
from nki_desktop.storage import Store


@dataclass(frozen=True)
class HistorySummary:
    """The imports in a line: how many, how many values, whether sample data is among them."""

    imports: int
    values: int
    has_sample: bool


def list_imports(store: Store) -> list[ImportInfo]:
    """Every import, in the order they were made."""
    return store.list_imports()


def summary(store: Store) -> HistorySummary:
    imports = store.list_imports()
    return HistorySummary(
        len(imports),
        sum(i.rows_stored for i in imports),
        any(i.publication == "sample" for i in imports),
    )


def get_import(store: Store, import_id: int) -> ImportInfo | None:
    return store.get_import(import_id)


def undo_import(store: Store, import_id: int) -> ImportInfo | None:
    """Remove one import and only what it brought; its record, or None when there is none."""
    info = store.get_import(import_id)
    if info is None or not store.undo_import(import_id):
        return None
    return info


def source_preference(store: Store) -> list[str]:
    """The publications in the order their values are preferred."""
    return list(store.preference())


def set_source_preference(store: Store, order: list[str]) -> None:
    store.set_preference(order)
