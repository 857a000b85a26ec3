"""The kommun's own records on a trend chart: actions as dated vertical lines (labelled;
solid when done, dotted when only decided) and notes in the hover text of its points."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from nki_desktop.analysis.timeline import Tracking, note_tooltip
from nki_desktop.charts.trend import ChartBreak, ChartLine, TrendChart

COLOUR = "#009E73"  # Okabe-Ito bluish green: apart from the lines' blue, black and orange


def add_note_tips(lines: list[ChartLine], tracking: Tracking) -> None:
    """Each year's notes under the hover text of min kommun's point that year."""
    for line in lines:
        if line.key not in ("mine", "preliminary"):
            continue
        for p in line.points:
            extra = note_tooltip(tracking.notes_for(int(round(p.x))))
            if extra:
                p.tooltip = f"{p.tooltip}\n{extra}"


def draw_action_marks(chart: TrendChart, tracking: Tracking) -> None:
    """Vertical lines at the actions' dates (after ``set_lines``, which clears the plot)."""
    plot = chart.getPlotItem()
    for i, mark in enumerate(tracking.marks):
        style = Qt.PenStyle.SolidLine if mark.done else Qt.PenStyle.DotLine
        line = pg.InfiniteLine(
            pos=mark.x,
            angle=90,
            movable=False,
            pen=pg.mkPen(COLOUR, width=2, style=style),
            label=mark.label,
            labelOpts={
                "position": 0.93 - 0.07 * (i % 3),
                "color": "#00573F",
                "fill": (255, 255, 255, 220),
                "anchors": [(0, 0.5), (0, 0.5)],
            },
        )
        plot.addItem(line)
        # hover: the chart explains what lies under the mouse from its list of breaks
        chart.breaks = [*chart.breaks, ChartBreak(mark.x, mark.label, mark.tooltip)]
    if tracking.marks:
        low, high = chart.viewRange()[0]
        xs = [m.x for m in tracking.marks]
        chart.setXRange(min(low, min(xs) - 0.3), max(high, max(xs) + 0.3), padding=0)
