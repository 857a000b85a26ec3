"""A legend laid out under the plot area (never over the data)."""

from __future__ import annotations

import pyqtgraph as pg


def legend_below(plot: pg.PlotItem, columns: int = 4) -> pg.LegendItem:
    """A horizontal legend in the plot's layout, below the bottom axis.

    Items are added with ``legend.addItem(item, label)``; ``legend.clear()`` before redrawing.
    """
    # pixels, not points: QTextDocument lays points out by the paint device DPI, so a
    # legend in points shrinks when the chart is rendered into an image or SVG
    legend = pg.LegendItem(colCount=columns, labelTextSize="12px", verSpacing=-4, horSpacing=18)
    # LegendItem ignores transformations (made to float over a zoomable view); in the
    # layout it must scale with the rest when rendered at 2× or into SVG
    legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
    plot.layout.addItem(legend, 4, 1)
    return legend
