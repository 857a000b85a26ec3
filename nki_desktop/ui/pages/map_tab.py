"""The Karta tab of Rankning and Jämför: the map of Sweden for the screen's year and group.

On Rankning it follows the screen's area and index; on Jämför it has its own choices, and a
click on a kommun adds it to the comparison (or says it is already there).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from nki_desktop.analysis.map_data import GRADE, MODES, MapData, load_map_data
from nki_desktop.charts.map_widget import MapPanel
from nki_desktop.domain.areas import AREAS, SERVICE_FACTORS, TOTAL, factor_label, index_factor
from nki_desktop.ui.context import AppContext


class MapTab(QWidget):
    """``show_for`` sets what to draw; the map is read and drawn only while the tab shows."""

    kommun_clicked = Signal(str)

    def __init__(
        self,
        context: AppContext,
        own_choices: bool = False,
        compared_units: Callable[[], list[str]] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.compared_units = compared_units  # Jämför: a click adds to these
        self.year: int | None = None
        self.area, self.factor = TOTAL, "nki"
        self._lan_from_screen: str | None = None
        self.selection: set[str] | None = None
        self._dirty = True
        self.data: MapData | None = None
        self.panel = MapPanel(context.catalogue.lan_names())
        self.canvas = self.panel.canvas
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName("Vad kartan visar")
        for key, label in MODES.items():
            self.mode_combo.addItem(label, key)
        controls = self.panel.controls
        controls.insertWidget(controls.count() - 1, QLabel("Färg efter:"))
        controls.insertWidget(controls.count() - 1, self.mode_combo)
        self.area_combo: QComboBox | None = None
        self.factor_combo: QComboBox | None = None
        if own_choices:
            self.area_combo, self.factor_combo = QComboBox(), QComboBox()
            self.area_combo.setAccessibleName("Område")
            self.factor_combo.setAccessibleName("Index")
            for a in AREAS:
                self.area_combo.addItem(a.label, a.key)
            controls.insertWidget(0, self.factor_combo)
            controls.insertWidget(0, self.area_combo)
            self._fill_factors()
            self.area_combo.currentIndexChanged.connect(self._on_area_changed)
            self.factor_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.info)
        self.mode_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.canvas.kommun_clicked.connect(self._on_canvas_kommun_clicked)

    # -- choices -------------------------------------------------------------------------
    def _fill_factors(self) -> None:
        assert self.area_combo is not None and self.factor_combo is not None
        index = index_factor(self.area_combo.currentData())
        self.factor_combo.blockSignals(True)
        self.factor_combo.clear()
        for key in (index, *SERVICE_FACTORS):
            self.factor_combo.addItem(factor_label(key), key)
        self.factor_combo.blockSignals(False)

    def _on_area_changed(self) -> None:
        self._fill_factors()
        self._on_choice_changed()

    def _on_choice_changed(self) -> None:
        if self.area_combo is not None and self.factor_combo is not None:
            self.area = self.area_combo.currentData()
            self.factor = self.factor_combo.currentData() or index_factor(self.area)
        self.info.clear()  # it told the value of another measure
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def show_for(
        self,
        year: int | None,
        area: str | None = None,
        factor: str | None = None,
        lan=None,
        selection: set[str] | None = None,
    ) -> None:
        """What the screen shows; drawn now when visible, else when the tab is opened.
        ``selection``: the kommuner the screen's filters admit (the rest is drawn pale)."""
        self.year = year
        self.selection = selection
        if area is not None and self.area_combo is None:
            self.area, self.factor = area, factor or index_factor(area)
        if lan != self._lan_from_screen:  # the screen's län filter zooms the map once
            self._lan_from_screen = lan
            self.panel.set_lan(lan)
        self._dirty = True
        if self.isVisible():
            self.refresh()

    # -- drawing -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        if self.year is None:
            self.panel.set_data(None)
            return
        self.data = load_map_data(
            ctx.store,
            self.year,
            self.area,
            self.factor,
            ctx.group,
            self.mode_combo.currentData() or GRADE,
            ctx.kommun,
        )
        if self.compared_units is not None:
            self.data.marked = tuple(self.compared_units())
        if self.selection is not None:
            self.data.outside = frozenset(set(self.data.entries) - self.selection)
        self.panel.set_data(self.data)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _on_canvas_kommun_clicked(self, code: str) -> None:
        ctx = self.context
        name = ctx.catalogue.name_of(code)
        line = self.data.describe(code).replace("\n", " · ") if self.data else name
        self.kommun_clicked.emit(code)
        if self.compared_units is None:
            self.info.setText(f"Vald: {line}")
            return
        units = [u for u in self.compared_units() if u != ctx.kommun]
        if code == ctx.kommun:
            self.info.setText(f"{name} är min kommun. {line}")
        elif code in units:
            self.info.setText(f"{name} finns redan i jämförelsen. {line}")
        else:
            ctx.set_compare_units([*units, code], "")
            self.info.setText(f"{name} lades till i jämförelsen (Egna val). {line}")
