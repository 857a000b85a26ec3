"""Copy a chart to the clipboard and save it as PNG or SVG; a small frame with those buttons.

Charts are rendered with QPainter (into a QImage or a QSvgGenerator), which also works for a
chart that was never shown: reports lay a chart out at a size and render it the same way.
pyqtgraph's own SVG exporter fails on Qt 6.11, so it is not used.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QResizeEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.atomic import atomic_target

IMAGE_FILTERS = "PNG-bild (*.png);;SVG-bild (*.svg)"


def lay_out(widget: QWidget, size: QSize | None = None) -> QSize:
    """Give a (possibly hidden) widget its size so that render() draws it laid out."""
    size = size or (widget.size() if widget.isVisible() else widget.sizeHint())
    size = size.expandedTo(QSize(200, 120))
    if widget.isVisible() and widget.size() == size:
        return size
    old = widget.size()
    widget.resize(size)
    if not widget.isVisible():
        if widget.isWindow():
            # A chart made for a report: "show" it off screen so that it lays itself out
            # exactly as on screen (axes, legend, ranges), without a window appearing.
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            widget.show()
        else:  # a hidden child gets its resize event only when shown
            QApplication.sendEvent(widget, QResizeEvent(size, old))
    QApplication.sendPostedEvents()  # pending layout requests of the graphics scene
    return size


def render_image(widget: QWidget, size: QSize | None = None, scale: float = 2.0) -> QImage:
    """The widget drawn at ``scale`` × its size (sharp on high-DPI screens and in print)."""
    size = lay_out(widget, size)
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_chart(widget, painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def paint_chart(widget: QWidget, painter: QPainter, target: QRectF) -> None:
    """Draw a chart's scene into target (vector-exact, any scale); other widgets as pixels.

    QWidget.render on a pyqtgraph view with a scaled painter or a high-DPR image draws only
    the top-left part enlarged, so graphics views are drawn from their scene instead.
    """
    paint_into = getattr(widget, "paint_into", None)
    if callable(paint_into):  # a chart that draws itself with QPainter (the map)
        paint_into(painter, target)
    elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
        source = widget.mapToScene(widget.viewport().rect()).boundingRect()
        widget.scene().render(painter, target, source)
    else:
        painter.scale(
            target.width() / max(1, widget.width()), target.height() / max(1, widget.height())
        )
        widget.render(painter, QPoint(0, 0))


def render_svg(
    widget: QWidget, path: Path | str, size: QSize | None = None, title: str = ""
) -> None:
    """Write the widget as an SVG vector image (QPainter into QSvgGenerator)."""
    size = lay_out(widget, size)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title or "NKI Desktop")
    # the screen's resolution: at the default 72 dpi, text in points and pyqtgraph's
    # pixel-based items come out at other scales than the axes
    generator.setResolution(widget.logicalDpiX())
    painter = QPainter(generator)
    paint_chart(widget, painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()


def copy_image(widget: QWidget) -> QImage:
    """Put the chart on the clipboard as an image; returns the image."""
    image = render_image(widget)
    QGuiApplication.clipboard().setImage(image)
    return image


def save_image(widget: QWidget, path: Path | str, title: str = "") -> Path:
    """Save as PNG or SVG by the file's suffix (PNG when there is none)."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".png")
    if path.suffix.lower() == ".svg":
        with atomic_target(path) as tmp:
            render_svg(widget, tmp, title=title)
    else:
        with atomic_target(path) as tmp:
            if not render_image(widget).save(str(tmp)):
                raise OSError(errno.EIO, "bilden kunde inte sparas", str(path))
    return path


class ChartFrame(QWidget):
    """A titled chart with "Kopiera" and "Spara som bild…" buttons."""

    saved = Signal(str)

    def __init__(
        self, title: str, chart: QWidget, parent: QWidget | None = None, file_stem: str = "diagram"
    ):
        super().__init__(parent)
        self.chart = chart
        self.file_stem = file_stem
        self.directory = ""
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setWordWrap(True)
        self.copy_button = QPushButton("Kopiera")
        self.copy_button.setToolTip("Kopiera diagrammet som bild till urklipp")
        self.save_button = QPushButton("Spara som bild…")
        self.save_button.setToolTip("Spara diagrammet som PNG eller SVG")
        self.copy_button.clicked.connect(lambda: copy_image(self.chart))
        self.save_button.clicked.connect(self.ask_and_save)
        head = self.head = QHBoxLayout()  # title and buttons: a chart may add a widget
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.copy_button)
        head.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(chart, 1)

    def set_title(self, title: str) -> None:
        self.title.setText(f"<b>{title}</b>")

    def ask_and_save(self) -> None:
        start = str(Path(self.directory or Path.home()) / f"{self.file_stem}.png")
        path, chosen = QFileDialog.getSaveFileName(self, "Spara som bild", start, IMAGE_FILTERS)
        if not path:
            return
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        saved = save_image(self.chart, path, self.title.text())
        self.directory = str(saved.parent)
        self.saved.emit(str(saved))
