"""Rankning for Svenskt Näringsliv: its published ranking 1–290 of a year, with each
kommun's change and summary grade (1–6). Ranks as published, never recomputed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis import sn as sn_analysis
from nki_desktop.analysis.origin import publication_label
from nki_desktop.domain.numbers import fmt_change
from nki_desktop.domain.sn import RANK_OF, SCALE_TEXT, SOURCE_LINE, format_grade
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, SortProxy, TableColumn, fit_columns
from nki_desktop.ui.models.table_copy import TableTools
from nki_desktop.ui.widgets.labels import note_label
from nki_desktop.ui.widgets.sn_panel import SnPanel

COLUMNS = [
    TableColumn(
        "Plats", lambda r: str(r.rank), sort=lambda r: r.rank, export=lambda r: r.rank, align=RIGHT
    ),  # noqa: E501
    TableColumn("Kommun", lambda r: r.name, sort=lambda r: r.name, export=lambda r: r.name),
    TableColumn("Län", lambda r: r.lan, sort=lambda r: r.lan, export=lambda r: r.lan),
    TableColumn(
        "Förändring",
        lambda r: "–" if r.change is None else fmt_change(r.change),
        sort=lambda r: r.change,
        export=lambda r: r.change,
        align=RIGHT,
        header_tip="Placeringar uppåt (+) eller nedåt (−) sedan året före.",
    ),
    TableColumn(
        f"Sammanfattande omdöme ({SCALE_TEXT})",
        lambda r: format_grade(r.grade),
        sort=lambda r: r.grade,
        export=lambda r: r.grade,
        align=RIGHT,
    ),
    TableColumn(
        "Källa",
        lambda r: publication_label(r.publication),
        export=lambda r: publication_label(r.publication),
    ),  # noqa: E501
]


class SnRankingPanel(SnPanel):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:12pt; font-weight:600;")
        layout.addWidget(self.heading)
        self.banner = QLabel("⚠ " + sn_analysis.SAMPLE_WARNING)
        self.banner.setStyleSheet("background:#FFF4CE; border:1px solid #E0C060; padding:4px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName("År (Svenskt Näringsliv)")
        self.lan_combo = QComboBox()
        self.lan_combo.addItem("Alla län", None)
        for code, name in sorted(context.catalogue.lan_names().items()):
            self.lan_combo.addItem(name, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök kommun…")
        self.search.setClearButtonEnabled(True)
        for label, widget in (("Å&r:", self.year_combo), ("Lä&n:", self.lan_combo)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        self.model = RowTableModel(COLUMNS)
        self.model.is_highlighted = lambda r: r.unit == self.context.kommun
        self.proxy = SortProxy(self, search_columns=[1])
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAccessibleName("Rankning Svenskt Näringsliv")
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.legend = note_label()
        bottom.addWidget(self.legend, 1)
        self.tools = TableTools(self.view, "Rankning Svenskt Näringsliv", "sn-rankning")
        bottom.addWidget(self.tools, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        self.year_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.lan_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.search.textChanged.connect(self.proxy.set_search)

    def _on_choice_changed(self) -> None:
        if not self._filling:
            self.refresh()

    _filling = False

    def _fill_years(self) -> None:
        years = sn_analysis.sn_years(self.context.store)
        current = self.year_combo.currentData()
        self._filling = True
        self.year_combo.clear()
        for year in reversed(years):
            self.year_combo.addItem(str(year), year)
        found = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(found if found >= 0 else 0)
        self._filling = False

    def refresh(self) -> None:
        self._dirty = False
        self._fill_years()
        year = self.year_combo.currentData()
        if year is None:
            self.heading.setText("Inga värden från Svenskt Näringsliv")
            self.legend.setText(
                "Importera rankningen från foretagsklimat.se (”Ladda ner”) på skärmen Import."
            )
            self.model.set_rows([])
            self.banner.hide()
            return
        ranking = sn_analysis.load_ranking(self.context.store, year, self.lan_combo.currentData())
        self.model.set_rows(ranking.rows)
        fit_columns(self.view)
        self.banner.setVisible(ranking.is_sample)
        self.heading.setText(f"Svenskt Näringslivs ranking {year} – Lokalt företagsklimat")
        mine = next((r for r in ranking.rows if r.unit == self.context.kommun), None)
        where = f" {mine.name}: plats {mine.rank} av {RANK_OF}." if mine else ""
        self.legend.setText(
            f"Placering 1–{RANK_OF} som publicerad av Svenskt Näringsliv (inte beräknad av "
            f"programmet), {len(ranking.rows)} kommuner visas.{where} Betyg på skalan "
            f"{SCALE_TEXT}. En annan undersökning än NKI: rankningen jämförs aldrig med "
            f"NKI-rankningen. {SOURCE_LINE}"
        )
        self.tools.title = self.heading.text()
        self.tools.notes = [self.legend.text()] + (
            [sn_analysis.SAMPLE_WARNING] if ranking.is_sample else []
        )
        row = self.model.row_index(lambda r: r.unit == self.context.kommun)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 1))
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
