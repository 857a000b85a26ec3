"""One criterion of the "Liknande kommuner" dialog: a check box and its weight."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout

from nki_desktop.analysis.similar_criteria import Criterion, fixed_criterion, result_criterion
from nki_desktop.domain.areas import TOTAL, area_label, factor_label, index_factor


def choice_label(c: Criterion) -> str:
    """A result as listed under its heading: "Bygglov", "Upphandling (NUI)", "Bemötande",
    "Bemötande (Bygglov)"."""
    if c.factor == index_factor(c.area):
        return area_label(c.area) + (" (NUI)" if c.factor == "nui" else "")
    if c.area == TOTAL:
        return factor_label(c.factor)
    return f"{factor_label(c.factor)} ({area_label(c.area)})"


class CriterionChoice:
    """One criterion the user can tick, with its weight."""

    def __init__(self, base: str, label: str, grid: QGridLayout, row: int):
        self.base = base  # "population", "kommungrupp", "lan" or "area:factor"
        self.box = QCheckBox(label)
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0.1, 10.0)
        self.weight.setSingleStep(0.5)
        self.weight.setDecimals(1)
        self.weight.setValue(1.0)
        self.weight.setFixedWidth(72)
        self.weight.setToolTip(f"Vikt för {label}: bara förhållandet mellan vikterna räknas.")
        self.weight.setAccessibleName(f"Vikt {label}")
        self.weight.setEnabled(False)
        self.box.toggled.connect(self.weight.setEnabled)
        grid.addWidget(self.box, row, 0)
        grid.addWidget(self.weight, row, 1)

    def criterion(self, years: tuple[int, ...]) -> Criterion:
        if ":" not in self.base:
            return fixed_criterion(self.base)
        area, factor = self.base.split(":")
        return result_criterion(area, factor, years)
