"""Jämför: min kommun against chosen kommuner or a saved comparison group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.compare import (
    AREA_ROWS,
    FACTOR_ROWS,
    CompareRow,
    Comparison,
    load_comparison,
)
from nki_desktop.analysis.peers import NEIGHBOURS, comparison_sets
from nki_desktop.charts.bars import Bar, IndexBarChart
from nki_desktop.charts.export import ChartFrame
from nki_desktop.charts.grouped import MAX_SINGLE_SERIES, GroupedBarChart, series_from_comparison
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.rules import year_caption
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.compare_picker import ComparePicker
from nki_desktop.ui.models.columns import SortProxy, fit_columns
from nki_desktop.ui.models.compare_model import CompareModel
from nki_desktop.ui.models.table_copy import TableTools
from nki_desktop.ui.pages.base import DataPage
from nki_desktop.ui.pages.map_tab import MapTab
from nki_desktop.ui.widgets.labels import note_label
from nki_desktop.ui.widgets.sample_banner import SampleBanner

OWN_PICK = "Egna val"


def peer_bars(comparison: Comparison, row: CompareRow) -> list[Bar]:
    """Bars for one area or factor: every unit with its value, highest first, min kommun
    highlighted; units without a value last, said so."""
    mine = comparison.mine
    mean = row.others_mean(mine)
    units = sorted(
        comparison.units,
        key=lambda u: (row.value(u) is None, -(row.value(u) or 0), comparison.names[u].casefold()),
    )
    bars = []
    for unit in units:
        cell = row.cells.get(unit)
        name = comparison.names[unit]
        tip = f"{name}, {row.label}: {fmt_index(row.value(unit))}"
        if cell is not None and cell.n is not None:
            tip += f"\nAntal svar: {cell.n}"
        if cell is not None and cell.source:
            tip += f"\nKälla: {cell.source}"
        bars.append(
            Bar(name, row.value(unit), row.riket, tip, comparison=mean, highlight=unit == mine)
        )
    return bars


class ComparePage(DataPage):
    key = "compare"
    title = "Jämför"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.comparison: Comparison | None = None
        self.set_content(self._build_content())

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = self.heading_label()
        layout.addWidget(self.heading)
        self.sample_banner = SampleBanner()
        layout.addWidget(self.sample_banner)
        row = QHBoxLayout()
        self.set_combo = QComboBox()
        self.set_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption = QLabel("&Jämförelsegrupp:")
        caption.setBuddy(self.set_combo)
        self.pick_button = QPushButton("Välj kommuner…")
        self.similar_button = QPushButton("Liknande kommuner…")
        self.similar_button.setToolTip(
            "Hitta de kommuner som är mest lika min kommun (befolkning, kommungrupp, län, "
            "resultat) och spara dem som jämförelsegrupp."
        )
        self.save_button = QPushButton("Spara grupp…")
        self.delete_button = QPushButton("Ta bort grupp")
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("Myndighetsområden (NKI)", AREA_ROWS)
        self.kind_combo.addItem("Serviceområden (NKI totalt)", FACTOR_ROWS)
        kind_caption = QLabel("&Visa:")
        kind_caption.setBuddy(self.kind_combo)
        for w in (caption, self.set_combo, self.pick_button, self.similar_button):
            row.addWidget(w)
        for w in (self.save_button, self.delete_button):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        kind_row = QHBoxLayout()  # its own row: the group's row fits 1366 px at 125 %
        kind_row.addWidget(kind_caption)
        kind_row.addWidget(self.kind_combo)
        kind_row.addStretch(1)
        layout.addLayout(kind_row)
        self.members_label = note_label()
        layout.addWidget(self.members_label)
        self.chart = GroupedBarChart()
        self.frame = ChartFrame("Jämförelse", self.chart, file_stem="jamforelse")
        self.peer_chart = IndexBarChart(reference_label="Riket")
        self.peer_frame = ChartFrame(
            "Kommun för kommun", self.peer_chart, file_stem="jamforelse_kommuner"
        )
        self.peer_combo = QComboBox()
        self.peer_combo.setToolTip(
            "Vilket område eller serviceområde staplarna visar. Klicka "
            "på en kolumn i tabellen för att välja den."
        )
        peer_box = QWidget()
        peer_layout = QVBoxLayout(peer_box)
        peer_layout.setContentsMargins(0, 4, 0, 0)
        peer_row = QHBoxLayout()
        peer_caption = QLabel("&Område:")
        peer_caption.setBuddy(self.peer_combo)
        peer_row.addWidget(peer_caption)
        peer_row.addWidget(self.peer_combo)
        self.peer_note = note_label(wrap=False)
        peer_row.addWidget(self.peer_note, 1)
        peer_layout.addLayout(peer_row)
        scroll = QScrollArea()  # thirty kommuner are thirty bars: they scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.peer_frame)
        peer_layout.addWidget(scroll, 1)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(self.frame, "Min kommun mot gruppen")
        self.chart_tabs.addTab(peer_box, "Kommun för kommun")
        self.map_tab = MapTab(self.context, own_choices=True, compared_units=self.current_units)
        self.chart_tabs.addTab(self.map_tab, "Karta")
        self.model = CompareModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(False)  # rows keep the order of areas and factors
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setAccessibleName("Jämförelsetabell")
        self.tools = TableTools(self.view, "Jämförelse", "jamforelse")
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.tools, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_tabs)
        splitter.addWidget(table_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 240])
        layout.addWidget(splitter, 1)
        self.set_combo.activated.connect(self._on_set_activated)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.peer_combo.currentIndexChanged.connect(self._draw_peers)
        self.view.horizontalHeader().sectionClicked.connect(self._on_table_header_clicked)
        self.pick_button.clicked.connect(self.pick_kommuner)
        self.similar_button.clicked.connect(self.open_similar)
        self.save_button.clicked.connect(self.save_set)
        self.delete_button.clicked.connect(self.delete_set)
        return body

    # -- comparison sets -----------------------------------------------------------------
    def sets(self) -> dict[str, list[str]]:
        ctx = self.context
        return comparison_sets(ctx.catalogue, ctx.kommun, ctx.settings.get("compare_sets"))

    def _fill_sets(self) -> None:
        ctx = self.context
        self.set_combo.blockSignals(True)
        self.set_combo.clear()
        for name, units in self.sets().items():
            self.set_combo.addItem(f"{name} – {len(units)} st", name)
        self.set_combo.addItem(OWN_PICK, "")
        found = self.set_combo.findData(ctx.compare_set)
        if not ctx.compare_units and ctx.compare_set == "":
            found = self.set_combo.findData(NEIGHBOURS)  # a reasonable first choice
        self.set_combo.setCurrentIndex(max(0, found))
        self.set_combo.blockSignals(False)
        saved = ctx.settings.get("compare_sets")
        self.delete_button.setEnabled(self.set_combo.currentData() in saved)

    def current_units(self) -> list[str]:
        name = self.set_combo.currentData()
        if name:
            return self.sets().get(name, [])
        return [u for u in self.context.compare_units if u != self.context.kommun]

    def _on_set_activated(self, _index: int) -> None:
        name = self.set_combo.currentData() or ""
        units = (
            self.sets().get(name, self.context.compare_units)
            if name
            else self.context.compare_units
        )
        self.context.set_compare_units(list(units), name)
        self.refresh()

    def pick_kommuner(self) -> None:
        ctx = self.context
        picker = ComparePicker(ctx.catalogue, self.current_units(), ctx.kommun, self)
        if picker.exec():
            ctx.set_compare_units(picker.selected(), "")

    def open_similar(self) -> None:
        from nki_desktop.ui.dialogs.similar_dialog import similar_dialog

        similar_dialog(self).exec()

    def save_set(self) -> None:
        name, ok = QInputDialog.getText(self, "Spara jämförelsegrupp", "Namn på gruppen:")
        name = name.strip()
        if ok and name:
            self.save_named_set(name, self.current_units())

    def save_named_set(self, name: str, units: list[str]) -> None:
        saved = dict(self.context.settings.get("compare_sets"))
        saved[name] = list(units)
        self.context.settings.set("compare_sets", saved)
        self.context.set_compare_units(list(units), name)
        self.refresh()

    def delete_set(self) -> None:
        saved = dict(self.context.settings.get("compare_sets"))
        name = self.set_combo.currentData()
        if name in saved:
            del saved[name]
            self.context.settings.set("compare_sets", saved)
            self.context.set_compare_units(self.context.compare_units, "")
            self.refresh()

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        year = ctx.year
        if not ctx.kommun or year is None:
            self.show_empty(
                "<h2>Inga värden</h2><p>Välj kommun och en svarsgrupp som har data.</p>"
            )
            return
        self._fill_sets()
        units = self.current_units()
        self.comparison = load_comparison(ctx.store, ctx.kommun, units, year, ctx.group)
        kind = self.kind_combo.currentData()
        rows = self.comparison.rows(kind)
        self.sample_banner.show_for(self.comparison.sample_parts(kind))
        self.show_content()
        set_name = self.set_combo.currentData() or ""
        self.heading.setText(
            f"{ctx.kommun_name} jämfört med {len(units)} kommuner – ärendeår {year_caption(year)}"
        )
        names = [self.comparison.names[u] for u in self.comparison.units[1:]]
        self.members_label.setText(
            ("Jämförs med: " + ", ".join(names) + ".")
            if names
            else "Inga jämförelsekommuner valda – välj en grupp eller ”Välj kommuner…”."
        )
        first = "Område" if kind == AREA_ROWS else "Serviceområde"
        self.model.set_comparison(self.comparison, kind, first)
        fit_columns(self.view)
        self.chart.set_groups(
            [r.label for r in rows],
            series_from_comparison(self.comparison, kind, set_name),
            [r.riket for r in rows],
        )
        others = "jämförelsegruppen" if len(units) > MAX_SINGLE_SERIES else "valda kommuner"
        self.frame.set_title(
            f"{self.kind_combo.currentText()}: {ctx.kommun_name} och "
            f"{others} · svart streck = Riket"
        )
        self.tools.title = self.heading.text()
        self.tools.notes = self.sample_banner.notes()
        self._fill_peer_combo(rows)
        self.map_tab.show_for(year)

    # -- kommun for kommun -----------------------------------------------------------------
    def _fill_peer_combo(self, rows) -> None:
        wanted = self.peer_combo.currentText()
        self.peer_combo.blockSignals(True)
        self.peer_combo.clear()
        for i, row in enumerate(rows):
            self.peer_combo.addItem(row.label, i)
        found = self.peer_combo.findText(wanted)
        self.peer_combo.setCurrentIndex(max(0, found))
        self.peer_combo.blockSignals(False)
        self._draw_peers()

    def _on_table_header_clicked(self, section: int) -> None:
        if section >= 1 and section - 1 < self.peer_combo.count():
            self.peer_combo.setCurrentIndex(section - 1)
            self.chart_tabs.setCurrentIndex(1)

    def _draw_peers(self) -> None:
        """Each compared kommun's value for one area or factor, sorted, min kommun marked."""
        cmp = self.comparison
        if cmp is None or self.peer_combo.currentIndex() < 0:
            self.peer_chart.set_bars([])
            return
        row = cmp.rows(self.kind_combo.currentData())[self.peer_combo.currentData()]
        self.peer_bars = peer_bars(cmp, row)
        self.peer_chart.set_bars(self.peer_bars)
        count = row.others_count(cmp.mine)
        mean = row.others_mean(cmp.mine)
        self.peer_note.setText(
            f"Sorterat efter värde. ▶ = {cmp.names[cmp.mine]}. Svart streck = Riket"
            + (
                f"; ◇ = medel av {count} {'värde' if count == 1 else 'värden'} "
                f"({fmt_index(None if mean is None else round(mean, 1))})"
                if count
                else ""
            )
            + "."
        )
        self.peer_frame.set_title(
            f"{row.label}: {cmp.names[cmp.mine]} och de jämförda "
            f"kommunerna, ärendeår {year_caption(cmp.year)}"
        )
