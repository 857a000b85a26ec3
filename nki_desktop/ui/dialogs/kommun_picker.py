"""Choose "min kommun": searchable by name or code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.municipalities import Catalogue


class KommunPicker(QDialog):
    def __init__(
        self,
        catalogue: Catalogue,
        current: str = "",
        parent: QWidget | None = None,
        first_run: bool = False,
    ):
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWindowTitle("Välj min kommun")
        self.resize(420, 520)
        layout = QVBoxLayout(self)
        intro = (
            "Välkommen till NKI Desktop! Vilken kommun arbetar du för? "
            "Valet sparas och kan ändras senare under Arkiv → Byt kommun."
            if first_run
            else "Sök på kommunens namn eller kod."
        )
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.search = QLineEdit(placeholderText="Sök kommun, t.ex. Örebro eller 1880")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Välj")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.search.returnPressed.connect(self._on_search_return)
        self._on_search_text_changed("")
        if current:
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                    self.list.setCurrentRow(row)
                    self.list.scrollToItem(self.list.item(row))
        self.search.setFocus()

    def _on_search_text_changed(self, text: str) -> None:
        self.list.clear()
        for k in self.catalogue.search(text):
            item = QListWidgetItem(f"{k.name}  ({k.code}, {k.lan_name})")
            item.setData(Qt.ItemDataRole.UserRole, k.code)
            self.list.addItem(item)
        if self.list.count() == 1 or (text and self.list.count()):
            self.list.setCurrentRow(0)
        self._update_ok()

    def _on_search_return(self) -> None:
        if self.selected_code():
            self.accept()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.selected_code() is not None
        )

    def selected_code(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
