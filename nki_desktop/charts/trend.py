"""A trend chart: lines over case years with error bars, and markers where definitions changed.

Each line has its own colour, dash pattern and symbol (Okabe-Ito palette, readable in
black-and-white). Hovering a point shows its exact value, n and source; hovering a marker
explains the change of definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QToolTip

from nki_desktop.analysis.origin import mean_text
from nki_desktop.analysis.preliminary import Preliminary
from nki_desktop.analysis.trend import TrendData
from nki_desktop.charts.legend import legend_below
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_index, fmt_number

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")

# (colour, pen style, symbol) per line kind: distinguishable without colour.
STYLES = {
    "mine": ("#0072B2", Qt.PenStyle.SolidLine, "o", 3),
    "riket": ("#000000", Qt.PenStyle.DashLine, "s", 2),
    "compare": ("#D55E00", Qt.PenStyle.DotLine, "t", 2),
    "preliminary": ("#0072B2", Qt.PenStyle.NoPen, "o", 2),  # an open ring, never joined
}
HOLLOW = frozenset({"preliminary"})


@dataclass
class ChartPoint:
    x: float
    y: float
    tooltip: str
    low: float | None = None
    high: float | None = None
    segment: int = 0  # points of one line are joined only within a segment


@dataclass
class ChartLine:
    key: str
    label: str
    points: list[ChartPoint] = field(default_factory=list)


@dataclass
class ChartBreak:
    x: float  # drawn between the last old year and the first new one
    label: str
    tooltip: str


def lines_from_trend(data: TrendData) -> tuple[list[ChartLine], list[ChartBreak]]:
    """Chart lines with tooltips from the analysis result."""
    out: list[ChartLine] = []
    for line in data.lines:
        chart_line = ChartLine(line.key, line.label)
        parts, _ = data.segments(line)
        for segment, part in enumerate(parts):
            for p in part:
                chart_line.points.append(
                    ChartPoint(
                        p.year,
                        p.value or 0.0,
                        _tooltip(line.label, line.average, p),
                        p.ci_low,
                        p.ci_high,
                        segment,
                    )
                )
        out.append(chart_line)
    breaks = [ChartBreak(b.year - 0.5, f"Ny definition {b.year}", b.text) for b in data.breaks]
    return out, breaks


def preliminary_line(p: Preliminary) -> ChartLine:
    """The preliminary figure as a line of one open marker (with its interval)."""
    line = ChartLine("preliminary", f"Preliminärt {p.year} (t.o.m. {p.last_date})")
    if p.value is not None:
        line.points.append(
            ChartPoint(
                p.year,
                p.value,
                p.text + "\nEgen beräkning från svarsdata; rankas inte.",
                p.ci_low,
                p.ci_high,
            )
        )
    return line


def _tooltip(label: str, average: bool, p) -> str:
    grade = grade_for(p.value)
    tip = [
        f"{label} {p.year}: {fmt_index(p.value)}"
        + (f" ({grade.symbol} {grade.label.lower()})" if grade else "")
    ]
    if average:
        tip.append(f"Ovägt {mean_text(p.members)}")
    else:
        tip.append(f"Antal svar: {fmt_number(p.n)}")
    if p.ci_low is not None and p.ci_high is not None:
        tip.append(f"Intervall: {fmt_number(p.ci_low, 1)}–{fmt_number(p.ci_high, 1)}")
    if p.origin:
        tip.append(f"Källa: {p.origin}")
    if p.source:
        tip.append(f"Fil: {p.source}")
    return "\n".join(tip)


class TrendChart(pg.PlotWidget):
    """Lines over years; ``set_lines`` takes data only (no database), so reports can reuse it."""

    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)
        self.lines: list[ChartLine] = []
        self.breaks: list[ChartBreak] = []
        self.zoomed = False
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.25)
        self.legend = legend_below(plot)
        self.setMinimumHeight(260)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def set_trend(self, data: TrendData, zoom: bool = False) -> None:
        lines, breaks = lines_from_trend(data)
        self.set_lines(lines, breaks, zoom)

    def set_lines(
        self,
        lines: list[ChartLine],
        breaks: list[ChartBreak],
        zoom: bool = False,
        value_labels: bool = False,
    ) -> None:
        """Draw the lines; ``value_labels`` writes min kommun's values beside its points
        (for print, where there is no hover)."""
        self.lines, self.breaks, self.zoomed = lines, breaks, zoom
        plot = self.getPlotItem()
        plot.clear()
        self.legend.clear()
        ys: list[float] = []
        xs: list[float] = []
        for line in lines:
            if not line.points:
                continue
            colour, style, symbol, width = STYLES.get(line.key, STYLES["compare"])
            pen = pg.mkPen(colour, width=width, style=style)
            x = [p.x for p in line.points]
            y = [p.y for p in line.points]
            xs += x
            ys += y
            # one item per line (cheaper to paint than one per piece); a point is joined to
            # the next only within a segment: a change of source or definition is a break
            joined = np.array(
                [a.segment == b.segment for a, b in zip(line.points, line.points[1:], strict=False)]
                + [False]
            )
            # useCache=False: symbols stay vectors when the chart is rendered into a PDF
            hollow = line.key in HOLLOW
            item = pg.PlotDataItem(
                x,
                y,
                pen=None if hollow else pen,
                symbol=symbol,
                symbolSize=13 if hollow else 9,
                symbolBrush=pg.mkBrush("w") if hollow else colour,
                symbolPen=pg.mkPen(colour, width=2.5 if hollow else 1),
                useCache=False,
                connect=joined,
            )
            item.setProperty("line_key", line.key)
            plot.addItem(item)
            self.legend.addItem(item, line.label)
            bars = [p for p in line.points if p.low is not None and p.high is not None]
            if bars:
                plot.addItem(
                    pg.ErrorBarItem(  # pyqtgraph needs arrays here, not lists
                        x=np.array([p.x for p in bars]),
                        y=np.array([p.y for p in bars]),
                        top=np.array([(p.high or p.y) - p.y for p in bars]),
                        bottom=np.array([p.y - (p.low or p.y) for p in bars]),
                        beam=0.15,
                        pen=pg.mkPen(colour, width=1.5),
                    )
                )
                ys += [p.low for p in bars if p.low is not None]
                ys += [p.high for p in bars if p.high is not None]
        # a legend wider than the chart would stretch the whole plot layout past its edge
        font = QFont(self.font())
        font.setPixelSize(12)  # the legend's label size (charts.legend)
        metrics = QFontMetrics(font)
        needed = sum(metrics.horizontalAdvance(line.label) + 60 for line in lines if line.points)
        room = max(200, self.width() - 80)
        self.legend.setColumnCount(4 if needed <= room else (2 if needed <= 2 * room else 1))
        if value_labels:
            self._label_values(lines)
        for brk in breaks:
            marker = pg.InfiniteLine(
                pos=brk.x,
                angle=90,
                movable=False,
                pen=pg.mkPen("#555555", width=2, style=Qt.PenStyle.DashDotLine),
                label=brk.label,
                labelOpts={"position": 0.06, "color": "#333333", "fill": (255, 255, 255, 220)},
            )
            marker.setToolTip(brk.tooltip)
            plot.addItem(marker)
        axis = plot.getAxis("bottom")
        years = sorted({int(x) for x in xs})
        axis.setTicks([[(y, str(y)) for y in years]])
        if xs:
            self.setXRange(min(xs) - 0.6, max(xs) + 0.6, padding=0)
        if zoom and ys:
            low = max(0.0, 5 * int(min(ys) / 5) - 5)
            high = min(100.0, 5 * int(max(ys) / 5) + 10)
            self.setYRange(low, high, padding=0)
            plot.getAxis("left").setTickSpacing(5, 5)  # major lines only: cheaper to paint
            plot.setLabel("left", f"Index (förstorat, från {low:.0f})")
        else:
            self.setYRange(-2, 104, padding=0)  # room for the "100" label at the top
            plot.getAxis("left").setTickSpacing(10, 10)
            plot.setLabel("left", "Index (0–100)")

    def _label_values(self, lines: list[ChartLine]) -> None:
        """Label min kommun's points on the side away from the other lines."""
        mine = next((line for line in lines if line.key == "mine"), None)
        if mine is None:
            return
        others = {(p.x, line.key): p.y for line in lines if line is not mine for p in line.points}
        colour = STYLES["mine"][0]
        for p in mine.points:
            near = [y for (x, _k), y in others.items() if x == p.x]
            below = bool(near) and p.y <= min(near)
            label = pg.TextItem(
                fmt_index(p.y), anchor=(0.5, -0.25 if below else 1.25), color=colour
            )
            label.setPos(p.x, p.y)
            self.getPlotItem().addItem(label)

    def point_at(self, x: float, y: float, px_x: float, px_y: float) -> ChartPoint | None:
        """The point nearest (x, y) within about 10 pixels (px_* = view units per pixel)."""
        best, best_d = None, 100.0
        for line in self.lines:
            for p in line.points:
                d = ((p.x - x) / px_x) ** 2 + ((p.y - y) / px_y) ** 2
                if d < best_d:
                    best, best_d = p, d
        return best

    def _on_scene_mouse_moved(self, pos) -> None:
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(pos):
            return
        vb = plot.vb
        point = vb.mapSceneToView(pos)
        px_x, px_y = (abs(v) or 1.0 for v in vb.viewPixelSize())
        hit = self.point_at(point.x(), point.y(), px_x, px_y)
        text = hit.tooltip if hit else ""
        if not text:
            for brk in self.breaks:
                if abs(brk.x - point.x()) / px_x < 6:
                    text = brk.tooltip
        if text:
            QToolTip.showText(self.mapToGlobal(self.mapFromScene(pos).toPoint()), text, self)
        else:
            QToolTip.hideText()
