"""Grouped horizontal bars: several units side by side per category (area or factor).

Series differ by colour (Okabe-Ito) and, from the second series on, by a hatch pattern, so
they stay apart in black-and-white print. A reference value (Riket) is a black tick.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QToolTip

from nki_desktop.analysis.compare import Comparison
from nki_desktop.analysis.origin import mean_text, source_text
from nki_desktop.charts.legend import legend_below
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_index, fmt_number

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")

PALETTE = ("#0072B2", "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#F0E442", "#000000")
PATTERNS = (
    None,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense6Pattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense5Pattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.VerPattern,
)


MAX_SINGLE_SERIES = 4  # more compared kommuner than this: the chart shows their mean


@dataclass
class Series:
    label: str
    values: list[float | None]
    tooltips: list[str] = field(default_factory=list)


class GroupedBarChart(pg.PlotWidget):
    """``set_groups(categories, series, reference)``: data only, no database."""

    def __init__(self, parent=None, reference_label: str = "Riket"):
        super().__init__(parent, enableMenu=False)
        self.reference_label = reference_label
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.reference: list[float | None] = []
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=False, alpha=0.2)
        plot.setLabel("bottom", "Index (0–100)")
        self.legend = legend_below(plot)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def _slot(self) -> float:
        return 0.8 / max(1, len(self.series))

    def bar_y(self, category: int, series: int) -> float:
        """Centre of one bar; category 0 is drawn at the top."""
        top = len(self.categories) - 1 - category
        return top + 0.4 - self._slot() * (series + 0.5)

    def set_groups(
        self,
        categories: list[str],
        series: list[Series],
        reference: list[float | None] | None = None,
    ) -> None:
        self.categories, self.series = categories, series
        self.reference = reference or []
        plot = self.getPlotItem()
        plot.clear()
        self.legend.clear()
        height = self._slot() * 0.9
        for s_index, s in enumerate(series):
            colour = QColor(PALETTE[s_index % len(PALETTE)])
            ys = [self.bar_y(c, s_index) for c, v in enumerate(s.values) if v is not None]
            ws = [v for v in s.values if v is not None]
            if not ws:
                continue
            item = pg.BarGraphItem(
                x0=0, y=ys, height=height, width=ws, brush=colour, pen=pg.mkPen(colour.darker(140))
            )
            plot.addItem(item)
            pattern = PATTERNS[s_index % len(PATTERNS)]
            if pattern is not None:
                plot.addItem(
                    pg.BarGraphItem(
                        x0=0,
                        y=ys,
                        height=height,
                        width=ws,
                        brush=QBrush(QColor("#222222"), pattern),
                        pen=pg.mkPen(None),
                    )
                )
            self.legend.addItem(item, s.label)
        refs = [(c, r) for c, r in enumerate(self.reference) if r is not None]
        if refs:
            xs = [r for _, r in refs for _ in (0, 1)]
            top = len(categories) - 1
            ys2 = [top - c + d for c, _ in refs for d in (-0.42, 0.42)]
            ref = pg.PlotDataItem(xs, ys2, connect="pairs", pen=pg.mkPen("#000000", width=3))
            plot.addItem(ref)
            self.legend.addItem(ref, self.reference_label)
        axis = plot.getAxis("left")
        axis.setTicks([[(len(categories) - 1 - c, label) for c, label in enumerate(categories)]])
        width = max((self.fontMetrics().horizontalAdvance(c) for c in categories), default=40)
        axis.setWidth(width + 14)
        self.setYRange(-0.55, max(len(categories) - 0.45, 0.55), padding=0)
        self.setXRange(0, 100, padding=0.02)
        # one tick level: pyqtgraph draws a grid line per minor tick too, which is slow
        plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, 101, 10)]])
        self.setMinimumHeight(min(300, 90 + len(categories) * (8 * len(series) + 6)))

    def hit(self, x: float, y: float) -> tuple[int, int] | None:
        """(category, series) of the bar under a view position, if any."""
        slot = self._slot()
        for c in range(len(self.categories)):
            for s_index, s in enumerate(self.series):
                value = s.values[c] if c < len(s.values) else None
                if value is None:
                    continue
                if abs(y - self.bar_y(c, s_index)) <= slot / 2 and 0 <= x <= max(value, 3):
                    return c, s_index
        return None

    def _on_scene_mouse_moved(self, pos) -> None:
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(pos) or not self.series:
            return
        point = plot.vb.mapSceneToView(pos)
        found = self.hit(point.x(), point.y())
        if found is None:
            QToolTip.hideText()
            return
        c, s_index = found
        s = self.series[s_index]
        text = (
            s.tooltips[c]
            if c < len(s.tooltips) and s.tooltips[c]
            else f"{s.label}, {self.categories[c]}: {fmt_index(s.values[c])}"
        )
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(pos).toPoint()), text, self)


def series_from_comparison(comparison: Comparison, kind: str, set_name: str) -> list[Series]:
    """Min kommun, then each compared kommun (few) or their mean (many)."""
    rows = comparison.rows(kind)
    mine = comparison.mine
    units = comparison.units

    def tip(unit_name: str, label: str, value: float | None, n: int | None, extra: str) -> str:
        g = grade_for(value)
        text = f"{unit_name}, {label}: {fmt_index(value)}" + (f" – {g.label.lower()}" if g else "")
        return text + (f"\nAntal svar: {fmt_number(n)}" if n is not None else "") + extra

    def one(unit: str) -> Series:
        name = comparison.names[unit]
        values = [r.value(unit) for r in rows]
        tips = [
            tip(
                name,
                r.label,
                r.value(unit),
                r.cells[unit].n,
                f"\nKälla: {source_text(r.cells[unit].publication, r.cells[unit].source)}"
                if r.cells[unit].source
                else "",
            )
            for r in rows
        ]
        return Series(name, values, tips)

    series = [one(mine)]
    others = units[1:]
    if len(others) <= MAX_SINGLE_SERIES:
        series += [one(u) for u in others]
    else:
        name = set_name.split(" (")[0] if set_name else "jämförda"
        label = f"Medel {name[:1].lower() + name[1:]}"  # "liknande Örebro": names keep capitals
        means = [r.others_mean(mine) for r in rows]
        series.append(
            Series(
                label,
                means,
                [
                    tip(
                        label,
                        r.label,
                        m,
                        None,
                        f"\nOvägt {mean_text(r.others_count(mine))} "
                        f"(av {len(others)} jämförda kommuner)",
                    )
                    for r, m in zip(rows, means, strict=True)
                ],
            )
        )
    return series
