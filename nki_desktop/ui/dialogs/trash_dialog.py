"""Papperskorg: what the user removed (every kind in ``services.trash.KINDS``), restored
one by one or several at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.services import trash
from nki_desktop.storage import Store
from nki_desktop.ui.errors import user_message
from nki_desktop.ui.models.columns import RowTableModel, SortProxy, TableColumn


def columns() -> list[TableColumn]:
    return [
        TableColumn("Typ", lambda i: i.kind_label, lambda i: i.kind_label),
        TableColumn("Vad", lambda i: i.title, lambda i: i.title, tooltip=lambda i: i.title),
        TableColumn("Gäller", lambda i: i.detail, lambda i: i.detail),
        TableColumn("Borttagen", lambda i: i.deleted_at.replace("T", " "), lambda i: i.deleted_at),
    ]


class TrashDialog(QDialog):
    """Lists the Papperskorg of a kommun; ``restored`` counts what was put back."""

    def __init__(self, store: Store, unit: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.unit = store, unit
        self.restored = 0
        self.setWindowTitle("Papperskorg")
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        info = QLabel(
            "Det du tagit bort (mål, åtgärder, anteckningar) ligger kvar här tills du återställer "
            "det. Markera en eller flera rader och välj Återställ."
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        self.model = RowTableModel(columns())
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.empty = QLabel("Papperskorgen är tom.")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        self.restore_button = QPushButton("Återställ")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(trash.items(self.store, self.unit))
        self.empty.setVisible(not self.model.rows)
        self._update_button()

    def selected(self) -> list[trash.TrashItem]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.rows[r] for r in sorted(rows)]

    def restore_selected(self) -> None:
        try:
            for item in self.selected():
                trash.restore(self.store, item)
                self.restored += 1
        except Exception as exc:  # noqa: BLE001 - told in Swedish (a read-only database, …)
            QMessageBox.warning(self, "Papperskorg", user_message(exc))
        self.reload()

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.selected()))
