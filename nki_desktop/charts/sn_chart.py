"""Svenskt Näringsliv's series on their own axis: a grade on 1–6, or a rank on 1–290 with
1 at the top. Never drawn on NKI's 0–100 axis (another survey, another scale)."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt

from nki_desktop.charts.legend import legend_below
from nki_desktop.domain.sn import RANK, RANK_OF, SCALE, SCALE_TEXT, format_grade

STYLES = {
    "mine": ("#009E73", Qt.PenStyle.SolidLine, "o", 3),
    "riket": ("#000000", Qt.PenStyle.DashLine, "s", 2),
}


@dataclass(frozen=True)
class SnLine:
    key: str  # mine | riket
    label: str
    points: tuple[tuple[int, float], ...]


def axis_label(factor: str) -> str:
    if factor == RANK:
        return f"Placering (1 = bäst av {RANK_OF})"
    return f"Betyg (skala {SCALE_TEXT})"


class SnTrendChart(pg.PlotWidget):
    """SN lines over years; ``set_lines`` takes data only, so a report can reuse it."""

    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.25)
        self.legend = legend_below(plot)
        self.setMinimumHeight(220)
        self.factor = ""

    def set_lines(self, lines: list[SnLine], factor: str, value_labels: bool = True) -> None:
        self.factor = factor
        plot = self.getPlotItem()
        plot.clear()
        self.legend.clear()
        xs: list[int] = []
        ys: list[float] = []
        for line in lines:
            if not line.points:
                continue
            colour, style, symbol, width = STYLES.get(line.key, STYLES["riket"])
            x = [p[0] for p in line.points]
            y = [p[1] for p in line.points]
            xs += x
            ys += y
            item = pg.PlotDataItem(
                x,
                y,
                pen=pg.mkPen(colour, width=width, style=style),
                symbol=symbol,
                symbolSize=9,
                symbolBrush=colour,
                useCache=False,
            )
            plot.addItem(item)
            self.legend.addItem(item, line.label)
            if value_labels and line.key == "mine":
                for px, py in line.points:
                    text = f"{int(py)}" if factor == RANK else format_grade(py)
                    label = pg.TextItem(text, anchor=(0.5, 1.3), color=colour)
                    label.setPos(px, py)
                    plot.addItem(label)
        years = sorted(set(xs))
        plot.getAxis("bottom").setTicks([[(y, str(y)) for y in years]])
        if xs:
            self.setXRange(min(xs) - 0.6, max(xs) + 0.6, padding=0)
        vb = plot.getViewBox()
        if factor == RANK:
            vb.invertY(True)  # place 1 at the top: higher is better
            plot.getAxis("left").setTicks(None)
            high = float(min(RANK_OF, max(ys, default=RANK_OF) + 20))
            self.setYRange(1.0, high, padding=0.04)  # from place 1, never 0
        else:
            vb.invertY(False)
            self.setYRange(SCALE[0] - 0.1, SCALE[1] + 0.2, padding=0)
            plot.getAxis("left").setTicks(
                [[(v, f"{v:.0f}") for v in range(int(SCALE[0]), int(SCALE[1]) + 1)]]
            )
        plot.setLabel("left", axis_label(factor))
