"""What the user has chosen (kommun, year, group, comparison set), shared by all screens."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from nki_desktop.analysis.overview import KeyFigures, key_figures
from nki_desktop.services.data import years_with_data
from nki_desktop.storage import Store
from nki_desktop.ui.settings import Settings


class AppContext(QObject):
    """Choices carried across screens and remembered between runs.

    ``changed`` fires when a choice changes; ``data_changed`` when stored data changed
    (an import, an undo, sample data), so screens reload only then.
    """

    changed = Signal()
    data_changed = Signal()

    def __init__(self, store: Store, settings: Settings):
        super().__init__()
        self.store = store
        self.settings = settings
        self.catalogue = store.catalogue
        self.kommun: str = settings.get("kommun")
        self.group: str = settings.get("group")
        self.compare_units: list[str] = list(settings.get("compare_units"))
        self.compare_set: str = settings.get("compare_set")
        self._year: int = settings.get("year")
        self.years: list[int] = []
        self._figures: KeyFigures | None = None
        self._figures_for: tuple[str, int | None, str] | None = None
        self.refresh_years()

    @property
    def year(self) -> int | None:
        if self._year in self.years:
            return self._year
        return self.years[-1] if self.years else None

    def refresh_years(self) -> None:
        self.years = years_with_data(self.store, self.group)

    def key_figures(self) -> KeyFigures | None:
        """Min kommun's key figures for the chosen year and group, built once per change of
        choice or data (the Översikt and the report share them)."""
        key = (self.kommun, self.year, self.group)
        if key != self._figures_for:
            self._figures = None
            if self.kommun and self.year is not None:
                self._figures = key_figures(
                    self.store, self.kommun, self.year, self.group, self.catalogue
                )
            self._figures_for = key
        return self._figures

    @property
    def kommun_name(self) -> str:
        return self.catalogue.name_of(self.kommun) if self.kommun else ""

    def set_kommun(self, code: str) -> None:
        if code != self.kommun:
            self.kommun = code
            self.settings.set("kommun", code)
            self.changed.emit()

    def set_year(self, year: int) -> None:
        if year != self._year:
            self._year = year
            self.settings.set("year", year)
            self.changed.emit()

    def set_group(self, group: str) -> None:
        if group != self.group:
            self.group = group
            self.settings.set("group", group)
            self.refresh_years()
            self.changed.emit()

    def set_compare_units(self, units: list[str], set_name: str = "") -> None:
        """The comparison kommuner and the name of the set they came from ("" = own pick)."""
        if list(units) == self.compare_units and set_name == self.compare_set:
            return
        self.compare_units = list(units)
        self.compare_set = set_name
        self.settings.set("compare_units", self.compare_units)
        self.settings.set("compare_set", set_name)
        self.changed.emit()

    def notify_data_changed(self) -> None:
        self._figures_for = None
        self.refresh_years()
        self.data_changed.emit()
