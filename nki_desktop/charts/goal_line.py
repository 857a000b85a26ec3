"""Target lines on the trend chart: a goal's target value as a dashed, labelled horizontal
line from its first year on. Drawn after the lines (``TrendChart.set_lines`` clears them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt

from nki_desktop.domain.goals import TARGET, Goal
from nki_desktop.domain.numbers import fmt_number

COLOUR = "#009E73"  # Okabe-Ito green: apart from the lines' blue, black and vermilion


@dataclass(frozen=True)
class TargetLine:
    value: float
    first_year: int | None  # None: every year shown
    label: str


def target_lines(goals: Sequence[Goal]) -> list[TargetLine]:
    """The target goals among ``goals`` as lines ("Mål: minst 75 från 2022")."""
    out = []
    for g in goals:
        if g.kind != TARGET or g.target is None:
            continue
        decimals = 0 if float(g.target).is_integer() else 1
        since = f" från {g.from_year}" if g.from_year else ""
        out.append(
            TargetLine(g.target, g.from_year, f"Mål: minst {fmt_number(g.target, decimals)}{since}")
        )
    return out


def draw_targets(chart: pg.PlotWidget, targets: Sequence[TargetLine]) -> None:
    """Add the dashed target lines to a drawn trend chart, keeping them inside the y range."""
    if not targets:
        return
    plot = chart.getPlotItem()
    (x_low, x_high), (y_low, y_high) = plot.vb.viewRange()
    for t in targets:
        start = max(x_low, t.first_year - 0.3) if t.first_year else x_low
        if start >= x_high:
            continue
        line = pg.PlotDataItem(
            [start, x_high],
            [t.value, t.value],
            pen=pg.mkPen(COLOUR, width=2, style=Qt.PenStyle.DashLine),
        )
        line.setToolTip(f"{t.label} (kommunens eget mål)")
        plot.addItem(line)  # labelled on the chart; a legend entry could widen the layout
        text = pg.TextItem(t.label, color=COLOUR, anchor=(1, 1.1), fill=(255, 255, 255, 200))
        text.setPos(x_high - 0.05, t.value)
        plot.addItem(text)
        if not y_low < t.value < y_high:
            y_low, y_high = min(y_low, t.value - 3), max(y_high, t.value + 3)
            chart.setYRange(y_low, y_high, padding=0)
