"""Liknande kommuner: choose what "like" means (criteria and weights), see the closest
kommuner with their distance and the figures side by side, read the method, and save them
as a comparison group in one click. Opened from Jämför."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.similar import DEFAULT_COUNT, SimilarResult, closest
from nki_desktop.analysis.similar_criteria import (
    DEFAULT_KEYS,
    KOMMUNGRUPP,
    LAN,
    POPULATION,
    CriteriaError,
    Criterion,
    parse_criterion,
)
from nki_desktop.analysis.similar_text import method_text, why_text
from nki_desktop.domain.areas import TOTAL, index_factor
from nki_desktop.services import similar as svc
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import fit_columns
from nki_desktop.ui.models.similar_model import SimilarModel
from nki_desktop.ui.similar_groups import current_recipe, group_name, recipe, save_similar
from nki_desktop.ui.widgets.labels import note_label
from nki_desktop.ui.widgets.similar_choice import CriterionChoice, choice_label

SaveGroup = Callable[[str, list[str], dict[str, Any]], None]
HALF = 0.5


class SimilarDialog(QDialog):
    def __init__(self, context: AppContext, on_save: SaveGroup, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.on_save = on_save
        self.found: SimilarResult | None = None
        self.names = svc.kommun_names(context.store)
        self._cache: dict[str, dict[str, Any]] = {}  # criterion key -> unit -> value
        self.choices: list[CriterionChoice] = []
        self.setWindowTitle(f"Liknande kommuner – {context.kommun_name}")
        self.resize(1320, 700)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.compute)
        self._build()
        self._apply(current_recipe(context))
        self.compute()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Välj vad som ska vara lika, och hur mycket varje sak väger. Programmet visar de "
            f"kommuner som ligger närmast {self.context.kommun_name}, med siffrorna bredvid "
            "varandra, och du kan spara dem som jämförelsegrupp."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        body.addWidget(self._build_choices(), 0)
        body.addWidget(self._build_results(), 1)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        self.status = note_label(wrap=False)
        buttons.addWidget(self.status, 1)
        self.save_button = QPushButton("Spara som jämförelsegrupp")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton("Stäng")
        close.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _build_choices(self) -> QWidget:
        box = QGroupBox("Vad ska vara lika?")
        box.setFixedWidth(360)
        outer = QVBoxLayout(box)
        years = self.context.years
        year_row = QHBoxLayout()
        self.first_year, self.last_year = QComboBox(), QComboBox()
        for combo in (self.first_year, self.last_year):
            for y in years:
                combo.addItem(str(y), y)
        latest = self.context.year
        for combo in (self.first_year, self.last_year):
            combo.setCurrentIndex(max(0, combo.findData(latest)))
            combo.currentIndexChanged.connect(self._on_years_changed)
        caption = QLabel("Resultat för &år:")
        caption.setBuddy(self.first_year)
        year_row.addWidget(caption)
        year_row.addWidget(self.first_year)
        year_row.addWidget(QLabel("–"))
        year_row.addWidget(self.last_year)
        year_row.addStretch(1)
        outer.addLayout(year_row)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>Kriterium</b>"), 1)
        header.addWidget(QLabel("<b>Vikt</b>"))
        outer.addLayout(header)
        self.choice_scroll = QScrollArea()
        self.choice_scroll.setWidgetResizable(True)
        self.choice_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.choice_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.choice_scroll, 1)
        self._fill_choices()
        equal = QPushButton("Lika vikter")
        equal.setToolTip("Sätt vikten 1 på alla kriterier.")
        equal.clicked.connect(self.equal_weights)
        outer.addWidget(equal, 0, Qt.AlignmentFlag.AlignLeft)
        count_row = QHBoxLayout()
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.count.setValue(DEFAULT_COUNT)
        self.count.valueChanged.connect(self._schedule)
        count_caption = QLabel("&Antal kommuner:")
        count_caption.setBuddy(self.count)
        count_row.addWidget(count_caption)
        count_row.addWidget(self.count)
        count_row.addStretch(1)
        outer.addLayout(count_row)
        self.allow_missing = QCheckBox("Ta med kommuner som saknar något värde")
        self.allow_missing.setToolTip(
            "Kommuner med värden för minst hälften av vikten tas med; det som saknas hoppas "
            "över och vikterna räknas om. Av: bara kommuner med alla värden."
        )
        self.allow_missing.toggled.connect(self._schedule)
        outer.addWidget(self.allow_missing)
        return box

    def _fill_choices(self) -> None:
        """Population, kommungrupp, län and every result stored in the chosen years."""
        checked = {c.base: (c.box.isChecked(), c.weight.value()) for c in self.choices}
        host = QWidget()  # a new list each time: the scroll area deletes the old one
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(0, 0, 4, 0)
        self.grid.setColumnStretch(0, 1)
        self.choices = []
        sections: list[tuple[str, list[tuple[str, str]]]] = [
            (
                "Kommunen",
                [(POPULATION, "Befolkning"), (KOMMUNGRUPP, "Kommungrupp (SKR 2023)"), (LAN, "Län")],
            ),
            ("Index (NKI, NUI)", []),
            ("Serviceområden, NKI totalt", []),
            ("Serviceområden per myndighetsområde", []),
        ]
        first, last = self._years()
        if first is not None and last is not None:
            for c in svc.result_choices(self.context.store, self.context.group, first, last):
                section = 1 if c.factor == index_factor(c.area) else 2 if c.area == TOTAL else 3
                sections[section][1].append((f"{c.area}:{c.factor}", choice_label(c)))
        row = 0
        for title, items in sections:
            if not items:
                continue
            heading = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for base, label in items:
                choice = CriterionChoice(base, label, self.grid, row)
                on, weight = checked.get(base, (False, 1.0))
                choice.box.setChecked(on)
                choice.weight.setValue(weight)
                choice.box.toggled.connect(self._schedule)
                choice.weight.valueChanged.connect(self._schedule)
                self.choices.append(choice)
                row += 1
        self.grid.setRowStretch(row, 1)
        self.choice_scroll.setWidget(host)

    def _build_results(self) -> QWidget:
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight:600;")
        layout.addWidget(self.summary)
        self.model = SimilarModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setAccessibleName("Liknande kommuner")
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._show_why)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.why)
        method_box = QGroupBox("Så räknas avståndet")
        method_layout = QVBoxLayout(method_box)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.method.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.method.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.method)
        scroll.setMinimumHeight(150)
        scroll.setMaximumHeight(190)
        method_layout.addWidget(scroll)
        layout.addWidget(method_box)
        return host

    # -- choices -------------------------------------------------------------------------
    def _years(self) -> tuple[int | None, int | None]:
        a, b = self.first_year.currentData(), self.last_year.currentData()
        if a is None or b is None:
            return None, None
        return min(a, b), max(a, b)

    def _apply(self, saved: dict[str, Any] | None) -> None:
        """Tick the criteria of a saved similar group (or the defaults) with their weights."""
        keys = list(saved["criteria"]) if saved else list(DEFAULT_KEYS)
        weights = list(saved["weights"]) if saved else [1.0] * len(keys)
        wanted: dict[str, float] = {}
        for key, weight in zip(keys, weights, strict=False):
            try:
                c = parse_criterion(key, self.context.year)
            except CriteriaError:
                continue
            base = f"{c.area}:{c.factor}" if c.is_result else c.key
            wanted[base] = float(weight)
            if c.is_result and c.years:
                for combo, y in ((self.first_year, c.years[0]), (self.last_year, c.years[-1])):
                    found = combo.findData(y)
                    if found >= 0:
                        combo.blockSignals(True)
                        combo.setCurrentIndex(found)
                        combo.blockSignals(False)
        self._fill_choices()
        for choice in self.choices:
            choice.box.setChecked(choice.base in wanted)
            choice.weight.setValue(wanted.get(choice.base, 1.0) or 1.0)
        if saved:
            self.count.setValue(int(saved.get("n", DEFAULT_COUNT)))
            self.allow_missing.setChecked(float(saved.get("min_coverage", 1.0)) < 1.0)

    def chosen(self) -> tuple[list[Criterion], list[float]]:
        first, last = self._years()
        years = tuple(range(first, last + 1)) if first is not None and last is not None else ()
        picked = [c for c in self.choices if c.box.isChecked()]
        return [c.criterion(years) for c in picked], [c.weight.value() for c in picked]

    def equal_weights(self) -> None:
        for choice in self.choices:
            choice.weight.setValue(1.0)

    def _on_years_changed(self) -> None:
        self._fill_choices()
        self._schedule()

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    # -- the search ----------------------------------------------------------------------
    def _profiles(self, criteria: list[Criterion]) -> dict[str, dict[str, Any]]:
        missing = [c for c in criteria if c.key not in self._cache]
        if missing:
            loaded = svc.load_profiles(self.context.store, missing, self.context.group)
            for c in missing:
                self._cache[c.key] = {unit: p.get(c.key) for unit, p in loaded.items()}
        units = self.names.keys()
        return {u: {c.key: self._cache[c.key].get(u) for c in criteria} for u in units}

    def compute(self) -> None:
        self._timer.stop()
        criteria, weights = self.chosen()
        self.found = None
        if not criteria:
            self.model.set_rows([])
            self.summary.setText("Välj minst ett kriterium till vänster.")
            self.method.setText("")
            self.why.setText("")
            self.save_button.setEnabled(False)
            return
        min_coverage = HALF if self.allow_missing.isChecked() else 1.0
        profiles = self._profiles(criteria)
        result = closest(
            self.context.kommun, profiles, criteria, weights, self.count.value(), min_coverage
        )
        self.found = result
        self.model.set_result(result, self.names)
        fit_columns(self.view, force=True)
        mine = self.context.kommun_name
        if result.matches:
            self.summary.setText(
                f"De {len(result.matches)} kommuner som är mest lika {mine} (▶), närmast "
                f"först (avstånd 0 = lika i allt som jämförs):"
            )
        else:
            self.summary.setText(
                f"Inga kommuner kunde jämföras med {mine} på de valda kriterierna: välj "
                "andra kriterier eller ta med kommuner som saknar något värde."
            )
        self.method.setText(method_text(result, self.names))
        self.why.setText("Markera en kommun för att se varför den hamnade där.")
        self.save_button.setEnabled(bool(result.matches))
        self.status.setText("")

    def _show_why(self, *_args: object) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self.found is None:
            return
        row = rows[0].row()
        if row == 0:
            self.why.setText(f"{self.context.kommun_name}: min kommun, siffrorna att jämföra med.")
            return
        match = self.found.matches[row - 1]
        self.why.setText(why_text(self.found, match, self.names))

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Save the closest kommuner as a comparison group (one click) and close."""
        result = self.found
        if result is None or not result.matches:
            return
        name = group_name(result, self.context.kommun_name)
        entry = recipe(result, self.names, self.context.group)
        self.on_save(name, result.units, entry)
        self.saved_name = name
        self.accept()


def similar_dialog(page: Any) -> SimilarDialog:
    """The dialog for the Jämför screen ``page``: saving stores how the group was chosen
    (for the report's method note), then saves and selects it as a comparison group."""
    context = page.context

    def on_save(name: str, units: list[str], entry: dict[str, Any]) -> None:
        save_similar(context, name, entry)
        page.save_named_set(name, units)

    return SimilarDialog(context, on_save, page)
