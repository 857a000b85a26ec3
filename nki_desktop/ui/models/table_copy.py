"""Copy a table selection as tab-separated text (pastes into Excel) and export to Excel.

Used by every table screen: ``TableTools(view, title)`` gives the buttons and installs Ctrl+C
on the view. Values are taken from the model's EXPORT_ROLE (raw numbers) when it has one, so
Excel receives numbers, written with a decimal comma for Swedish Excel when copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from nki_desktop.atomic import save_workbook
from nki_desktop.domain.text import formula_safe
from nki_desktop.reports.excel import put
from nki_desktop.ui.errors import user_message
from nki_desktop.ui.models.columns import EXPORT_ROLE


def _raw(model: QAbstractItemModel, row: int, column: int) -> Any:
    index = model.index(row, column)
    value = model.data(index, EXPORT_ROLE)
    if value is None:
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float):
        text = f"{value:.1f}" if not value.is_integer() else f"{value:.0f}"
        return text.replace(".", ",")
    if not isinstance(value, str):
        return str(value)
    return str(formula_safe(value.replace("\t", " ").replace("\n", " ")))


def selection_text(view: QAbstractItemView, headers: bool = True) -> str:
    """The selected cells as tab-separated lines, in the order shown (sorted, filtered).

    With ``headers`` and whole rows or several rows selected, the column headers come first.
    """
    model = view.model()
    indexes = view.selectionModel().selectedIndexes() if view.selectionModel() else []
    if not indexes:
        return ""
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes})
    chosen = {(i.row(), i.column()) for i in indexes}
    lines = []
    if headers and len(rows) > 1:
        lines.append(
            "\t".join(_text(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)
        )
    for r in rows:
        lines.append(
            "\t".join(_text(_raw(model, r, c)) if (r, c) in chosen else "" for c in columns)
        )
    return "\n".join(lines) + "\n"


def copy_selection(view: QAbstractItemView) -> str:
    text = selection_text(view)
    if text:
        QGuiApplication.clipboard().setText(text)
    return text


def export_excel(
    model: QAbstractItemModel, path: Path | str, title: str = "", notes: list[str] | None = None
) -> Path:
    """Every row of the model (as shown: sorted and filtered) into a new .xlsx file."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = (title or "Tabell")[:31].replace("/", "-")
    start = 1
    if title:
        ws.cell(1, 1, title).font = Font(bold=True, size=12)
        start = 3
    columns = model.columnCount()
    for c in range(columns):
        cell = ws.cell(start, c + 1, _text(model.headerData(c, Qt.Orientation.Horizontal)))
        cell.font = Font(bold=True)
    for r in range(model.rowCount()):
        for c in range(columns):
            value = _raw(model, r, c)
            put(
                ws,
                start + 1 + r,
                c + 1,
                value if isinstance(value, int | float | str) or value is None else str(value),
            )
    for c in range(columns):
        width = max(
            [len(_text(model.headerData(c, Qt.Orientation.Horizontal)))]
            + [len(_text(_raw(model, r, c))) for r in range(min(model.rowCount(), 400))]
        )
        ws.column_dimensions[get_column_letter(c + 1)].width = min(48, max(8, width + 2))
    ws.freeze_panes = ws.cell(start + 1, 1)
    row = start + model.rowCount() + 2
    for note in notes or []:
        ws.cell(row, 1, note)
        row += 1
    return save_workbook(wb, path)


class TableTools(QWidget):
    """ "Kopiera markering" and "Exportera till Excel…" for a view; Ctrl+C on the view."""

    exported = Signal(str)

    def __init__(
        self,
        view: QAbstractItemView,
        title: str = "",
        file_stem: str = "tabell",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.view = view
        self.title = title
        self.file_stem = file_stem
        self.notes: list[str] = []
        self.directory = ""
        # An event filter, not a QAction shortcut: the view's own Ctrl+C (current cell
        # only) would otherwise win, and shortcuts need an active window.
        view.installEventFilter(self)
        self.copy_button = QPushButton("Kopiera markering")
        self.copy_button.setToolTip("Kopiera markerade celler som tabbseparerad text (Ctrl+C)")
        self.copy_button.clicked.connect(lambda: copy_selection(view))
        self.excel_button = QPushButton("Exportera till Excel…")
        self.excel_button.clicked.connect(self.ask_and_export)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.copy_button)
        row.addWidget(self.excel_button)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            copy_selection(self.view)
            return True
        return super().eventFilter(watched, event)

    def ask_and_export(self) -> None:
        start = str(Path(self.directory or Path.home()) / f"{self.file_stem}.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, "Exportera till Excel", start, "Excel-arbetsbok (*.xlsx)"
        )
        if not path:
            return
        try:
            saved = export_excel(self.view.model(), path, self.title, self.notes)
        except OSError as exc:
            QMessageBox.warning(
                self, "Exportera till Excel", f"Kunde inte spara: {user_message(exc)}"
            )
            return
        self.directory = str(saved.parent)
        self.exported.emit(str(saved))
