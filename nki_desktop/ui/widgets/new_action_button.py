"""The prioriteringsmatris's way to act: "Ny åtgärd för <faktor>…" opens the action dialog
prefilled with the matrix's area and the chosen factor (the selected row, else the first to
improve: "Förbättra i första hand" with the lowest index)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from nki_desktop.analysis.respondent import QUADRANTS, DriverMatrix, DriverPoint
from nki_desktop.domain.actions import Action
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.action_dialog import ActionDialog
from nki_desktop.ui.models.columns import ROW_ROLE

IMPROVE_FIRST = QUADRANTS[(True, False)]


def suggested_point(matrix: DriverMatrix | None) -> DriverPoint | None:
    """The factor to improve first: lowest index in "Förbättra i första hand", else the
    lowest index of all."""
    if matrix is None or not matrix.adequate or not matrix.points:
        return None
    first = [p for p in matrix.points if p.quadrant == IMPROVE_FIRST]
    return min(first or matrix.points, key=lambda p: p.index)


class NewActionButton(QPushButton):
    def __init__(
        self,
        context: AppContext,
        points_view: QAbstractItemView | None = None,
        parent: QWidget | None = None,
    ):
        """``points_view``: the matrix's table of factors; clicking a row picks that factor."""
        super().__init__(parent)
        self.context = context
        self.matrix: DriverMatrix | None = None
        self.point: DriverPoint | None = None
        self.saved: Action | None = None
        self.setToolTip(
            "Lägg till en åtgärd för faktorn; den visas på skärmen Åtgärder och som "
            "markering i Trend."
        )
        self.clicked.connect(self.open_dialog)
        if points_view is not None:
            points_view.clicked.connect(self._on_point_clicked)
        self.set_matrix(None)

    def _on_point_clicked(self, index: QModelIndex) -> None:
        point = index.data(ROW_ROLE)
        if isinstance(point, DriverPoint) and self.matrix is not None:
            self.set_matrix(self.matrix, point)

    def set_matrix(self, matrix: DriverMatrix | None, chosen: DriverPoint | None = None) -> None:
        self.matrix = matrix
        self.point = chosen or suggested_point(matrix)
        self.setVisible(self.point is not None)
        if self.point is not None:
            self.setText(f"Ny åtgärd för {self.point.label}…")

    def prefill(self) -> Action | None:
        if self.point is None or self.matrix is None:
            return None
        p = self.point
        return Action(
            self.context.kommun,
            "",
            (self.matrix.area,),
            (p.factor,),
            description=(
                f"Utifrån prioriteringsmatrisen {self.matrix.year}: {p.label} "
                f"(index {p.index:.0f}, {p.quadrant.lower()})."
            ),
        )

    def open_dialog(self) -> None:
        action = self.prefill()
        if action is None:
            return
        dialog = ActionDialog(self.context.store, action, self.window())
        dialog.setWindowTitle(f"Ny åtgärd för {self.point.label if self.point else ''}")
        if dialog.exec() and dialog.saved is not None:
            self.saved = dialog.saved
            self.context.notify_data_changed()
