"""The Import screen's preview pane, laid out: the file list, year and kommun overrides, the
columns as read, the rows not stored and why, and the import button row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.ui.models.columns import RIGHT, RowTableModel, TableColumn
from nki_desktop.ui.pages.import_panels import table_view

if TYPE_CHECKING:
    from nki_desktop.ui.pages.import_page import ImportPage


def build_preview(self: ImportPage) -> QWidget:
    """The preview pane: the file list, the overrides, what the file was read as, and the
    import button row; its widgets become attributes of ``self``, the Import screen."""
    box = QWidget()
    outer = QVBoxLayout(box)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(QLabel("Filer:"))
    self.file_list = QListWidget()
    self.file_list.currentRowChanged.connect(self._on_file_list_row_changed)
    left_layout.addWidget(self.file_list, 1)
    self.remove_button = QPushButton("Ta bort ur listan")
    self.remove_button.clicked.connect(self._on_remove_clicked)
    left_layout.addWidget(self.remove_button)
    splitter.addWidget(left)
    right = QWidget()
    rl = QVBoxLayout(right)
    rl.setContentsMargins(0, 0, 0, 0)
    overrides = QHBoxLayout()
    overrides.addWidget(QLabel("Ärendeår:"))
    self.year_spin = QSpinBox()
    self.year_spin.setRange(0, 2100)
    self.year_spin.setSpecialValueText("från filen")
    self.year_spin.setToolTip("Ange året om filen inte säger det")
    self.year_spin.editingFinished.connect(self._on_overrides_changed)
    overrides.addWidget(self.year_spin)
    overrides.addSpacing(12)
    overrides.addWidget(QLabel("Kommun (kod):"))
    self.kommun_edit = QLineEdit()
    self.kommun_edit.setPlaceholderText("från filen")
    self.kommun_edit.setMaximumWidth(110)
    self.kommun_edit.setToolTip("För en kommuns egna resultat när filen inte namnger den")
    self.kommun_edit.editingFinished.connect(self._on_overrides_changed)
    overrides.addWidget(self.kommun_edit)
    overrides.addSpacing(12)
    self.map_button = QPushButton("Koppla kolumner…")
    self.map_button.clicked.connect(self.open_mapping)
    overrides.addWidget(self.map_button)
    overrides.addStretch(1)
    rl.addLayout(overrides)
    self.summary = QLabel("Inga filer valda.")
    self.summary.setWordWrap(True)
    self.summary.setTextFormat(Qt.TextFormat.RichText)
    self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    rl.addWidget(self.summary)
    self.columns_model = RowTableModel(
        [
            TableColumn("Kolumn", lambda c: c.letter, lambda c: f"{len(c.letter)}{c.letter}"),
            TableColumn("Rubrik i filen", lambda c: c.header),
            TableColumn("Tolkas som", lambda c: c.meaning),
        ]
    )
    self.columns_view = table_view(self.columns_model)
    self.skipped_model = RowTableModel(
        [
            TableColumn("Blad", lambda s: s.sheet),
            TableColumn("Rad", lambda s: str(s.row or ""), lambda s: s.row or 0, align=RIGHT),
            TableColumn("Orsak", lambda s: s.reason),
            TableColumn("Text", lambda s: s.text),
        ]
    )
    self.skipped_view = table_view(self.skipped_model)
    tables = QSplitter(Qt.Orientation.Vertical)
    for title, view in (
        ("Så tolkades kolumnerna", self.columns_view),
        ("Rader som inte sparas, och varför", self.skipped_view),
    ):
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 4, 0, 0)
        hl.addWidget(QLabel(f"<b>{title}</b>"))
        hl.addWidget(view, 1)
        tables.addWidget(holder)
    tables.setSizes([320, 160])
    rl.addWidget(tables, 1)
    splitter.addWidget(right)
    splitter.setSizes([260, 900])
    outer.addWidget(splitter, 1)
    bottom = QHBoxLayout()
    self.status = QLabel()
    self.status.setWordWrap(True)
    bottom.addWidget(self.status, 1)
    self.progress = QProgressBar()
    self.progress.setVisible(False)
    self.progress.setMaximumWidth(260)
    bottom.addWidget(self.progress)
    self.cancel_button = QPushButton("Avbryt")
    self.cancel_button.setVisible(False)
    self.cancel_button.clicked.connect(self.cancel)
    bottom.addWidget(self.cancel_button)
    self.import_button = QPushButton("Importera")
    self.import_button.setDefault(True)
    self.import_button.clicked.connect(self.confirm)
    bottom.addWidget(self.import_button)
    outer.addLayout(bottom)
    self._sync_buttons()
    return box
