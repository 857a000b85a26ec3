"""Horizontal index bars with their 95 % intervals (breakdowns of respondent data).

Bars below the publication rule are drawn grey and hatched, and their label says so: the
difference is never carried by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QToolTip

from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_number

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")


@dataclass
class IntervalBar:
    label: str
    value: float | None
    low: float | None
    high: float | None
    n: int
    shown: bool = True  # False: below the publication rule (grey, hatched, "för få svar")
    tooltip: str = ""


class IntervalBarChart(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)
        self.bars: list[IntervalBar] = []
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().showGrid(x=True, y=False, alpha=0.2)
        self.getPlotItem().setLabel("bottom", "Index (0–100) med 95 %-intervall")
        self.setMinimumHeight(160)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def set_bars(self, bars: list[IntervalBar]) -> None:
        self.bars = bars
        plot = self.getPlotItem()
        plot.clear()
        ys = list(range(len(bars)))[::-1]
        for y, bar in zip(ys, bars, strict=True):
            if bar.value is None:
                continue
            grade = grade_for(bar.value)
            colour = QColor(grade.colour if grade and bar.shown else "#BBBBBB")
            brush = QBrush(
                colour, Qt.BrushStyle.SolidPattern if bar.shown else Qt.BrushStyle.BDiagPattern
            )
            plot.addItem(
                pg.BarGraphItem(
                    x0=0,
                    y=[y],
                    height=0.6,
                    width=[bar.value],
                    brush=brush,
                    pen=pg.mkPen(colour.darker(140)),
                )
            )
            if bar.low is not None and bar.high is not None:
                plot.addItem(
                    pg.ErrorBarItem(
                        x=np.array([bar.value]),
                        y=np.array([float(y)]),
                        left=np.array([bar.value - bar.low]),
                        right=np.array([bar.high - bar.value]),
                        beam=0.25,
                        pen=pg.mkPen("#222222", width=1.5),
                    )
                )
            text = f"{fmt_number(bar.value, 1)} (n = {fmt_number(bar.n)})"
            label = pg.TextItem(text, anchor=(0, 0.5), color="#222222" if bar.shown else "#777777")
            label.setPos((bar.high if bar.high is not None else bar.value) + 1.5, y)
            plot.addItem(label)
        axis = plot.getAxis("left")
        labels = [b.label if b.shown else f"{b.label} (för få svar)" for b in bars]
        axis.setTicks([list(zip(ys, labels, strict=True))])
        width = max((self.fontMetrics().horizontalAdvance(t) for t in labels), default=40)
        axis.setWidth(width + 14)
        self.setYRange(-0.6, max(len(bars) - 0.4, 0.6), padding=0)
        self.setXRange(0, 125, padding=0)

    def _on_scene_mouse_moved(self, pos) -> None:
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(pos) or not self.bars:
            return
        index = len(self.bars) - 1 - round(plot.vb.mapSceneToView(pos).y())
        if 0 <= index < len(self.bars):
            bar = self.bars[index]
            QToolTip.showText(
                self.mapToGlobal(self.mapFromScene(pos).toPoint()), bar.tooltip or bar.label, self
            )
