"""The prioriteringsmatris chart, shared by the Svarsdata screen and the PDF report.

Each service factor is a labelled point: its index (x) against its effect on NKI (y);
dashed lines at the means split the plane into four named quadrants. Hovering a point shows
its figures. :func:`render_matrix` draws the chart into any QPainter as vectors (the widget
is laid out off screen, never shown), which is how the report page uses it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEventLoop, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QToolTip

from nki_desktop.analysis.respondent import DriverMatrix, DriverPoint
from nki_desktop.domain.numbers import fmt_number

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")

QUADRANT_COLOURS = {
    "Förbättra i första hand": "#B03A2E",
    "Bevara": "#1E7B4A",
    "Lägre prioritet": "#7B7D7D",
    "Vårda": "#2471A3",
}
# Where each quadrant's name goes: (effect high?, index high?) → corner of the plot.
_CORNERS = {
    "Förbättra i första hand": (0.0, 1.0),
    "Bevara": (1.0, 1.0),
    "Lägre prioritet": (0.0, 0.0),
    "Vårda": (1.0, 0.0),
}


def point_tooltip(point: DriverPoint, matrix: DriverMatrix) -> str:
    """Hover text: the factor, its index and n, its effect and quadrant."""
    return (
        f"{point.label}\nIndex: {fmt_number(point.index, 1)} (n = {fmt_number(point.n)})\n"
        f"Effekt på NKI: {fmt_number(point.effect, 2)} (standardiserad koefficient)\n"
        f"{point.quadrant}\nFörklaringsgrad R² = {fmt_number(matrix.r2, 2)}, "
        f"{fmt_number(matrix.n)} fullständiga svar"
    )


class CommaAxis(pg.AxisItem):
    """Tick labels with a decimal comma and no SI-prefix rescaling."""

    def __init__(self, orientation: str):
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        return [
            s.replace(".", ",").replace("-", "−")
            for s in super().tickStrings(values, scale, spacing)
        ]


class MatrixChart(pg.PlotWidget):
    """Scatter of the six factors with labels, quadrant lines at the means and names."""

    def __init__(self, parent=None, font_size: int = 10):
        super().__init__(
            parent,
            axisItems={"left": CommaAxis("left"), "bottom": CommaAxis("bottom")},
            enableMenu=False,
        )
        self.matrix: DriverMatrix | None = None
        self.font_size = font_size
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.setLabel("bottom", "Index (0–100)")
        plot.setLabel("left", "Effekt på NKI (standardiserad koefficient)")
        plot.getAxis("left").setWidth(72)
        plot.showGrid(x=True, y=True, alpha=0.12)
        self.setMinimumSize(360, 280)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def set_matrix(self, matrix: DriverMatrix | None) -> None:
        self.matrix = matrix
        plot = self.getPlotItem()
        plot.clear()
        if matrix is None or not matrix.points:
            text = pg.TextItem(
                matrix.note if matrix else "Ingen matris att visa.",
                anchor=(0.5, 0.5),
                color="#555555",
            )
            text.setPos(50, 0)
            plot.addItem(text)
            self.setXRange(0, 100)
            self.setYRange(-1, 1)
            return
        xs = [p.index for p in matrix.points]
        ys = [p.effect for p in matrix.points]
        x_pad = max(4.0, (max(xs) - min(xs)) * 0.25)
        y_pad = max(0.05, (max(ys) - min(ys)) * 0.3)
        x0, x1 = min(xs) - x_pad, max(xs) + x_pad
        y0, y1 = min(ys) - y_pad, max(ys) + y_pad
        font = QFont()
        font.setPointSize(self.font_size)
        bold = QFont(font)
        bold.setBold(True)
        dash = pg.mkPen("#555555", width=1.2, style=Qt.PenStyle.DashLine)
        for pos, angle in ((matrix.x_split, 90), (matrix.y_split, 0)):
            plot.addItem(pg.InfiniteLine(pos=pos, angle=angle, pen=dash))
        for name, (cx, cy) in _CORNERS.items():
            item = pg.TextItem(
                name, color=QColor(QUADRANT_COLOURS[name]).darker(115), anchor=(cx, 1.0 - cy)
            )
            item.setFont(bold)
            item.setPos(
                x0 + (x1 - x0) * (0.01 if cx == 0 else 0.99),
                y0 + (y1 - y0) * (0.01 if cy == 0 else 0.99),
            )
            plot.addItem(item)
        spots = [
            {
                "pos": (p.index, p.effect),
                "size": 13,
                "brush": pg.mkBrush(QUADRANT_COLOURS[p.quadrant]),
                "pen": pg.mkPen("#222222", width=1),
                "data": i,
            }
            for i, p in enumerate(matrix.points)
        ]
        plot.addItem(pg.ScatterPlotItem(spots=spots, useCache=False))  # vector symbols in PDFs
        for p in matrix.points:
            label = pg.TextItem(p.label, color="#111111", anchor=(0, 0.5))
            label.setFont(font)
            label.setPos(p.index + (x1 - x0) * 0.012, p.effect)
            plot.addItem(label)
        self.setXRange(x0, x1, padding=0)
        self.setYRange(y0, y1, padding=0)

    def point_at(self, scene_pos: QPointF, radius: float = 12.0) -> DriverPoint | None:
        """The point under the mouse (within radius pixels), if any."""
        if not self.matrix or not self.matrix.points:
            return None
        vb = self.getPlotItem().vb
        best, best_d = None, radius
        for p in self.matrix.points:
            pos = vb.mapViewToScene(QPointF(p.index, p.effect))
            d = ((pos.x() - scene_pos.x()) ** 2 + (pos.y() - scene_pos.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = p, d
        return best

    def _on_scene_mouse_moved(self, pos) -> None:
        point = self.point_at(pos)
        if point is None or self.matrix is None:
            QToolTip.hideText()
            return
        QToolTip.showText(
            self.mapToGlobal(self.mapFromScene(pos).toPoint()),
            point_tooltip(point, self.matrix),
            self,
        )


def render_matrix(
    painter: QPainter,
    target: QRectF,
    matrix: DriverMatrix,
    size: QSize | None = None,
    font_size: int = 9,
) -> None:
    """Draw the matrix chart into target as vectors, from a laid-out widget never shown."""
    size = size or QSize(int(target.width()), int(target.height()))
    chart = MatrixChart(font_size=font_size)
    # Lay the widget out at the target size without it ever appearing on a screen: a
    # hidden QGraphicsView does not lay out its viewport, so "show" it off screen.
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.resize(size)
    chart.show()
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    chart.set_matrix(matrix)
    chart.render(painter, target, chart.viewport().rect())
    chart.hide()
    chart.deleteLater()
