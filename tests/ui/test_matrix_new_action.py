"""The prioriteringsmatris offers "Ny åtgärd för <faktor>…": the action dialog opens
prefilled with the matrix's area and the factor to improve first (or the clicked one)."""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from nki_desktop.importers.base import ImportOptions
from nki_desktop.services import actions as action_svc
from nki_desktop.services.imports import import_file
from nki_desktop.ui.dialogs.action_dialog import ActionDialog, checked_keys
from nki_desktop.ui.widgets.new_action_button import IMPROVE_FIRST, suggested_point
from tests.respondent_builders import make_rows, write_xlsx

SHOTS = os.environ.get("NKI_SHOTS")


def test_new_action_from_the_matrix(qtbot, store, tmp_path, make_window):
    rows = make_rows(700, seed=9, areas=("Bygglov", "Miljö- och hälsoskydd"))
    assert import_file(
        store,
        write_xlsx(tmp_path / "svar.xlsx", rows),
        ImportOptions(kind="respondent", kommun="1880"),
    ).ok
    window = make_window("1880")
    window.show()
    window.show_page("respondent")
    page = window.pages["respondent"]
    matrix = page.matrix
    assert matrix is not None and matrix.adequate
    suggested = suggested_point(matrix)
    first = [p for p in matrix.points if p.quadrant == IMPROVE_FIRST]
    assert suggested is min(first or matrix.points, key=lambda p: p.index)
    button = page.new_action
    assert button.isVisibleTo(page) and button.text() == f"Ny åtgärd för {suggested.label}…"
    # Clicking another factor's row in the table picks it.
    other = next(p for p in matrix.points if p is not suggested)
    row = next(r for r in range(page.points_view.model().rowCount())
               if page.points_view.model().index(r, 0).data() == other.label)  # fmt: skip
    page.points_view.clicked.emit(page.points_view.model().index(row, 0))
    assert button.text() == f"Ny åtgärd för {other.label}…"
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionDialog)
        seen["areas"] = checked_keys(dialog.area_list)
        seen["factors"] = checked_keys(dialog.factor_list)
        seen["title"] = dialog.windowTitle()
        if SHOTS:
            dialog.grab().save(os.path.join(SHOTS, "matrix-new-action-dialog.png"))
        dialog.title_edit.setText(f"Förbättra {other.label.lower()}")
        dialog.save()

    QTimer.singleShot(0, fill)
    button.click()
    assert seen == {
        "areas": (matrix.area,),
        "factors": (other.factor,),
        "title": f"Ny åtgärd för {other.label}",
    }
    [stored] = action_svc.actions(store, "1880")
    assert stored.factors == (other.factor,) and "prioriteringsmatrisen" in stored.description
    if SHOTS:
        qtbot.wait(100)
        window.grab().save(os.path.join(SHOTS, "matrix-with-new-action.png"))
