"""One font for every text item of a chart (reports use the bundled DejaVu Sans)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont


def apply_font(chart: pg.PlotWidget, font: QFont) -> None:
    """Use one font for ticks, labels, legend and value labels."""
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
