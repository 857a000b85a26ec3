"""Assign the columns of a file the program could not place (generic: any importer's targets).

One line per column: its letter, its header, a few sample values and a choice of target.
The answer is ``mapping() -> {column index: target key}``; 'ignore' columns are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.importers.base import column_letter

IGNORE = "ignore"


class MappingDialog(QDialog):
    def __init__(
        self,
        file_name: str,
        sheet: str,
        headers: Sequence[str],
        samples: Sequence[Sequence[str]],
        targets: Sequence[tuple[str, str]],
        initial: dict[int, str] | None = None,
        parent: QWidget | None = None,
        message: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(f"Koppla kolumner – {file_name}")
        self.resize(900, 520)
        self.targets = list(targets)
        if not any(key == IGNORE for key, _ in self.targets):
            self.targets.insert(0, (IGNORE, "Används inte"))
        initial = initial or {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            (message + "\n\n" if message else "")
            + f"Blad: {sheet}. Välj vad varje kolumn innehåller. Kolumner som inte behövs "
            "lämnas som ”Används inte”. Valet sparas och används för filer med samma "
            "upplägg."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(headers), 3)
        self.table.setHorizontalHeaderLabels(["Kolumn", "Exempel på innehåll", "Innehåller"])
        self.table.verticalHeader().setVisible(False)
        self.combos: list[QComboBox] = []
        for i, header in enumerate(headers):
            name = QTableWidgetItem(f"{column_letter(i)}: {header or '(tom rubrik)'}")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            examples = [row[i] for row in samples if i < len(row) and row[i]]
            sample = QTableWidgetItem(", ".join(examples[:4]))
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            combo = QComboBox()
            combo.setMaxVisibleItems(20)
            for key, label in self.targets:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(initial.get(i, IGNORE))))
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, sample)
            self.table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Använd kopplingen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_target(self, column: int, key: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def mapping(self) -> dict[int, str]:
        """Column index → target key, for every column not left unused."""
        return {
            i: str(c.currentData()) for i, c in enumerate(self.combos) if c.currentData() != IGNORE
        }
