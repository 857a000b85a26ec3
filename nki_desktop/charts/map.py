"""The choropleth of Sweden drawn with QPainter: one cached QPainterPath per kommun.

Each class (grade band or group of places) has a colour from a colour-blind-safe palette
*and* a Qt brush pattern laid over it, so the map reads in black and white; kommuner
without a value are light grey with a cross hatch. Min kommun gets a thick black outline.
``MapRenderer.paint`` draws title, map and legend into any rectangle of any painter
(screen, image, SVG, PDF), so every output is vector-drawn the same way.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtSvg import QSvgGenerator

from nki_desktop.analysis.geo import ATTRIBUTION, KommunShape, bounds, shipped_shapes
from nki_desktop.analysis.map_data import MISSING_LABEL, MapData
from nki_desktop.domain.numbers import fmt_index

# One pattern per class, best class first; each readable without colour.
PATTERNS: tuple[Qt.BrushStyle, ...] = (
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense6Pattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.NoBrush,
)
MISSING_PATTERN = Qt.BrushStyle.DiagCrossPattern
MISSING_COLOUR = "#DDDDDD"
CONTEXT_COLOUR = "#F2F2F2"  # kommuner outside the chosen län
PATTERN_COLOUR = QColor(0, 0, 0, 120)  # dark enough to print, light enough to keep colour
OUTLINE = QColor("#5A5A5A")
LEGEND_SHARE = 0.42


def class_brushes(index: int | None, colour: str) -> tuple[QBrush, QBrush]:
    """(fill, pattern) brushes of a class; ``index`` None is the missing class."""
    if index is None:
        return QBrush(QColor(MISSING_COLOUR)), QBrush(QColor("#6E6E6E"), MISSING_PATTERN)
    style = PATTERNS[index % len(PATTERNS)]
    return QBrush(QColor(colour)), QBrush(PATTERN_COLOUR, style)


def _font(size: float, bold: bool = False, family: str = "") -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


@dataclass
class MapLayout:
    title: QRectF
    map: QRectF
    legend: QRectF


class MapRenderer:
    """Paths built once from the projected polygons; mapped paths cached per view."""

    def __init__(self, shapes: Sequence[KommunShape] | None = None):
        self.shapes = tuple(shapes if shapes is not None else shipped_shapes())
        self.by_code = {s.code: s for s in self.shapes}
        self.base = _shipped_paths() if shapes is None else _paths(self.shapes)
        self._mapped_key: tuple[float, ...] | None = None
        self._mapped: dict[str, QPainterPath] = {}
        self.font_family = ""

    # -- geometry ------------------------------------------------------------------------
    def view_bounds(self, lan: str | None = None) -> QRectF:
        """The projected rectangle shown: all of Sweden or one län with a margin."""
        chosen = [s for s in self.shapes if s.lan == lan] if lan else []
        x0, y0, x1, y1 = bounds(chosen or self.shapes)
        pad = 0.04 * max(x1 - x0, y1 - y0)
        return QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)

    def layout(self, target: QRectF, lan: str | None = None) -> MapLayout:
        """Title on top; the map as large as fits; the legend right beside the map."""
        target = target.adjusted(8, 4, -6, -6)  # a margin, also in saved images
        title_h = max(22.0, min(34.0, target.height() * 0.05))
        body = target.adjusted(0, title_h, 0, 0)
        legend_w = min(300.0, max(170.0, body.width() * LEGEND_SHARE))
        room = QRectF(body.left(), body.top(), body.width() - legend_w - 8, body.height())
        view = self.view_bounds(lan)
        scale = min(room.width() / view.width(), room.height() / view.height())
        map_w = view.width() * scale
        spare = room.width() - map_w  # a wide target: map and legend side by side, centred
        map_rect = QRectF(body.left() + spare / 2, body.top(), map_w, body.height())
        return MapLayout(
            QRectF(target.left(), target.top(), target.width(), title_h),
            map_rect,
            QRectF(map_rect.right() + 8, body.top(), legend_w, body.height()),
        )

    def transform(self, view: QRectF, rect: QRectF) -> QTransform:
        """Projected metres to the rectangle: one scale for both axes, north up, centred."""
        scale = min(rect.width() / view.width(), rect.height() / view.height())
        ox = rect.left() + (rect.width() - view.width() * scale) / 2
        oy = rect.top() + (rect.height() - view.height() * scale) / 2
        return QTransform(scale, 0, 0, -scale, ox - view.left() * scale, oy + view.bottom() * scale)

    def mapped(self, transform: QTransform) -> dict[str, QPainterPath]:
        """Every kommun's path in target coordinates (cached for the last transform)."""
        key = (transform.m11(), transform.m22(), transform.dx(), transform.dy())
        if key != self._mapped_key:
            self._mapped = {code: transform.map(path) for code, path in self.base.items()}
            self._mapped_key = key
        return self._mapped

    def map_transform(self, target: QRectF, lan: str | None) -> QTransform:
        return self.transform(self.view_bounds(lan), self.layout(target, lan).map)

    def code_at(self, point: QPointF, target: QRectF, lan: str | None = None) -> str | None:
        """The kommun under a point of the target rectangle (None: sea, lake, legend)."""
        if not self.layout(target, lan).map.contains(point):
            return None
        inverse, ok = self.map_transform(target, lan).inverted()
        if not ok:
            return None
        p = inverse.map(point)
        for shape in self.shapes:
            x0, y0, x1, y1 = shape.bounds
            if x0 <= p.x() <= x1 and y0 <= p.y() <= y1 and shape.contains(p.x(), p.y()):
                return shape.code
        return None

    def point_of(self, code: str, target: QRectF, lan: str | None = None) -> QPointF:
        """Where a point inside the kommun lands in the target rectangle."""
        x, y = self.by_code[code].interior_point()
        return self.map_transform(target, lan).map(QPointF(x, y))

    # -- drawing -------------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        target: QRectF,
        data: MapData | None,
        lan: str | None = None,
        selected: str = "",
        hovered: str = "",
        title: str | None = None,
    ) -> None:
        """Title, map and legend into target."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(target, QColor("#FFFFFF"))
        box = self.layout(target, lan)
        painter.setPen(QColor("#000000"))
        painter.setFont(_font(box.title.height() * 0.55, True, self.font_family))
        heading = title if title is not None else (data.title if data else "Kartan")
        if lan:
            heading += f" – {self.lan_name(lan)}"
        painter.drawText(box.title, int(Qt.AlignmentFlag.AlignVCenter), heading)
        self._paint_map(painter, box.map, data, lan, selected, hovered)
        self._paint_legend(painter, box.legend, data, lan)
        painter.restore()

    def lan_name(self, lan: str) -> str:
        from nki_desktop.paths import shipped_catalogue

        return shipped_catalogue().lan_names().get(lan, lan)

    def _paint_map(
        self,
        painter: QPainter,
        rect: QRectF,
        data: MapData | None,
        lan: str | None,
        selected: str,
        hovered: str,
    ) -> None:
        paths = self.mapped(self.transform(self.view_bounds(lan), rect))
        painter.save()
        painter.setClipRect(rect)
        groups: dict[int | None, QPainterPath] = {}
        context = QPainterPath()
        for code, path in paths.items():
            if (lan and not code.startswith(lan)) or (data and not data.shows(code)):
                context.addPath(path)
                continue
            entry = data.entries.get(code) if data else None
            klass = entry.klass if entry else None
            groups.setdefault(klass, QPainterPath()).addPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(context, QColor(CONTEXT_COLOUR))
        classes = data.classes if data else []
        for klass, path in groups.items():
            colour = classes[klass].colour if klass is not None else MISSING_COLOUR
            fill, pattern = class_brushes(klass, colour)
            painter.fillPath(path, fill)
            if pattern.style() != Qt.BrushStyle.NoBrush:
                painter.fillPath(path, pattern)
        outline = QPainterPath()
        for code, path in paths.items():
            if (not lan or code.startswith(lan)) and (not data or data.shows(code)):
                outline.addPath(path)
        painter.strokePath(context, QPen(QColor("#C8C8C8"), 0.5))
        painter.strokePath(outline, QPen(OUTLINE, 0.5 if not lan else 0.8))
        if hovered in paths:
            painter.strokePath(paths[hovered], QPen(QColor("#000000"), 1.5))
        marked = QPainterPath()
        mine = data.mine if data else ""
        for code in data.marked if data else ():
            if code in paths and code != mine:
                marked.addPath(paths[code])
        if not marked.isEmpty():
            painter.strokePath(marked, QPen(QColor("#FFFFFF"), 3.0))
            painter.strokePath(marked, QPen(QColor("#000000"), 1.6, Qt.PenStyle.DashLine))
        if selected in paths and selected != mine:
            pen = QPen(QColor("#000000"), 2.0, Qt.PenStyle.DashLine)
            painter.strokePath(paths[selected], pen)
        if mine in paths:
            painter.strokePath(paths[mine], QPen(QColor("#FFFFFF"), 4.2))
            painter.strokePath(paths[mine], QPen(QColor("#000000"), 2.4))
        if lan:
            self._paint_names(painter, lan, rect)
        painter.restore()

    def _paint_names(self, painter: QPainter, lan: str, rect: QRectF) -> None:
        """Kommun names at a point inside each, with a white halo (län view only); the
        larger kommuner first, and a name that would overlap one already written is left
        out (hover tells it)."""
        transform = self.transform(self.view_bounds(lan), rect)
        paths = self.mapped(transform)
        font = _font(10, False, self.font_family)
        metrics = QFontMetricsF(font)
        shapes = sorted(
            (s for s in self.shapes if s.lan == lan),
            key=lambda s: -paths[s.code].boundingRect().width(),
        )
        taken: list[QRectF] = []
        for shape in shapes:
            x, y = shape.interior_point()
            at = transform.map(QPointF(x, y))
            w = metrics.horizontalAdvance(shape.name)
            origin = QPointF(at.x() - w / 2, at.y() + metrics.ascent() / 2 - 1)
            box = QRectF(origin.x() - 2, origin.y() - metrics.ascent(), w + 4, metrics.height())
            if any(box.intersects(other) for other in taken):
                continue
            taken.append(box)
            halo = QPainterPath()
            halo.addText(origin, font, shape.name)
            painter.strokePath(halo, QPen(QColor(255, 255, 255, 220), 3))
            painter.setFont(font)  # the name as text: searchable and sharp in the PDF
            painter.setPen(QColor("#000000"))
            painter.drawText(origin, shape.name)

    def _paint_legend(
        self, painter: QPainter, rect: QRectF, data: MapData | None, lan: str | None = None
    ) -> None:
        small = _font(11, False, self.font_family)
        bold = _font(11.5, True, self.font_family)
        x, y, w = rect.left() + 6, rect.top() + 6, rect.width() - 8
        line = QFontMetricsF(small).lineSpacing()
        painter.setPen(QColor("#000000"))
        painter.setFont(bold)
        what = "Betyg" if not data or data.mode == "grade" else "Placering i riket"
        if data and data.outside:
            what += " (antal i urvalet)"
        else:
            what += " (antal i länet)" if lan else " (antal kommuner)"
        painter.drawText(QRectF(x, y, w, line * 1.3), what)
        y += line * 1.5
        shown = [
            s.code
            for s in self.shapes
            if (not lan or s.lan == lan) and (not data or data.shows(s.code))
        ]
        entries = [data.entries.get(code) for code in shown] if data else []
        klasses = [e.klass if e else None for e in entries] or [None] * len(shown)
        rows: list[tuple[int | None, str, str, int]] = []
        for i, c in enumerate(data.classes if data else []):
            label = f"{c.symbol} {c.label}".strip()
            rows.append((i, c.colour, label, klasses.count(i)))
        missing = klasses.count(None)
        rows.append((None, MISSING_COLOUR, MISSING_LABEL, missing))
        sw, sh = 30.0, 17.0
        painter.setFont(small)
        for index, colour, label, count in rows:
            swatch = QRectF(x, y, sw, sh)
            fill, pattern = class_brushes(index, colour)
            painter.setPen(Qt.PenStyle.NoPen)
            for brush in (fill, pattern):  # drawRect: fillRect loses the brush in a PDF
                painter.setBrush(brush)
                painter.drawRect(swatch)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(OUTLINE, 0.8))
            painter.drawRect(swatch)
            painter.setPen(QColor("#000000"))
            text = f"{label} – {count}"
            used = painter.boundingRect(
                QRectF(x + sw + 6, y, w - sw - 6, 3 * line), int(Qt.TextFlag.TextWordWrap), text
            )
            painter.drawText(
                QRectF(x + sw + 6, y, w - sw - 6, 3 * line), int(Qt.TextFlag.TextWordWrap), text
            )
            y += max(sh, used.height()) + 5
        y += 4
        if data and data.mine:
            entry = data.entries.get(data.mine)
            swatch = QRectF(x, y, sw, sh)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#000000"), 2.4))
            painter.drawRect(swatch.adjusted(1, 1, -1, -1))
            if entry is not None:
                text = f"Min kommun: {entry.name}, {fmt_index(entry.value)}" + (
                    f", plats {entry.rank}" if entry.rank is not None else ""
                )
                painter.setPen(QColor("#000000"))
                flags = int(Qt.TextFlag.TextWordWrap)
                area = QRectF(x + sw + 6, y, w - sw - 6, 3 * line)
                used = painter.boundingRect(area, flags, text)
                painter.drawText(area, flags, text)
                y += max(sh, used.height()) + 8
        if data and data.marked:
            swatch = QRectF(x, y, sw, sh)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#000000"), 1.6, Qt.PenStyle.DashLine))
            painter.drawRect(swatch.adjusted(1, 1, -1, -1))
            painter.setPen(QColor("#000000"))
            count = len([c for c in data.marked if c != data.mine])
            painter.drawText(
                QRectF(x + sw + 6, y, w - sw - 6, 2 * line),
                int(Qt.TextFlag.TextWordWrap),
                f"{data.marked_label} – {count}",
            )
            y += sh + 8
        notes = (data.note() + " " if data else "") + ATTRIBUTION + "."
        if data and data.outside:
            notes = "Ljusgrått utan mönster: utanför urvalet. " + notes
        if data and data.is_sample:
            notes = "EXEMPELDATA – fiktiva värden. " + notes
        painter.setFont(_font(10, False, self.font_family))
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(x, y, w, rect.bottom() - y), int(Qt.TextFlag.TextWordWrap), notes)


def _paths(shapes: Sequence[KommunShape]) -> dict[str, QPainterPath]:
    return {s.code: _path(s) for s in shapes}


@lru_cache(maxsize=1)
def _shipped_paths() -> dict[str, QPainterPath]:
    """The shipped kommuner's paths, built once and shared by every map (paths are
    implicitly shared and never changed: each view maps them to new paths)."""
    return _paths(shipped_shapes())


def _path(shape: KommunShape) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shape.rings:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
        path.closeSubpath()
    return path


def save_map(
    data: MapData,
    path: str | Path,
    lan: str | None = None,
    size: QSize | None = None,
    font_family: str = "",
) -> Path:
    """Write the map as PNG (twice the size, for print) or SVG (vectors) by the suffix."""
    from nki_desktop.atomic import atomic_target

    path = Path(path)
    size = size or QSize(760, 900)
    renderer = MapRenderer()
    renderer.font_family = font_family
    target = QRectF(0, 0, size.width(), size.height())
    with atomic_target(path) as tmp:
        if path.suffix.lower() == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(str(tmp))
            generator.setSize(size)
            generator.setViewBox(QRect(0, 0, size.width(), size.height()))
            generator.setTitle(data.title)
            painter = QPainter(generator)
            renderer.paint(painter, target, data, lan)
            painter.end()
        else:
            image = QImage(size * 2, QImage.Format.Format_ARGB32)
            image.fill(QColor("#FFFFFF"))
            painter = QPainter(image)
            painter.scale(2, 2)
            renderer.paint(painter, target, data, lan)
            painter.end()
            if not image.save(str(tmp)):
                raise OSError(errno.EIO, "bilden kunde inte sparas", str(path))
    return path
