"""Ny anteckning / Ändra anteckning: a dated text on the kommun, a year, an area or a factor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.actions import Note
from nki_desktop.domain.areas import AREAS, SERVICE_FACTORS, factor_label
from nki_desktop.services import notes as svc
from nki_desktop.storage import Store
from nki_desktop.ui.errors import user_message
from nki_desktop.ui.widgets.form_footer import add_form_footer


class NoteDialog(QDialog):
    """Add (``note.id`` None) or edit a note; ``saved`` holds the stored one after OK."""

    def __init__(self, store: Store, note: Note, years: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.note = note
        self.saved: Note | None = None
        self.setWindowTitle("Ändra anteckning" if note.id else "Ny anteckning")
        self.resize(480, 340)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text_edit = QPlainTextEdit(note.text)
        self.text_edit.setPlaceholderText("T.ex. ”Omorganisation av bygglov” eller ”Få svar: 9”")
        self.text_edit.setMaximumHeight(90)
        form.addRow("&Text:", self.text_edit)
        self.date_edit = QLineEdit(note.date or dt.date.today().isoformat())
        self.date_edit.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.date_edit.setMaximumWidth(120)
        form.addRow("&Datum:", self.date_edit)
        self.year_combo = QComboBox()
        self.year_combo.addItem("Inget särskilt år", None)
        for y in sorted(set(years) | ({note.year} if note.year else set()), reverse=True):
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(note.year)))
        form.addRow("Gäller &år:", self.year_combo)
        self.area_combo = QComboBox()
        self.area_combo.addItem("Alla områden", None)
        for a in AREAS:
            self.area_combo.addItem(a.label, a.key)
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(note.area)))
        form.addRow("Gäller &område:", self.area_combo)
        self.factor_combo = QComboBox()
        self.factor_combo.addItem("Alla serviceområden", None)
        for f in SERVICE_FACTORS:
            self.factor_combo.addItem(factor_label(f), f)
        self.factor_combo.setCurrentIndex(max(0, self.factor_combo.findData(note.factor)))
        form.addRow("Gäller &serviceområde:", self.factor_combo)
        layout.addLayout(form)
        self.error, _buttons = add_form_footer(self, layout, self.save)

    def current(self) -> Note:
        return Note(
            unit=self.note.unit,
            text=self.text_edit.toPlainText(),
            date=self.date_edit.text(),
            year=self.year_combo.currentData(),
            area=self.area_combo.currentData(),
            factor=self.factor_combo.currentData(),
            id=self.note.id,
        )

    def save(self) -> None:
        self.error.hide()
        try:
            note = self.current()
            self.saved = svc.edit(self.store, note) if note.id else svc.add(self.store, note)
        except Exception as exc:  # noqa: BLE001 - a refusal or a failure, told in Swedish
            self.error.setText(user_message(exc))
            self.error.show()
            return
        self.accept()
