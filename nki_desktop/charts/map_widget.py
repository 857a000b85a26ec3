"""The map on screen: hover tells name, value, answers, grade and rank; a click selects the
kommun (``kommun_clicked``); a combo zooms to one län. Copied and saved like every chart
(``paint_into`` draws it as vectors into any painter, see charts/export.py)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from nki_desktop.analysis.map_data import MapData
from nki_desktop.charts.export import ChartFrame
from nki_desktop.charts.map import MapRenderer

WHOLE_SWEDEN = "Hela Sverige"


class MapCanvas(QWidget):
    """The choropleth itself (title, map, legend)."""

    kommun_clicked = Signal(str)
    kommun_hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None, renderer: MapRenderer | None = None):
        super().__init__(parent)
        self._renderer = renderer  # built on first paint: a hidden tab costs nothing
        self.data: MapData | None = None
        self.lan: str | None = None
        self.selected = ""
        self.hovered = ""
        self.setMouseTracking(True)
        self.setMinimumSize(320, 300)
        self.setAccessibleName("Karta över Sveriges kommuner")

    @property
    def renderer(self) -> MapRenderer:
        if self._renderer is None:
            self._renderer = MapRenderer()
        return self._renderer

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(560, 430)

    def set_data(self, data: MapData | None) -> None:
        self.data = data
        self.update()

    def set_lan(self, lan: str | None) -> None:
        self.lan = lan or None
        self.update()

    def select(self, code: str) -> None:
        self.selected = code
        self.update()

    def _rect(self) -> QRectF:
        return QRectF(0, 0, self.width(), self.height())

    def code_at(self, point: QPointF) -> str | None:
        """The kommun under a point of the widget (None over sea, lakes and the legend)."""
        return self.renderer.code_at(point, self._rect(), self.lan)

    def point_of(self, code: str) -> QPointF:
        """A point of the widget inside the kommun."""
        return self.renderer.point_of(code, self._rect(), self.lan)

    def paint_into(self, painter: QPainter, target: QRectF) -> None:
        """Draw at the widget's layout scaled into target (images, SVG, PDF)."""
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(
            target.width() / max(1, self.width()), target.height() / max(1, self.height())
        )
        self.renderer.paint(painter, self._rect(), self.data, self.lan, self.selected)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.renderer.paint(painter, self._rect(), self.data, self.lan, self.selected, self.hovered)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        code = self.code_at(event.position()) or ""
        if code != self.hovered:
            self.hovered = code
            self.update()
            self.kommun_hovered.emit(code)
        if code and self.data is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.data.describe(code), self)
        elif not code:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.hovered:
            self.hovered = ""
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        code = self.code_at(event.position())
        if code:
            self.select(code)
            self.kommun_clicked.emit(code)


class MapPanel(QWidget):
    """The län combo above the map in a chart frame (Kopiera, Spara som bild…)."""

    lan_changed = Signal(str)

    def __init__(self, lan_names: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = MapCanvas()
        self.frame = ChartFrame("Kartan", self.canvas, file_stem="karta")
        self.frame.title.hide()  # the map draws its own title (also into saved images)
        self.lan_combo = QComboBox()
        self.lan_combo.setAccessibleName("Zooma till län")
        self.lan_combo.addItem(WHOLE_SWEDEN, "")
        for code, name in sorted(lan_names.items()):
            self.lan_combo.addItem(f"{name} ({code})", code)
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Zooma till:")
        caption.setBuddy(self.lan_combo)
        self.controls.addWidget(caption)
        self.controls.addWidget(self.lan_combo)
        self.controls.addStretch(1)
        self.hint = QLabel(
            "Håll muspekaren över en kommun för värde, antal svar, betyg och placering."
        )
        self.hint.setStyleSheet("color:#444;")
        self.hint.setWordWrap(True)
        self.frame.head.insertWidget(0, self.hint, 1)  # beside Kopiera and Spara som bild…
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.controls)
        layout.addWidget(self.frame, 1)
        self.lan_combo.currentIndexChanged.connect(self._on_lan_combo_changed)

    def set_data(self, data: MapData | None) -> None:
        self.canvas.set_data(data)
        self.frame.set_title(data.title if data else "Kartan")

    def set_lan(self, lan: str | None) -> None:
        self.lan_combo.setCurrentIndex(max(0, self.lan_combo.findData(lan or "")))

    def _on_lan_combo_changed(self) -> None:
        lan = self.lan_combo.currentData() or ""
        self.canvas.set_lan(lan)
        self.lan_changed.emit(lan)
