"""Svarsdata: indices computed from respondent rows, with n and intervals; the
prioriteringsmatris; breakdowns by background questions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis import respondent as ar
from nki_desktop.charts.intervals import IntervalBar, IntervalBarChart
from nki_desktop.charts.matrix import MatrixChart
from nki_desktop.domain.areas import SERVICE_FACTORS, TOTAL, area_label, factor_label, group_label
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.respondent_stats import MeanStat
from nki_desktop.domain.rules import year_caption
from nki_desktop.services.data import respondent_count
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, SortProxy, TableColumn
from nki_desktop.ui.tasks import TaskRunner
from nki_desktop.ui.widgets.empty_state import EmptyState
from nki_desktop.ui.widgets.labels import note_label
from nki_desktop.ui.widgets.new_action_button import NewActionButton

MEASURES = [("nki", "NKI")] + [(f, factor_label(f)) for f in SERVICE_FACTORS]
EXPLANATION = (
    "Matrisen visar varje serviceområdes index (vågrätt) mot hur starkt det hänger ihop med "
    "helhetsbedömningen NKI (lodrätt: standardiserad koefficient i en regression av "
    "svarandenas NKI på de sex faktorindexen). Streckade linjer går vid medelvärdena. "
    "<b>Förbättra i första hand</b>: stor effekt, lågt index. <b>Bevara</b>: stor effekt, "
    "högt index. <b>Vårda</b>: liten effekt, högt index. <b>Lägre prioritet</b>: liten "
    "effekt, lågt index. Programmets egen beräkning från svarsdata, inte SKR:s."
)


@dataclass(frozen=True)
class TableRow:
    row: ar.IndexRow
    change: ar.Change | None


@dataclass
class Loaded:
    frame: ar.RespondentFrame
    rows: list[TableRow]
    years: list[int]
    areas: list[str]


def question_label(name: str) -> str:
    """A background question as a heading: "bransch" → "Bransch" (the file's own words)."""
    return name[:1].upper() + name[1:]


def _interval(stat: MeanStat) -> str:
    if stat.ci_low is None or stat.ci_high is None:
        return "–"
    return f"{fmt_number(stat.ci_low, 1)}–{fmt_number(stat.ci_high, 1)}"


def load(store, kommun: str, group: str, nki_rule: str = "all") -> Loaded:
    """Everything the screen shows (runs as a background task; no widgets)."""
    frame = ar.load_frame(store, kommun, None, nki_rule)
    table = ar.index_table(frame)
    by_key = {(r.year, r.area, r.group, r.factor): r for r in table}
    rows = []
    for r in table:
        if r.group not in (group, "alla"):
            continue
        previous = by_key.get((r.year - 1, r.area, r.group, r.factor))
        change = (
            ar.change_between(r.stat, previous.stat)
            if previous and previous.status.shown and r.status.shown
            else None
        )
        rows.append(TableRow(r, change))
    years = sorted({int(y) for y in frame.year.tolist()})
    areas = sorted(set(frame.area), key=area_label)
    return Loaded(frame, rows, years, areas)


class RespondentPage(QWidget):
    key = "respondent"
    title = "Svarsdata"
    request_page = Signal(str)
    request_import = Signal()  # the user asked to import files (from the empty state)

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tasks = tasks
        self.loaded: Loaded | None = None
        self.matrix: ar.DriverMatrix | None = None
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_content())
        context.changed.connect(self.refresh)
        context.data_changed.connect(self.refresh)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        """What to do when there is no respondent data: say it, and offer the import."""
        empty = EmptyState(
            import_text="Importera svarsdata…",
            offer_sample=False,
            import_tip="Välj en fil med en rad per besvarad enkät (Excel, LibreOffice eller CSV).",
        )
        empty.import_requested.connect(self.request_import.emit)
        self.empty_label = empty.label
        self.import_button = empty.import_button
        return empty

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:14pt; font-weight:600;")
        layout.addWidget(self.heading)
        controls = QHBoxLayout()
        self.year_combo, self.area_combo = QComboBox(), QComboBox()
        self.measure_combo, self.background_combo = QComboBox(), QComboBox()
        for key, label in MEASURES:
            self.measure_combo.addItem(label, key)
        for caption, combo in (
            ("Ärendeår:", self.year_combo),
            ("Område:", self.area_combo),
            ("Mått:", self.measure_combo),
            ("Bakgrundsfråga:", self.background_combo),
        ):
            controls.addWidget(QLabel(caption))
            controls.addWidget(combo)
            combo.currentIndexChanged.connect(self._update_views)
        controls.addStretch(1)
        self.pdf_button = QPushButton("Spara matris som PDF…")
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        controls.addWidget(self.pdf_button)
        layout.addLayout(controls)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_matrix_tab(), "Prioriteringsmatris")
        self.tabs.addTab(self._build_table_tab(), "Index och osäkerhet")
        self.tabs.addTab(self._build_breakdown_tab(), "Bakgrund")
        layout.addWidget(self.tabs, 1)
        return body

    def _table(self, model: RowTableModel) -> QTableView:
        proxy = SortProxy(self)  # raw values, missing values last
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _build_matrix_tab(self) -> QWidget:
        splitter = QSplitter()
        self.matrix_chart = MatrixChart()
        splitter.addWidget(self.matrix_chart)
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(6, 0, 0, 0)
        self.matrix_info = QLabel()
        self.matrix_info.setWordWrap(True)
        box.addWidget(self.matrix_info)
        self.points_model = RowTableModel(
            [
                TableColumn("Faktor", lambda p: p.label, lambda p: p.label),
                TableColumn(
                    "Index", lambda p: fmt_number(p.index, 1), lambda p: p.index, align=RIGHT
                ),
                TableColumn(
                    "Effekt", lambda p: fmt_number(p.effect, 2), lambda p: p.effect, align=RIGHT
                ),
                TableColumn("Kvadrant", lambda p: p.quadrant, lambda p: p.quadrant),
            ]
        )
        self.points_view = self._table(self.points_model)
        box.addWidget(self.points_view, 1)
        self.new_action = NewActionButton(self.context, self.points_view)  # "Ny åtgärd för …"
        box.addWidget(self.new_action)
        box.addWidget(note_label(EXPLANATION))
        splitter.addWidget(side)
        splitter.setSizes([640, 440])
        return splitter

    def _build_table_tab(self) -> QWidget:
        self.index_model = RowTableModel(
            [
                TableColumn("År", lambda t: str(t.row.year), lambda t: t.row.year),
                TableColumn(
                    "Område", lambda t: area_label(t.row.area), lambda t: area_label(t.row.area)
                ),
                TableColumn(
                    "Svarsgrupp", lambda t: group_label(t.row.group), lambda t: t.row.group
                ),
                TableColumn(
                    "Index",
                    lambda t: fmt_number(t.row.stat.mean, 1),
                    lambda t: t.row.stat.mean,
                    align=RIGHT,
                ),
                TableColumn(
                    "n", lambda t: fmt_number(t.row.stat.n), lambda t: t.row.stat.n, align=RIGHT
                ),
                TableColumn(
                    "95 %-intervall",
                    lambda t: _interval(t.row.stat),
                    lambda t: t.row.stat.half_width,
                ),
                TableColumn(
                    "Förändring mot året före",
                    lambda t: t.change.text if t.change else "–",
                    lambda t: t.change.delta if t.change else None,
                ),
                TableColumn(
                    "Status",
                    lambda t: t.row.status.reason or "Visas (minst 10 svar)",
                    lambda t: (t.row.status.shown, t.row.status.oj, t.row.status.rankable),
                ),
            ]
        )
        self.index_model.muted = lambda t: None if t.row.status.shown else t.row.status.reason
        widget = QWidget()
        box = QVBoxLayout(widget)
        self.index_view = self._table(self.index_model)
        box.addWidget(self.index_view)
        note = QLabel(
            "Grå kursiv rad: under årets publiceringsregel (minst 7 svar för att "
            "visas, 10 för Öppna jämförelser, 20 för rankning av NKI totalt). "
            "Intervallen är programmets egen skattning (95 %, t-fördelning)."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#555;")
        box.addWidget(note)
        return widget

    def _build_breakdown_tab(self) -> QWidget:
        splitter = QSplitter()
        self.breakdown_model = RowTableModel(
            [
                TableColumn("Svar", lambda b: b.category, lambda b: b.category),
                TableColumn(
                    "Index",
                    lambda b: fmt_number(b.stat.mean, 1),
                    lambda b: b.stat.mean,
                    align=RIGHT,
                ),
                TableColumn("n", lambda b: fmt_number(b.stat.n), lambda b: b.stat.n, align=RIGHT),
                TableColumn(
                    "95 %-intervall", lambda b: _interval(b.stat), lambda b: b.stat.half_width
                ),
                TableColumn(
                    "Status", lambda b: b.status.reason or "Visas", lambda b: b.status.shown
                ),
            ]
        )
        self.breakdown_model.muted = lambda b: None if b.status.shown else b.status.reason
        self.breakdown_view = self._table(self.breakdown_model)
        splitter.addWidget(self.breakdown_view)
        self.breakdown_chart = IntervalBarChart()
        splitter.addWidget(self.breakdown_chart)
        splitter.setSizes([520, 560])
        return splitter

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.context
        if not ctx.kommun or not respondent_count(ctx.store, ctx.kommun):
            self._show_empty()
            return
        kommun, group = ctx.kommun, ctx.group
        rule = ctx.settings.get("respondent_nki_rule")
        self.tasks.start(
            lambda progress, cancel: load(ctx.store, kommun, group, rule),
            on_done=self._on_loaded,
            on_error=self._on_failed,
        )

    def _show_empty(self) -> None:
        name = self.context.kommun_name or "vald kommun"
        self.empty_label.setText(
            f"<h2>Ingen svarsdata för {name}</h2><p>Här visas index, antal svar och "
            "osäkerhet beräknade från enskilda svar, och prioriteringsmatrisen. Importera en "
            "fil med en rad per besvarad enkät (från Insikt-portalen eller konsulten).</p>"
        )
        self.stack.setCurrentIndex(0)
        self.loaded = None

    def _on_failed(self, message: str, _details: str) -> None:
        self.empty_label.setText(f"<h2>Svarsdata kunde inte läsas</h2><p>{message}</p>")
        self.stack.setCurrentIndex(0)

    def _on_loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.stack.setCurrentIndex(1)
        for combo in (self.year_combo, self.area_combo, self.background_combo):
            combo.blockSignals(True)
        keep_year = (
            self.context.year
            if self.context.year in loaded.years
            else self.year_combo.currentData()
        )
        self.year_combo.clear()
        for y in reversed(loaded.years):
            self.year_combo.addItem(year_caption(y), y)
        index = self.year_combo.findData(keep_year)
        self.year_combo.setCurrentIndex(max(index, 0))
        keep_area = self.area_combo.currentData() or TOTAL
        self.area_combo.clear()
        self.area_combo.addItem("NKI totalt", TOTAL)
        for a in loaded.areas:
            self.area_combo.addItem(area_label(a), a)
        self.area_combo.setCurrentIndex(max(self.area_combo.findData(keep_area), 0))
        keep_bg = self.background_combo.currentData()
        self.background_combo.clear()
        for name in ar.background_columns(loaded.frame):
            self.background_combo.addItem(question_label(name), name)
        self.background_combo.setCurrentIndex(max(self.background_combo.findData(keep_bg), 0))
        for combo in (self.year_combo, self.area_combo, self.background_combo):
            combo.blockSignals(False)
        self._update_views()

    def _update_views(self) -> None:
        loaded = self.loaded
        if loaded is None or self.year_combo.currentData() is None:
            return
        year = int(self.year_combo.currentData())
        area = self.area_combo.currentData() or TOTAL
        measure = self.measure_combo.currentData() or "nki"
        group = self.context.group
        self.heading.setText(
            f"{self.context.kommun_name} – svarsdata, {group_label(group).lower()}"
        )
        self.matrix = ar.driver_matrix_auto(
            loaded.frame, year, group, area, self.context.settings.get("respondent_matrix_min_n")
        )
        self.matrix_chart.set_matrix(self.matrix)
        self.new_action.set_matrix(self.matrix)
        self.points_model.set_rows(self.matrix.points)
        self.points_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.pdf_button.setEnabled(self.matrix.adequate)
        m = self.matrix
        info = f"<b>{m.title}</b><br>{fmt_number(m.n)} fullständiga svar" + (
            f", förklaringsgrad R² = {fmt_number(m.r2, 2)}" if m.r2 is not None else ""
        )
        self.matrix_info.setText(info + (f"<br><i>{m.note}</i>" if m.note else ""))
        factor = "nui" if measure == "nki" and area == "upphandling" else measure
        self.index_model.set_rows([t for t in loaded.rows if t.row.factor == factor])
        self.index_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        column = self.background_combo.currentData()
        rows = ar.breakdown(loaded.frame, column, year, group, area, measure) if column else []
        # the first column says which background question its categories answer
        self.breakdown_model.columns[0].header = question_label(column) if column else "Svar"
        self.breakdown_model.set_rows(rows)
        self.breakdown_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.breakdown_chart.set_bars(
            [
                IntervalBar(
                    b.category,
                    b.stat.mean,
                    b.stat.ci_low,
                    b.stat.ci_high,
                    b.stat.n,
                    b.status.shown,
                    f"{b.category}: {fmt_number(b.stat.mean, 1)}, n = {b.stat.n}, "
                    f"intervall {_interval(b.stat)}"
                    + (f"\n{b.status.reason}" if b.status.reason else ""),
                )
                for b in rows
            ]
        )

    def _on_pdf_clicked(self) -> None:
        from nki_desktop.reports.matrix_page import write_matrix_pdf

        if self.matrix is None or not self.matrix.adequate:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Spara prioriteringsmatris", "prioriteringsmatris.pdf", "PDF (*.pdf)"
        )
        if path:
            write_matrix_pdf(self.matrix, self.context.kommun_name, path)
