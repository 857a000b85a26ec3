"""The window's table copy and Excel export keep formula-looking names as text."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from nki_desktop.ui.models.table_copy import export_excel, selection_text

NAMES = ['=HYPERLINK("http://x","click") Miljöförbund', "＝1+1 Miljöförbund", "-1 förbund", "Kalix"]


def _model() -> QStandardItemModel:
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels(["Enhet", "NKI"])
    for name in NAMES:
        value = QStandardItem()
        value.setData(-3.5 if name == "Kalix" else 70.0, 0)
        model.appendRow([QStandardItem(name), value])
    return model


def test_copied_cells_are_text_in_a_spreadsheet(qtbot):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(_model())
    view.selectAll()
    lines = selection_text(view).splitlines()
    assert lines[0] == "Enhet\tNKI"
    assert [line.split("\t")[0] for line in lines[1:]] == [
        "'" + NAMES[0],
        "'" + NAMES[1],
        "'" + NAMES[2],
        "Kalix",
    ]
    assert lines[4].split("\t")[1] == "-3,5"  # numbers stay numbers


def test_exported_workbook_holds_names_as_text_never_formulas(qtbot, tmp_path):
    path = export_excel(_model(), tmp_path / "t.xlsx", "Tabell")
    ws = load_workbook(path).active
    cells = [ws.cell(r, 1) for r in range(4, 8)]
    assert [c.value for c in cells] == NAMES
    assert all(c.data_type == "s" for c in cells)
    assert ws.cell(7, 2).value == -3.5
