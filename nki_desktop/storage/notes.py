"""Notes (anteckningar): add, change, list; deletion is soft (see ``soft_delete``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nki_desktop.domain.actions import Note
from nki_desktop.storage.soft_delete import get_record, insert_record, list_records, update_record

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store

_COLUMNS = (
    "id",
    "unit",
    "date",
    "year",
    "area",
    "factor",
    "text",
    "created_at",
    "changed_at",
    "deleted_at",
)
_EDITABLE = ("unit", "date", "year", "area", "factor", "text")


def _values(n: Note) -> tuple[Any, ...]:
    return (n.unit, n.date, n.year, n.area, n.factor, n.text)


def insert_note(store: Store, note: Note) -> int:
    return insert_record(store, "notes", _EDITABLE, _values(note))


def update_note(store: Store, note: Note) -> bool:
    return update_record(store, "notes", note.id or 0, _EDITABLE, _values(note))


def _note(r: Any) -> Note:
    return Note(
        id=r["id"],
        unit=r["unit"],
        date=r["date"],
        year=r["year"],
        area=r["area"],
        factor=r["factor"],
        text=r["text"],
        created_at=r["created_at"],
        changed_at=r["changed_at"],
        deleted_at=r["deleted_at"],
    )


def list_notes(store: Store, unit: str | None = None, deleted: bool = False) -> list[Note]:
    """A kommun's notes (all when None), oldest first; ``deleted``: the Papperskorg's."""
    rows = list_records(store, "notes", _COLUMNS, order="date, id", deleted=deleted, unit=unit)
    return [_note(r) for r in rows]


def get_note(store: Store, note_id: int) -> Note | None:
    r = get_record(store, "notes", _COLUMNS, note_id)
    return _note(r) if r else None
