"""A legend laid out under the plot area (never over the data)."""

from __future__ import annotations

import pyqtgraph as pg


def legend_below(plot: pg.PlotItem, columns: int = 4) -> pg.LegendItem:
    """A horizontal legend in the plot's layout, below the bottom axis.

    Items are added with ``legend.addItem(item, label)``; ``legend.clear()`` before redrawing.
    """
    legend = pg.LegendItem(colCount=columns, labelTextSize="9pt", verSpacing=-4,
                           horSpacing=18)
    plot.layout.addItem(legend, 4, 1)
    return legend
