"""Table models for the Svarsdata screen: they receive rows, never query.

Rows below the publication rule are greyed and italic, with the reason in the status column
and the tooltip (never hidden)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any]
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of row objects described by ``Column``s.

    ``shown(row)`` says whether a row meets the publication rule; ``reason(row)`` is the
    tooltip/explanation for rows that do not.
    """

    def __init__(self, columns: list[Column], shown: Callable[[Any], bool],
                 reason: Callable[[Any], str], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.shown = shown
        self.reason = reason
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            value = column.sort(row)
            return -1e18 if value is None else value
        if role == Qt.ItemDataRole.ForegroundRole and not self.shown(row):
            return QColor("#8A8A8A")
        if role == Qt.ItemDataRole.FontRole and not self.shown(row):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.reason(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
