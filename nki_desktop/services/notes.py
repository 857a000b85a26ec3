"""Notes (anteckningar) for the window and the command line: add, edit, list, remove to the
Papperskorg and restore. Input is checked here (Swedish messages)."""

from __future__ import annotations

from nki_desktop.domain.actions import Note, checked_note
from nki_desktop.domain.errors import InputError
from nki_desktop.services.soft_records import move
from nki_desktop.storage import Store
from nki_desktop.storage import notes as sql


def add(store: Store, note: Note) -> Note:
    new_id = sql.insert_note(store, checked_note(note))
    stored = sql.get_note(store, new_id)
    assert stored is not None
    return stored


def edit(store: Store, note: Note) -> Note:
    if note.id is None:
        raise InputError("Anteckningen finns inte sparad än; lägg till den först.")
    if not sql.update_note(store, checked_note(note)):
        raise _missing(note.id)
    return get(store, note.id)


def notes(store: Store, unit: str | None = None, year: int | None = None) -> list[Note]:
    """A kommun's notes (all when None); ``year``: those of that year or of no year."""
    rows = sql.list_notes(store, unit)
    return [n for n in rows if year is None or n.year in (None, year)]


def get(store: Store, note_id: int) -> Note:
    note = sql.get_note(store, note_id)
    if note is None:
        raise _missing(note_id)
    return note


def remove(store: Store, note_id: int) -> Note:
    refusal = InputError(f"Anteckning {note_id} ligger redan i papperskorgen.")
    return move(store, "notes", note_id, deleted=True, get=get, refusal=refusal)


def restore(store: Store, note_id: int) -> Note:
    refusal = InputError(f"Anteckning {note_id} ligger inte i papperskorgen; inget att återställa.")
    return move(store, "notes", note_id, deleted=False, get=get, refusal=refusal)


def deleted(store: Store, unit: str | None = None) -> list[Note]:
    return sql.list_notes(store, unit, deleted=True)


def _missing(note_id: int) -> InputError:
    return InputError(
        f"Det finns ingen anteckning med id {note_id}. Se id:n med: nki-desktop notes list"
    )
