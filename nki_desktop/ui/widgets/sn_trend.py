"""Trend for Svenskt Näringsliv: one SN measure over the years on its own axis (grade 1–6
or rank 1–290), with Riket's mean grade; a table beside it. Never on NKI's 0–100 axis."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis import sn as sn_analysis
from nki_desktop.analysis.origin import is_fictitious, publication_label
from nki_desktop.charts.export import ChartFrame
from nki_desktop.charts.sn_chart import SnLine, SnTrendChart, axis_label
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.sn import HEADLINE, MEASURE_KEYS, RANK, SCALE_TEXT, format_grade
from nki_desktop.domain.sn import measure_label as sn_label
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, TableColumn, fit_columns
from nki_desktop.ui.models.table_copy import TableTools
from nki_desktop.ui.widgets.sn_panel import SnPanel

NOTE = (
    "Svenskt Näringslivs enkät till företag (Lokalt företagsklimat), egen axel: betyg på "
    f"skalan {SCALE_TEXT} eller placering 1–290. En annan undersökning än NKI – jämför inte "
    "siffrorna med NKI:s 0–100."
)


@dataclass
class _Row:
    year: int
    mine: float | None
    riket: float | None
    source: str


def _shown(factor: str, value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if factor == RANK else format_grade(value)


class SnTrendPanel(SnPanel):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.measure_combo = QComboBox()
        self.measure_combo.setAccessibleName("Mått (Svenskt Näringsliv)")
        for key in MEASURE_KEYS:
            self.measure_combo.addItem(sn_label(key), key)
        self.measure_combo.setCurrentIndex(self.measure_combo.findData(HEADLINE))
        caption = QLabel("&Mått:")
        caption.setBuddy(self.measure_combo)
        row.addWidget(caption)
        row.addWidget(self.measure_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#FFF4CE; border:1px solid #E0C060; padding:4px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.chart = SnTrendChart()
        self.frame = ChartFrame("Svenskt Näringsliv", self.chart, file_stem="sn-trend")
        self.note = QLabel(NOTE)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#333; background:#F3F3F3; padding:4px;")
        layout.addWidget(self.note)
        self.model = RowTableModel([])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setAccessibleName("Trendtabell Svenskt Näringsliv")
        self.tools = TableTools(self.view, "Svenskt Näringsliv", "sn-trend")
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.tools, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.frame)
        splitter.addWidget(table_box)
        splitter.setSizes([300, 240])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.measure_combo.currentIndexChanged.connect(self.refresh)

    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        factor = str(self.measure_combo.currentData())
        store = ctx.store
        mine = sn_analysis.series(store, ctx.kommun, factor) if ctx.kommun else []
        riket = sn_analysis.series(store, RIKET, factor) if factor != RANK else []
        name = ctx.kommun_name or "vald kommun"
        lines = [
            SnLine("mine", name, tuple((p.year, p.value) for p in mine)),
            SnLine("riket", "Riket (medel)", tuple((p.year, p.value) for p in riket)),
        ]
        self.chart.set_lines(lines, factor)
        self.frame.set_title(f"{name}: {sn_label(factor)} – Svenskt Näringsliv")
        fictitious = is_fictitious(p.publication for p in [*mine, *riket])
        self.banner.setText("⚠ " + sn_analysis.SAMPLE_WARNING)
        self.banner.setVisible(fictitious)
        by_year = {p.year: p for p in riket}
        rows = [
            _Row(
                p.year,
                p.value,
                by_year[p.year].value if p.year in by_year else None,
                publication_label(p.publication),
            )
            for p in mine
        ]
        if not rows:
            self.note.setText(
                f"Inga värden från Svenskt Näringsliv för {name} ({sn_label(factor).lower()}). "
                "Importera en fil från foretagsklimat.se på skärmen Import. " + NOTE
            )
        else:
            self.note.setText(NOTE)
        cols = [
            TableColumn(
                "År", lambda r: str(r.year), sort=lambda r: r.year, export=lambda r: r.year
            ),
            TableColumn(
                f"{name} ({axis_label(factor).split(' (')[0].lower()})",
                lambda r: _shown(factor, r.mine),
                export=lambda r: r.mine,
                align=RIGHT,
            ),
        ]
        if factor != RANK:
            cols.append(
                TableColumn(
                    "Riket (medel)",
                    lambda r: _shown(factor, r.riket),
                    export=lambda r: r.riket,
                    align=RIGHT,
                )
            )
        cols.append(TableColumn("Källa", lambda r: r.source, export=lambda r: r.source))
        self.model.set_columns(cols, rows)
        fit_columns(self.view)
        self.tools.title = f"{name}: {sn_label(factor)} – Svenskt Näringsliv"
        self.tools.notes = [NOTE] + ([sn_analysis.SAMPLE_WARNING] if fictitious else [])
