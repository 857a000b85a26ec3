"""Choose the kommuner to compare with: a searchable list with check boxes."""

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


class ComparePicker(QDialog):
    def __init__(
        self, catalogue: Catalogue, chosen: list[str], mine: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Välj jämförelsekommuner")
        self.resize(420, 560)
        self.catalogue = catalogue
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Kryssa i de kommuner du vill jämföra med. Sök på namn eller kommunkod.")
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök kommun…")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget()
        for k in catalogue.kommuner:
            if k.code == mine:
                continue
            item = QListWidgetItem(f"{k.name} ({k.code}) – {k.lan_name}")
            item.setData(Qt.ItemDataRole.UserRole, k.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if k.code in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._on_search_changed)
        self.list.itemChanged.connect(self._update_count)
        self._update_count()

    def _on_search_changed(self, text: str) -> None:
        shown = {k.code for k in self.catalogue.search(text)}
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in shown)

    def _update_count(self, *_args) -> None:
        self.count.setText(f"{len(self.selected())} valda")

    def selected(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
