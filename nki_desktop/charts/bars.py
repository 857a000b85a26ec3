"""Charts shared by the screens (ui/) and the reports (reports/): Qt and pyqtgraph allowed.

Horizontal index bars (0–100) with a reference marker (Riket) and hover tooltips."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolTip

from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_index

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")


@dataclass
class Bar:
    label: str
    value: float | None
    reference: float | None = None
    tooltip: str = ""
    comparison: float | None = None  # e.g. the comparison group's mean: an open diamond
    highlight: bool = False  # min kommun among others: a heavy outline and a marked label


def _grade_colour(value: float | None) -> str:
    grade = grade_for(value) if value is not None else None
    return grade.colour if grade else "#999999"


class IndexBarChart(pg.PlotWidget):
    """Bars coloured by grade (grade word in the tooltip and legend), Riket as a black tick."""

    def __init__(self, parent=None, reference_label: str = "Riket"):
        super().__init__(parent, enableMenu=False)  # no (English) context menu, not built
        self.reference_label = reference_label
        self.bars: list[Bar] = []
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().showGrid(x=True, y=False, alpha=0.2)
        self.getPlotItem().setLabel("bottom", "Index (0–100)")
        self.setXRange(0, 100, padding=0)
        self.setMinimumHeight(160)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        plot = self.getPlotItem()
        plot.clear()
        count = len(bars)
        ys = list(range(count))[::-1]
        shown = [(y, bar) for y, bar in zip(ys, bars, strict=True) if bar.value is not None]
        if shown:  # one item draws every bar, each in its grade's colour
            colours = [QColor(_grade_colour(bar.value)) for _y, bar in shown]
            plot.addItem(
                pg.BarGraphItem(
                    x0=0,
                    y=[y for y, _bar in shown],
                    height=0.6,
                    width=[bar.value for _y, bar in shown],
                    brushes=colours,
                    pens=[
                        pg.mkPen("#000000", width=2.5)
                        if bar.highlight
                        else pg.mkPen(colour.darker(130))
                        for (_y, bar), colour in zip(shown, colours, strict=True)
                    ],
                )
            )
        for y, bar in zip(ys, bars, strict=True):
            if bar.value is None:  # say so, rather than leave an unexplained gap
                note = pg.TextItem("inget publicerat värde", anchor=(0, 0.5), color="#666666")
                note.setPos(1, y)
                plot.addItem(note)
                continue
            grade = grade_for(bar.value)
            # the grade's symbol beside the number: the band is never shown by colour alone
            label = fmt_index(bar.value) + (f" {grade.symbol}" if grade else "")
            text = pg.TextItem(label, anchor=(0, 0.5), color="#222222")
            # right of the bar and of the Riket tick, so the tick never covers the number
            text.setPos(max(bar.value, bar.reference or 0.0, bar.comparison or 0.0) + 1.2, y)
            plot.addItem(text)
        ref_x = [b.reference for b in bars if b.reference is not None]
        ref_y = [y for y, b in zip(ys, bars, strict=True) if b.reference is not None]
        if ref_x:
            xs = [x for x in ref_x for _ in (0, 1)]
            ys2 = [y + d for y in ref_y for d in (-0.42, 0.42)]
            plot.addItem(
                pg.PlotDataItem(xs, ys2, connect="pairs", pen=pg.mkPen("#000000", width=3))
            )
        marks = [
            (b.comparison, y) for y, b in zip(ys, bars, strict=True) if b.comparison is not None
        ]
        if marks:  # useCache=False: symbols stay vectors when rendered into a PDF
            plot.addItem(
                pg.ScatterPlotItem(
                    [m[0] for m in marks],
                    [m[1] for m in marks],
                    symbol="d",
                    size=11,
                    brush=pg.mkBrush("#FFFFFF"),
                    pen=pg.mkPen("#000000", width=1.5),
                    useCache=False,
                )
            )
        axis = plot.getAxis("left")
        labels = [("▶ " + b.label) if b.highlight else b.label for b in bars]
        axis.setTicks([list(zip(ys, labels, strict=True))])
        width = max((self.fontMetrics().horizontalAdvance(text) for text in labels), default=40)
        axis.setWidth(width + 14)
        self.setYRange(-0.6, max(count - 0.4, 0.6), padding=0)
        self.setXRange(0, 112, padding=0)  # room right of 100 for the number and symbol
        plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, 101, 10)]])
        self.setMinimumHeight(60 + 28 * count)

    def _on_scene_mouse_moved(self, pos) -> None:
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(pos) or not self.bars:
            return
        point = plot.vb.mapSceneToView(pos)
        index = len(self.bars) - 1 - round(point.y())
        if 0 <= index < len(self.bars):
            bar = self.bars[index]
            QToolTip.showText(
                self.mapToGlobal(self.mapFromScene(pos).toPoint()), bar.tooltip or bar.label, self
            )

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(60 + 28 * max(1, len(self.bars)))
        return hint


def legend_html() -> str:
    """Grade legend as rich text: symbol, word and band; colour only as a companion."""
    from nki_desktop.domain.grades import GRADES

    parts = []
    for g in GRADES:
        parts.append(
            f"<span style='color:{g.colour}'>■</span> {g.symbol} {g.label} "
            f"({g.band.replace('<', '&lt;')})"
        )
    parts.append("<b>|</b> Riket")
    return " &nbsp;&nbsp; ".join(parts)


__all__ = ["Bar", "IndexBarChart", "legend_html", "Qt"]
