"""One goal's form: what it concerns (area, index, group), what kind of goal, from which year,
and where it comes from. Bad input is told in Swedish under the form; nothing is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.areas import AREAS, GROUPS, SERVICE_FACTORS, factor_label, index_factor
from nki_desktop.domain.goals import DIRECTION, DIRECTIONS, RANK, TARGET, Goal, GoalInputError
from nki_desktop.ui.widgets.form_footer import add_form_footer

NO_YEAR = 2004  # the spin box's "inget år" (its special value text)
SWEDISH = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


class GoalEditor(QDialog):
    """Add (``goal`` None) or edit a goal; :meth:`values` gives the fields for the service."""

    def __init__(
        self,
        goal: Goal | None,
        group: str,
        year: int | None,
        save: Callable[[dict[str, object]], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._save = save
        self.setWindowTitle("Ändra mål" if goal else "Nytt mål")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.area = QComboBox()
        for a in AREAS:
            self.area.addItem(a.label, a.key)
        self.factor = QComboBox()
        self.group = QComboBox()
        for g in GROUPS:
            self.group.addItem(g.label, g.key)
        form.addRow("&Område:", self.area)
        form.addRow("&Index:", self.factor)
        form.addRow("&Svarsgrupp:", self.group)
        kinds = QGridLayout()
        self.kind = QButtonGroup(self)
        self.target = QDoubleSpinBox()
        self.target.setRange(0, 100)
        self.target.setDecimals(1)
        self.target.setValue(75)
        self.target.setPrefix("minst ")
        self.target.setLocale(SWEDISH)  # 74,5
        self.direction = QComboBox()
        for key, label in DIRECTIONS.items():
            self.direction.addItem(f"{label} jämfört med föregående år", key)
        self.rank = QSpinBox()
        self.rank.setRange(1, 290)
        self.rank.setValue(50)
        self.rank.setPrefix("bland de ")
        self.rank.setSuffix(" bästa i riket")
        self.kind_buttons: dict[str, QRadioButton] = {}
        for row, (key, label, widget) in enumerate(
            (
                (TARGET, "Målvärde", self.target),
                (DIRECTION, "Riktning", self.direction),
                (RANK, "Placering", self.rank),
            )
        ):
            button = QRadioButton(label)
            self.kind.addButton(button, row)
            self.kind_buttons[key] = button
            kinds.addWidget(button, row, 0)
            kinds.addWidget(widget, row, 1)
            button.toggled.connect(self._on_kind_toggled)
        form.addRow("Mål:", kinds)
        self.from_year = QSpinBox()
        self.from_year.setRange(NO_YEAR, 2100)
        self.from_year.setSpecialValueText("alla år")
        self.from_year.setValue(year or NO_YEAR)
        form.addRow("&Gäller från år:", self.from_year)
        self.source = QLineEdit()
        self.source.setPlaceholderText("t.ex. Näringslivsstrategi 2023–2026")
        form.addRow("&Källa:", self.source)
        layout.addLayout(form)
        self.error, _buttons = add_form_footer(self, layout, self.accept)
        self.area.currentIndexChanged.connect(lambda _i: self._fill_factors())
        self._load(goal, group)

    def _load(self, goal: Goal | None, group: str) -> None:
        self.group.setCurrentIndex(max(0, self.group.findData(goal.group if goal else group)))
        if goal is None:
            self._fill_factors()
            self.kind_buttons[TARGET].setChecked(True)
            return
        self.area.setCurrentIndex(max(0, self.area.findData(goal.area)))
        self._fill_factors(goal.factor)
        self.kind_buttons[goal.kind].setChecked(True)
        if goal.target is not None:
            self.target.setValue(goal.target)
        if goal.direction:
            self.direction.setCurrentIndex(max(0, self.direction.findData(goal.direction)))
        if goal.rank is not None:
            self.rank.setValue(goal.rank)
        self.from_year.setValue(goal.from_year or NO_YEAR)
        self.source.setText(goal.source)

    def _fill_factors(self, wanted: str | None = None) -> None:
        area = self.area.currentData()
        current = wanted or self.factor.currentData()
        self.factor.clear()
        for key in (index_factor(area), *SERVICE_FACTORS):
            self.factor.addItem(factor_label(key), key)
        self.factor.setCurrentIndex(max(0, self.factor.findData(current)))

    def _on_kind_toggled(self) -> None:
        kind = self.kind_key()
        self.target.setEnabled(kind == TARGET)
        self.direction.setEnabled(kind == DIRECTION)
        self.rank.setEnabled(kind == RANK)

    def kind_key(self) -> str:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), TARGET)

    def values(self) -> dict[str, object]:
        """The fields as the goals service takes them (exactly one kind of goal)."""
        kind = self.kind_key()
        year = self.from_year.value()
        return {
            "area": self.area.currentData(),
            "factor": self.factor.currentData(),
            "group": self.group.currentData(),
            "target": self.target.value() if kind == TARGET else None,
            "direction": self.direction.currentData() if kind == DIRECTION else None,
            "rank": self.rank.value() if kind == RANK else None,
            "from_year": None if year == NO_YEAR else year,
            "source": self.source.text().strip(),
        }

    def accept(self) -> None:
        """Save through the service; bad input keeps the form open with the reason."""
        try:
            self._save(self.values())
        except GoalInputError as exc:
            self.show_error(str(exc))
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
