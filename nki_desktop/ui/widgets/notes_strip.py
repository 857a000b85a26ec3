"""A small note marker on Översikt: the kommun's notes on the shown year (✎ and the texts,
each note's date and scope in the tooltip); hidden when there are none."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from nki_desktop.domain.actions import Note
from nki_desktop.services import notes as note_svc
from nki_desktop.storage import Store


def year_notes(notes: list[Note], year: int) -> list[Note]:
    return [n for n in notes if n.case_year == year]


class NotesStrip(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notes_strip")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#notes_strip { border-left:4px solid #009E73; padding:4px 8px; "
            "background:#F2FAF7; color:#1F3D33; }"
        )
        self.notes: list[Note] = []
        self.hide()

    def show_for(self, store: Store, unit: str, year: int | None) -> None:
        self.notes = year_notes(note_svc.notes(store, unit), year) if unit and year else []
        self.setVisible(bool(self.notes))
        if not self.notes:
            return
        items = " · ".join(
            escape(n.text) + (f" <i>({escape(n.scope_text)})</i>" if n.area or n.factor else "")
            for n in self.notes
        )
        self.setText(f"✎ <b>Anteckningar {year}:</b> {items}")
        self.setToolTip(
            "\n".join(f"{n.date} · {n.scope_text}: {n.text}" for n in self.notes)
            + "\n\nLägg till och ändra på skärmen Åtgärder."
        )
