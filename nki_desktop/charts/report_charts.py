"""Charts for the board summary, also usable on screen: an NKI trend line chart and index bars
with a second reference (the comparison group). Readable in black and white: lines differ
by dash and marker, grades carry their symbol beside the value.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from nki_desktop.charts.bars import Bar, IndexBarChart
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_index


@dataclass
class Line:
    label: str
    values: list[float | None]  # one per year, None where there is no value
    style: str = "own"  # own | riket | comparison


_STYLES = {
    "own": dict(pen=("#0B3C74", 3, Qt.PenStyle.SolidLine), symbol="o", brush="#0B3C74"),
    "riket": dict(pen=("#000000", 2, Qt.PenStyle.DashLine), symbol="s", brush="#FFFFFF"),
    "comparison": dict(pen=("#6B6B6B", 2, Qt.PenStyle.DotLine), symbol="t", brush="#FFFFFF"),
}


class TrendLineChart(pg.PlotWidget):
    """NKI per case year: min kommun with its values labelled, Riket and a comparison mean.

    Definition breaks are drawn as vertical lines between the years they separate.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.setLabel("left", "NKI (0–100)")
        # The legend sits below the axis, so it never hides a line.
        self.legend = pg.LegendItem(colCount=3, labelTextColor="#222222")
        plot.layout.addItem(self.legend, 4, 1)
        self.setMinimumHeight(220)

    def set_lines(self, years: list[int], lines: list[Line], breaks: list[int] | None = None,
                  break_label: str = "Ny definition") -> None:
        plot = self.getPlotItem()
        plot.clear()
        self.legend.clear()
        shown: list[float] = []
        for line in lines:
            style = _STYLES.get(line.style, _STYLES["own"])
            colour, width, dash = style["pen"]  # type: ignore[misc]
            pen = pg.mkPen(colour, width=width, style=dash)
            xs = [y for y, v in zip(years, line.values, strict=True) if v is not None]
            ys = [v for v in line.values if v is not None]
            shown += ys
            item = pg.PlotDataItem(xs, ys, pen=pen, symbol=style["symbol"], symbolSize=8,
                                   symbolBrush=style["brush"], symbolPen=pg.mkPen(colour),
                                   name=line.label, useCache=False)  # vector symbols
            plot.addItem(item)
            self.legend.addItem(item, line.label)
        own = next((line for line in lines if line.style == "own"), None)
        others = [line for line in lines if line is not own]
        if own is not None:  # value labels on the side away from the other lines
            for i, (x, y) in enumerate(zip(years, own.values, strict=True)):
                if y is None:
                    continue
                near = [o.values[i] for o in others if o.values[i] is not None]
                below = bool(near) and y <= min(near)
                label = pg.TextItem(fmt_index(y), anchor=(0.5, -0.25 if below else 1.25),
                                    color="#0B3C74")
                label.setPos(x, y)
                plot.addItem(label)
        low = min(shown, default=50.0)
        high = max(shown, default=90.0)
        low, high = max(0.0, (low // 5) * 5 - 5), min(100.0, (high // 5) * 5 + 7)
        for year in breaks or []:
            marker = pg.InfiniteLine(year - 0.5, angle=90,
                                     pen=pg.mkPen("#444444", width=1,
                                                  style=Qt.PenStyle.DashDotLine))
            plot.addItem(marker)
            late = bool(years) and year > (min(years) + max(years)) / 2
            text = pg.TextItem(break_label, anchor=(1, 0) if late else (0, 0), color="#444444")
            text.setPos(year - 0.55 if late else year - 0.45, high)
            plot.addItem(text)
        plot.getAxis("bottom").setTicks([[(y, str(y)) for y in years]])
        if years:
            self.setXRange(min(years) - 0.5, max(years) + 0.5, padding=0)
        self.setYRange(low, high, padding=0)


class ComparisonBarChart(IndexBarChart):
    """Index bars (grade colour, grade symbol beside the value), Riket as a black tick and
    the comparison group as an open diamond."""

    def __init__(self, parent=None, reference_label: str = "Riket",
                 comparison_label: str = "Jämförelsegrupp"):
        super().__init__(parent, reference_label)
        self.comparison_label = comparison_label

    def set_bars(self, bars: list[Bar], comparison: list[float | None] | None = None) -> None:
        super().set_bars(bars)
        plot = self.getPlotItem()
        texts = [i for i in plot.items if isinstance(i, pg.TextItem)]
        ys = list(range(len(bars)))[::-1]
        placed = [(y, b) for y, b in zip(ys, bars, strict=True) if b.value is not None]
        for text, (y, bar) in zip(texts, placed, strict=False):
            grade = grade_for(bar.value)  # value and grade symbol in a column right of 100
            text.setText(f"{fmt_index(bar.value)} {grade.symbol if grade else ''}".strip())
            text.setPos(103, y)
        for y, bar in zip(ys, bars, strict=True):
            if bar.value is None:  # say why there is no bar instead of leaving a gap
                gap = pg.TextItem("inget värde (för få svar)", anchor=(0, 0.5), color="#444444")
                gap.setPos(1, y)
                plot.addItem(gap)
        if comparison:
            points = [(c, y) for c, y in zip(comparison, ys, strict=False) if c is not None]
            if points:
                plot.addItem(pg.ScatterPlotItem([p[0] for p in points], [p[1] for p in points],
                                                symbol="d", size=11, brush=pg.mkBrush("#FFFFFF"),
                                                pen=pg.mkPen("#000000", width=1.5),
                                                useCache=False))
        self.setXRange(0, 122, padding=0)
        self.getPlotItem().getAxis("bottom").setTicks(
            [[(x, str(x)) for x in range(0, 101, 20)], [(x, "") for x in range(10, 100, 20)]])


def apply_font(chart: pg.PlotWidget, font: QFont) -> None:
    """Use one font for ticks, labels, legend and value labels (reports use the bundled font)."""
    chart.setFont(font)
    plot = chart.getPlotItem()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setStyle(tickFont=font)
        axis.label.setFont(font)
    for item in plot.items:
        if isinstance(item, pg.TextItem):
            item.textItem.setFont(font)
    legend = getattr(chart, "legend", None)
    if legend is not None:
        for _sample, label in legend.items:
            label.item.setFont(font)


__all__ = ["Bar", "ComparisonBarChart", "Line", "TrendLineChart", "apply_font"]
