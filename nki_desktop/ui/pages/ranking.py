"""Ranking: every kommun for a year, area and factor; sortable, searchable and filterable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.ranking import TIES_NOTE, RankFilter, RankingTable, load_ranking
from nki_desktop.analysis.sn import sn_years
from nki_desktop.domain.areas import (
    AREAS,
    SERVICE_FACTORS,
    area_label,
    factor_label,
    group_label,
    index_factor,
)
from nki_desktop.domain.municipalities import GROUP_CODES
from nki_desktop.domain.rules import publication_rules, year_caption
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import SortProxy, fit_columns
from nki_desktop.ui.models.ranking_model import NAME, RANK, RankingModel
from nki_desktop.ui.models.table_copy import TableTools
from nki_desktop.ui.pages.base import DataPage
from nki_desktop.ui.pages.map_tab import MapTab
from nki_desktop.ui.widgets.labels import note_label
from nki_desktop.ui.widgets.sample_banner import SampleBanner
from nki_desktop.ui.widgets.sn_ranking import SnRankingPanel
from nki_desktop.ui.widgets.survey_switch import SurveySwitch


class RankingPage(DataPage):
    key = "ranking"
    title = "Rankning"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.table: RankingTable | None = None
        self.set_content(self._build_content())

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = self.heading_label()
        layout.addWidget(self.heading)
        self.sample_banner = SampleBanner()
        layout.addWidget(self.sample_banner)
        grid = QGridLayout()
        self.area_combo = QComboBox()
        for a in AREAS:
            self.area_combo.addItem(a.label, a.key)
        self.area_combo.setAccessibleName("Område")
        self.factor_combo = QComboBox()
        self.factor_combo.setAccessibleName("Index")
        self.lan_combo = QComboBox()
        self.lan_combo.addItem("Alla län", None)
        for code, name in sorted(self.context.catalogue.lan_names().items()):
            self.lan_combo.addItem(name, code)
        self.group_combo = QComboBox()
        self.group_combo.addItem("Alla kommungrupper", None)
        for name, code in GROUP_CODES.items():
            self.group_combo.addItem(f"{code} {name}", name)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.large_check = QCheckBox("Bara kommuner över 40 000 invånare")
        self.rules_check = QCheckBox("Bara värden med tillräckligt många svar")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök kommun…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Sök kommun")
        for col, (label, widget) in enumerate(
            (
                ("&Område:", self.area_combo),
                ("&Index:", self.factor_combo),
                ("&Län:", self.lan_combo),
            )
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, 2 * col)
            grid.addWidget(widget, 0, 2 * col + 1)
        caption = QLabel("&Kommungrupp:")
        caption.setBuddy(self.group_combo)
        grid.addWidget(caption, 1, 0)
        grid.addWidget(self.group_combo, 1, 1, 1, 3)
        grid.addWidget(self.search, 1, 4, 1, 2)
        checks = QHBoxLayout()
        checks.addWidget(self.large_check)
        checks.addWidget(self.rules_check)
        checks.addStretch(1)
        grid.addLayout(checks, 2, 0, 1, 6)
        grid.setColumnStretch(5, 1)
        layout.addLayout(grid)
        self.model = RankingModel(self)
        self.proxy = SortProxy(self, search_columns=[NAME])
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(RANK, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAccessibleName("Rankningstabell")
        table_box = QWidget()  # the table and its legend in the tab "Tabell"
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        self.map_tab = MapTab(self.context)
        self.view_tabs = QTabWidget()
        self.view_tabs.addTab(table_box, "Tabell")
        self.view_tabs.addTab(self.map_tab, "Karta")
        layout.addWidget(self.view_tabs, 1)
        QWidget.setTabOrder(self.rules_check, self.view)  # the filters lead to the table
        bottom = QHBoxLayout()
        self.legend = note_label()
        bottom.addWidget(self.legend, 1)
        self.tools = TableTools(self.view, "Rankning", "rankning")
        bottom.addWidget(self.tools, 0, Qt.AlignmentFlag.AlignTop)
        table_layout.addLayout(bottom)
        self.area_combo.currentIndexChanged.connect(self._on_area_changed)
        for combo in (self.factor_combo, self.lan_combo, self.group_combo):
            combo.currentIndexChanged.connect(self.refresh)
        for check in (self.large_check, self.rules_check):
            check.toggled.connect(self.refresh)
        self.search.textChanged.connect(self.proxy.set_search)
        self._fill_factors()
        # Svenskt Näringsliv's own ranking, chosen instead of NKI's (never mixed)
        self.survey = SurveySwitch(body, SnRankingPanel(self.context))
        self.survey.survey_changed.connect(lambda _key: self.refresh())
        return self.survey

    # -- choices -------------------------------------------------------------------------
    def _fill_factors(self) -> None:
        area = self.area_combo.currentData()
        index = index_factor(area)
        current = self.factor_combo.currentData()
        self.factor_combo.blockSignals(True)
        self.factor_combo.clear()
        for key in (index, *SERVICE_FACTORS):
            self.factor_combo.addItem(factor_label(key), key)
        found = self.factor_combo.findData(current)
        self.factor_combo.setCurrentIndex(max(found, 0))
        self.factor_combo.blockSignals(False)

    def _on_area_changed(self) -> None:
        self._fill_factors()
        self.refresh()

    def rank_filter(self) -> RankFilter:
        return RankFilter(
            lan=self.lan_combo.currentData(),
            kommungrupp=self.group_combo.currentData(),
            large_only=self.large_check.isChecked(),
            publishable_only=self.rules_check.isChecked(),
        )

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        if self.survey.takes_over(bool(ctx.years), bool(sn_years(ctx.store))):
            self.show_content()  # Svenskt Näringsliv's panel refreshes itself
            return
        year = ctx.year
        if year is None:
            self.show_empty(
                f"<h2>Inga värden för {group_label(ctx.group).lower()}</h2><p>Välj en annan "
                "svarsgrupp eller importera filer med den gruppen.</p>"
            )
            return
        area = self.area_combo.currentData()
        factor = self.factor_combo.currentData()
        self.table = load_ranking(
            ctx.store, year, area, factor, ctx.group, self.rank_filter(), ctx.kommun
        )
        self.model.set_table(self.table)
        self.map_tab.show_for(
            year, area, factor, self.lan_combo.currentData(), {r.unit for r in self.table.rows}
        )
        self.sample_banner.show_for(self.table.sample_parts())
        self.show_content()
        self._show_texts(self.table)
        fit_columns(self.view)
        self.scroll_to_mine()

    def _show_texts(self, table: RankingTable) -> None:
        what = area_label(table.area) + (
            f", {factor_label(table.factor)}" if table.factor not in ("nki", "nui") else ""
        )
        self.heading.setText(
            f"Rankning {year_caption(table.year)} – {what} ({group_label(table.group).lower()})"
        )
        mine = table.row_of(self.context.kommun)
        where = ""
        if mine is not None and mine.rank is not None:
            where = f" {mine.name}: plats {mine.rank} av {table.ranked}."
        elif mine is not None:
            where = f" {mine.name} är inte rankad i urvalet."
        urval = "hela riket" if table.filter.is_national else "det valda urvalet"
        self.legend.setText(
            f"{table.ranked} kommuner rankade i {urval}.{where} Beräknad placering = "
            f"räknad av programmet inom urvalet, inte SKR:s publicerade rankning. "
            f"{TIES_NOTE} Värden med färre än {publication_rules(table.year).min_answers_oj} "
            f"svar rankas aldrig; med ”tillräckligt många "
            f"svar” krävs {table.min_answers}. Förändring: ▲ antal placeringar uppåt, ▼ nedåt "
            f"jämfört med året före i samma urval. Min kommun är markerad med fet stil."
        )
        self.tools.title = self.heading.text()
        self.tools.notes = self.sample_banner.notes() + [self.legend.text()]

    def scroll_to_mine(self) -> None:
        row = self.model.row_index(lambda r: r.mine)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if index.isValid():
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
