"""Trend: min kommun over every stored year with Riket and a comparison average."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.origin import join_source
from nki_desktop.analysis.peers import NEIGHBOURS, comparison_sets
from nki_desktop.analysis.preliminary import (
    Preliminary,
    load_preliminary,
    separate_from_trend,
    trend_note,
)
from nki_desktop.analysis.sn import sn_years
from nki_desktop.analysis.timeline import Tracking, load_tracking
from nki_desktop.analysis.trend import (
    COMPARE_GROUP,
    COMPARE_LAN,
    COMPARE_LARGE,
    COMPARE_NONE,
    COMPARE_UNITS,
    TrendData,
    TrendRow,
    trend_data,
    trend_rows,
)
from nki_desktop.charts.action_markers import add_note_tips, draw_action_marks
from nki_desktop.charts.export import ChartFrame
from nki_desktop.charts.goal_line import TargetLine, draw_targets, target_lines
from nki_desktop.charts.trend import TrendChart, lines_from_trend, preliminary_line
from nki_desktop.domain.areas import (
    AREAS,
    SERVICE_FACTORS,
    area_label,
    factor_label,
    group_label,
    index_factor,
)
from nki_desktop.domain.numbers import fmt_change, fmt_number
from nki_desktop.services import goals as svc_goals
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, SortProxy, TableColumn, fit_columns
from nki_desktop.ui.models.notes_column import notes_column
from nki_desktop.ui.models.table_copy import TableTools
from nki_desktop.ui.pages.base import DataPage
from nki_desktop.ui.widgets.sample_banner import SampleBanner
from nki_desktop.ui.widgets.sn_trend import SnTrendPanel
from nki_desktop.ui.widgets.survey_switch import SurveySwitch

COMPARISONS = (
    (COMPARE_LAN, "Medel i länet"),
    (COMPARE_GROUP, "Medel i kommungruppen"),
    (COMPARE_LARGE, "Medel kommuner över 40 000 inv."),
    (COMPARE_UNITS, "Medel jämförelsegruppen (Jämför)"),
    (COMPARE_NONE, "Ingen"),
)


# the axis is zoomed by default when every value lies at least this far above 0
ZOOM_ABOVE = 40.0


def _decimals(data: TrendData) -> int:
    """One rule for the whole table: one decimal everywhere if any value has decimals."""
    values = [p.value for line in data.lines for p in line.points if p.value is not None]
    return 1 if any(not float(v).is_integer() for v in values) else 0


def wants_zoom(data: TrendData) -> bool:
    values = [p.value for line in data.lines for p in line.points if p.value is not None]
    return bool(values) and min(values) >= ZOOM_ABOVE


def _line_column(key: str, label: str, decimals: int) -> TableColumn:
    """One line's value per year (min kommun, Riket, a comparison average), with its source."""
    return TableColumn(
        label,
        lambda r: fmt_number(r.value(key), decimals),
        sort=lambda r: r.value(key),
        export=lambda r: _round(r.value(key)),
        align=RIGHT,
        tooltip=lambda r: _source(r, key),
    )


def _count_column(key: str) -> TableColumn:
    """How many values an average line's mean is taken over, per year."""
    return TableColumn(
        "Medel av antal värden",
        lambda r: fmt_number(_count(r, key)),
        sort=lambda r: _count(r, key),
        export=lambda r: _count(r, key),
        align=RIGHT,
        header_tip="Ovägt medel: antal kommuner med värde det året.",
    )


def _source_column(key: str, label: str) -> TableColumn:
    return TableColumn(
        f"Källa {label}", lambda r: _source(r, key), export=lambda r: _source(r, key)
    )


def _columns(data: TrendData) -> list[TableColumn]:
    decimals = _decimals(data)
    cols = [
        TableColumn("År", lambda r: str(r.year), sort=lambda r: r.year, export=lambda r: r.year)
    ]
    for line in data.lines:
        cols.append(_line_column(line.key, line.label, decimals))
        if line.key == "mine":
            cols.append(
                TableColumn(
                    "Antal svar", lambda r: fmt_number(_n(r)), sort=_n, export=_n, align=RIGHT
                )
            )
        if line.average:
            cols.append(_count_column(line.key))
    cols.append(
        TableColumn(
            "Skillnad mot riket",
            lambda r: fmt_change(_round(r.diff("mine", "riket")), decimals),
            sort=lambda r: r.diff("mine", "riket"),
            export=lambda r: _round(r.diff("mine", "riket")),
            align=RIGHT,
        )
    )
    cols += [_source_column(line.key, line.label) for line in data.lines if not line.average]
    return cols


def _n(r: TrendRow) -> int | None:
    p = r.values.get("mine")
    return p.n if p else None


def _count(r: TrendRow, key: str) -> int | None:
    p = r.values.get(key)
    return p.members if p and p.value is not None else None


def _source(r: TrendRow, key: str) -> str:
    p = r.values.get(key)
    if p is None or p.value is None:
        return ""
    return join_source(p.origin, p.source)


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


class TrendPage(DataPage):
    key = "trend"
    title = "Trend"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.data: TrendData | None = None
        self.preliminary: Preliminary | None = None  # the running year's open marker
        self.tracking = Tracking()  # the kommun's actions (markers) and notes (hover)
        self.targets: list[TargetLine] = []  # the kommun's target goals of the series
        self.set_content(self._build_content())

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = self.heading_label()
        layout.addWidget(self.heading)
        self.sample_banner = SampleBanner()
        layout.addWidget(self.sample_banner)
        row = QHBoxLayout()
        self.area_combo = QComboBox()
        for a in AREAS:
            self.area_combo.addItem(a.label, a.key)
        self.factor_combo = QComboBox()
        self.compare_combo = QComboBox()
        for key, label in COMPARISONS:
            self.compare_combo.addItem(label, key)
        self.zoom_check = QCheckBox("Förstora axeln")
        self.zoom_check.setToolTip(
            "Förstorad axel gör skillnader mellan åren lättare att se; "
            "axeln säger då var den börjar. Förvalt när alla värden "
            f"ligger över {ZOOM_ABOVE:.0f}."
        )
        self.area_combo.setToolTip("Myndighetsområde, eller NKI totalt för alla områden.")
        self.factor_combo.setToolTip(
            "NKI (NUI för upphandling) eller ett av de sex serviceområdena."
        )
        self.compare_combo.setToolTip(
            "Ett ovägt medelvärde av kommunernas värden att jämföra med, utöver riket."
        )
        for label, widget in (
            ("&Område:", self.area_combo),
            ("&Index:", self.factor_combo),
            ("&Jämför med:", self.compare_combo),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            row.addSpacing(8)
        row.addWidget(self.zoom_check)
        row.addStretch(1)
        layout.addLayout(row)
        self.chart = TrendChart()
        self.frame = ChartFrame("Utveckling", self.chart, file_stem="trend")
        self.breaks_label = QLabel()
        self.breaks_label.setWordWrap(True)
        self.breaks_label.setStyleSheet("color:#333; background:#F3F3F3; padding:4px;")
        self.model = RowTableModel([])
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setAccessibleName("Trendtabell")
        self.tools = TableTools(self.view, "Trend", "trend")
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.breaks_label)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.tools, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.frame)
        splitter.addWidget(table_box)
        splitter.setSizes([390, 250])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._restore_choices()
        self.area_combo.currentIndexChanged.connect(self._on_area_changed)
        self.factor_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.compare_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.zoom_check.toggled.connect(self._on_zoom_toggled)
        # Svenskt Näringsliv: its own panel and axis, chosen instead of NKI (never mixed)
        self.survey = SurveySwitch(body, SnTrendPanel(self.context))
        self.survey.survey_changed.connect(lambda _key: self.refresh())
        return self.survey

    # -- choices -------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        settings = self.context.settings
        area, _, factor = str(settings.get("trend_series")).partition("/")
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(area)))
        self._fill_factors(factor)
        found = self.compare_combo.findData(settings.get("trend_compare"))
        self.compare_combo.setCurrentIndex(max(0, found))

    def _fill_factors(self, wanted: str | None = None) -> None:
        area = self.area_combo.currentData()
        index = index_factor(area)
        current = wanted or self.factor_combo.currentData()
        self.factor_combo.blockSignals(True)
        self.factor_combo.clear()
        for key in (index, *SERVICE_FACTORS):
            self.factor_combo.addItem(factor_label(key), key)
        self.factor_combo.setCurrentIndex(max(0, self.factor_combo.findData(current)))
        self.factor_combo.blockSignals(False)

    def _on_area_changed(self) -> None:
        self._fill_factors()
        self._on_choice_changed()

    def _on_choice_changed(self) -> None:
        settings = self.context.settings
        settings.set(
            "trend_series", f"{self.area_combo.currentData()}/{self.factor_combo.currentData()}"
        )
        settings.set("trend_compare", self.compare_combo.currentData())
        self.refresh()

    def _on_zoom_toggled(self) -> None:
        self.context.settings.set("trend_zoom", "on" if self.zoom_check.isChecked() else "off")
        if self.data is not None:
            self._draw(self.zoom_check.isChecked())

    def _draw(self, zoom: bool) -> None:
        """The lines, and the preliminary figure as an open marker of its own."""
        if self.data is None:
            return
        lines, breaks = lines_from_trend(self.data)
        if self.preliminary is not None:
            lines.append(preliminary_line(self.preliminary))
        add_note_tips(lines, self.tracking)
        self.chart.set_lines(lines, breaks, zoom)
        draw_action_marks(self.chart, self.tracking)
        draw_targets(self.chart, self.targets)

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        if self.survey.takes_over(bool(ctx.years), bool(sn_years(ctx.store))):
            self.show_content()  # Svenskt Näringsliv's panel refreshes itself
            return
        if not ctx.kommun or not ctx.years:
            self._show_empty("<h2>Inga värden</h2><p>Välj kommun och svarsgrupp med data.</p>")
            return
        area, factor = self.area_combo.currentData(), self.factor_combo.currentData()
        # no comparison set chosen yet: the neighbours, as on the Jämför screen
        units = ctx.compare_units or comparison_sets(ctx.catalogue, ctx.kommun).get(NEIGHBOURS, [])
        self.data = trend_data(
            ctx.store, ctx.kommun, area, factor, ctx.group, self.compare_combo.currentData(), units
        )
        self.preliminary = (
            load_preliminary(ctx.store, ctx.kommun, ctx.group, area)
            if factor == index_factor(area)
            else None
        )
        self.data = separate_from_trend(self.data, self.preliminary)
        self.tracking = load_tracking(ctx.store, ctx.kommun, area, factor)
        self.targets = target_lines(
            svc_goals.series_goals(ctx.store, ctx.kommun, area, factor, ctx.group)
        )
        if self.data.empty:
            self._show_empty(
                f"<h2>Ingen trend för {area_label(area).lower()}</h2><p>Det "
                f"finns inga lagrade värden för {ctx.kommun_name}, Riket eller "
                "jämförelsen. Välj ett annat område eller importera fler år.</p>"
            )
            return
        self.show_content()
        choice = ctx.settings.get("trend_zoom")
        zoom = wants_zoom(self.data) if choice == "auto" else choice == "on"
        self.zoom_check.blockSignals(True)  # a default, not the user's choice
        self.zoom_check.setChecked(zoom)
        self.zoom_check.blockSignals(False)
        self._draw(zoom)
        what = area_label(area) + (
            "" if factor in ("nki", "nui") else f" – {factor_label(factor).lower()}"
        )
        years = self.data.years
        self.heading.setText(
            f"Trend {years[0]}–{years[-1]}: {what} ({group_label(ctx.group).lower()})"
        )
        self.frame.set_title(f"{ctx.kommun_name}: {what}")
        self.sample_banner.show_for(self.data.sample_parts())
        notes = [
            f"⚠ Definitionen ändras {b.year} (streckad markering; linjerna bryts där): {b.text}"
            for b in self.data.breaks
        ]
        notes += ["⚠ " + n for n in self.data.source_notes()]
        notes += [f"Streckad grön linje: {t.label} (kommunens eget mål)." for t in self.targets]
        if self.preliminary is not None:
            notes.append(trend_note(self.preliminary))
        if any(line.has_intervals for line in self.data.lines):
            notes.append("Felstaplar visar lagrade intervall (beräknade, inte publicerade av SKR).")
        notes += self.tracking.lines()
        self.breaks_label.setText("\n".join(notes))
        self.breaks_label.setVisible(bool(notes))
        self.model.set_columns(
            _columns(self.data) + notes_column(self.tracking), trend_rows(self.data)
        )
        fit_columns(self.view)
        self.tools.title = self.heading.text()
        self.tools.notes = self.sample_banner.notes() + notes

    def _show_empty(self, text: str) -> None:
        self.data = None
        self.show_empty(text)
