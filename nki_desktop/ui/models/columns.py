"""A table model over plain row objects, described by columns.

Each column says how to display a row (Swedish formatting), what to sort by (raw values),
what to export (raw values for Excel) and optionally a tooltip, alignment and colours.
Rows come in through ``set_rows``; the model never queries anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw value for sorting
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 2  # raw value for Excel and copy
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the row object itself

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
HIGHLIGHT = QColor("#FFF1B8")  # min kommun's row (bold as well, not colour alone)


@dataclass
class TableColumn:
    header: str
    display: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    export: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    align: Qt.AlignmentFlag = LEFT
    header_tip: str = ""
    foreground: Callable[[Any], str | None] | None = None


class RowTableModel(QAbstractTableModel):
    """Rows of any kind shown through a list of :class:`TableColumn`."""

    def __init__(self, columns: Sequence[TableColumn], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.is_highlighted: Callable[[Any], bool] = lambda _row: False
        # a reason text greys a row (italic, reason as tooltip): shown, never hidden
        self.muted: Callable[[Any], str | None] = lambda _row: None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_columns(
        self, columns: Sequence[TableColumn], rows: Sequence[Any] | None = None
    ) -> None:
        """New columns (and rows, if given) in one reset."""
        self.beginResetModel()
        self.columns = list(columns)
        if rows is not None:
            self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == SORT_ROLE:
            return col.sort(row) if col.sort else col.display(row)
        if role == EXPORT_ROLE:
            return col.export(row) if col.export else col.display(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return (col.tooltip(row) if col.tooltip else None) or self.muted(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_highlighted(row):
            return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.FontRole and (self.is_highlighted(row) or self.muted(row)):
            font = QFont()
            font.setBold(self.is_highlighted(row))
            font.setItalic(bool(self.muted(row)))
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return QBrush(QColor("#8A8A8A"))
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground:
            colour = col.foreground(row)
            return QBrush(QColor(colour)) if colour else None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.ToolTipRole and col.header_tip:
            return col.header_tip
        return None

    def longest_text(self, column: int) -> str:
        """The longest display text in a column (for sizing it without a full resize)."""
        display = self.columns[column].display
        return max((display(r) for r in self.rows), key=len, default="")

    def row_index(self, predicate: Callable[[Any], bool]) -> int:
        return next((i for i, r in enumerate(self.rows) if predicate(r)), -1)


class SortProxy(QSortFilterProxyModel):
    """Sorts by the raw SORT_ROLE values (missing values last in either order) and filters
    by a search text over the columns given in ``search_columns``."""

    def __init__(self, parent=None, search_columns: Sequence[int] = (0,)):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.search_columns = list(search_columns)
        self.search = ""

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter is deprecated
            self.beginFilterChange()
            self.search = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.search = text.strip().casefold()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        if not self.search:
            return True
        model = self.sourceModel()
        return any(
            self.search
            in str(model.data(model.index(source_row, c, source_parent)) or "").casefold()
            for c in self.search_columns
        )

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return False
            # missing values sort last whichever way the column is sorted
            return (a is None) == (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


def fit_columns(view, force: bool = False, sample_rows: int = 40) -> None:
    """Size columns to their contents once (or when the headers changed), from a sample of
    rows: sizing from every row of a 290-row table costs more than the whole refresh."""
    header = view.horizontalHeader()
    model = view.model()
    signature = tuple(
        model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
    )
    if not force and getattr(view, "_fitted_for", None) == signature:
        return
    header.setResizeContentsPrecision(sample_rows)
    view.resizeColumnsToContents()
    # The sample may miss the longest text, and min kommun's row is bold: widen to the
    # longest display text of all rows, measured in bold.
    if hasattr(model, "sourceModel"):
        model = model.sourceModel()
    if isinstance(model, RowTableModel):
        font = view.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        for c in range(model.columnCount()):
            longest = model.longest_text(c)
            wanted = metrics.horizontalAdvance(longest) + 18
            if wanted > view.columnWidth(c):
                view.setColumnWidth(c, min(wanted, 420))
    view._fitted_for = signature
