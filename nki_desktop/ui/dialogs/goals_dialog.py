"""Mål…: the chosen kommun's goals with their status in the chosen year; add, edit, remove
(to the wastebasket) and restore; the tolerance for "nära"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.goals import GoalReport
from nki_desktop.domain.areas import group_label
from nki_desktop.domain.goals import KOLADA_NOTE, GoalInputError
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.services import goals as svc
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.goal_editor import SWEDISH, GoalEditor
from nki_desktop.ui.models.columns import ROW_ROLE, RowTableModel, TableColumn


def _status(r: GoalReport, year: int | None) -> str:
    if r.goal.deleted:
        return "borttaget"
    o = r.outcome(year) if year is not None else None
    if o is None:
        return "följs inte upp detta år"
    value = f" ({'plats ' + str(o.rank) if o.rank else fmt_index(o.value)})" if o.value else ""
    return o.label + value


def _columns(year: int | None) -> list[TableColumn]:
    def colour(r: GoalReport) -> str | None:
        o = r.outcome(year) if year is not None and not r.goal.deleted else None
        return o.state.colour if o else None

    def tip(r: GoalReport) -> str:
        o = r.outcome(year) if year is not None else None
        return o.explanation if o else ""

    return [
        TableColumn("Mått", lambda r: r.goal.figure_label),
        TableColumn("Mål", lambda r: r.goal.aim),
        TableColumn("Svarsgrupp", lambda r: group_label(r.goal.group)),
        TableColumn("Från år", lambda r: str(r.goal.from_year or "alla")),
        TableColumn("Källa", lambda r: r.goal.source),
        TableColumn(
            f"Status {year or ''}".strip(),
            lambda r: _status(r, year),
            tooltip=tip,
            foreground=colour,
        ),
        TableColumn("Ändrad", lambda r: (r.goal.deleted_at or r.goal.changed_at)[:10]),
    ]


class GoalsDialog(QDialog):
    """The goals of the kommun chosen in the window; changes reach the screens on close."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.changed = False
        self.setWindowTitle(f"Mål – {context.kommun_name or 'ingen kommun vald'}")
        self.resize(1040, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Kommunens egna mål för NKI: ett målvärde, en riktning jämfört med föregående år "
            "eller en placering. Status per år: ✓ uppnått · ≈ nära · ✗ ej uppnått · – inget "
            f"utfall. {KOLADA_NOTE}"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowTableModel(_columns(context.year))
        self.model.muted = lambda r: (
            f"Borttaget {r.goal.deleted_at}: välj Återställ för att ta tillbaka det."
            if r.goal.deleted
            else None
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAccessibleName("Mål")
        self.view.doubleClicked.connect(lambda _i: self.edit_goal())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.button_add = QPushButton("&Nytt mål…")
        self.button_edit = QPushButton("Ä&ndra…")
        self.button_remove = QPushButton("&Ta bort")
        self.button_restore = QPushButton("&Återställ")
        self.show_deleted = QCheckBox("Visa &papperskorgen")
        for w in (self.button_add, self.button_edit, self.button_remove, self.button_restore):
            row.addWidget(w)
        row.addWidget(self.show_deleted)
        row.addStretch(1)
        row.addWidget(QLabel("Nära = högst"))
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setRange(0, 10)
        self.tolerance.setDecimals(1)
        self.tolerance.setSingleStep(0.5)
        self.tolerance.setSuffix(" indexenheter från målet")
        self.tolerance.setLocale(SWEDISH)  # decimal comma
        self.tolerance.setValue(svc.tolerance(context.store))
        row.addWidget(self.tolerance)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.button_add.clicked.connect(self.add_goal)
        self.button_edit.clicked.connect(self.edit_goal)
        self.button_remove.clicked.connect(self.remove_goal)
        self.button_restore.clicked.connect(self.restore_goal)
        self.show_deleted.toggled.connect(lambda _on: self.reload())
        self.tolerance.editingFinished.connect(self._on_tolerance_edited)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.reload()

    # -- data ----------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        ctx = self.context
        rows = svc.reports(ctx.store, ctx.kommun, year=ctx.year) if ctx.kommun else []
        if self.show_deleted.isChecked():
            rows += [GoalReport(g) for g in svc.deleted(ctx.store, ctx.kommun or None)]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if select is not None:
            index = self.model.row_index(lambda r: r.goal.id == select)
            if index >= 0:
                self.view.selectRow(index)
        self._update_buttons()

    def selected(self) -> GoalReport | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        r = self.selected()
        self.button_add.setEnabled(bool(self.context.kommun))
        self.button_edit.setEnabled(r is not None and not r.goal.deleted)
        self.button_remove.setEnabled(r is not None and not r.goal.deleted)
        self.button_restore.setEnabled(r is not None and r.goal.deleted)

    def _done(self, text: str, goal_id: int | None = None) -> None:
        self.changed = True
        self.message.setText(text)
        self.reload(goal_id)

    # -- actions -------------------------------------------------------------------------
    def add_goal(self) -> None:
        ctx = self.context
        saved: list[int] = []

        def save(values: dict[str, object]) -> None:
            saved.append(svc.add(ctx.store, ctx.kommun, **values).id)

        editor = GoalEditor(None, ctx.group, ctx.year, save, self)
        if editor.exec() and saved:
            self._done("Målet sparades.", saved[0])

    def edit_goal(self) -> None:
        r = self.selected()
        if r is None or r.goal.deleted:
            return
        goal = r.goal

        def save(values: dict[str, object]) -> None:
            kind = next(k for k in ("target", "direction", "rank") if values[k] is not None)
            svc.edit(self.context.store, goal.id, kind=kind, **values)

        editor = GoalEditor(goal, goal.group, self.context.year, save, self)
        if editor.exec():
            self._done("Målet ändrades.", goal.id)

    def remove_goal(self) -> None:
        r = self.selected()
        if r is None:
            return
        try:
            svc.remove(self.context.store, r.goal.id)
        except GoalInputError as exc:
            self.message.setText(str(exc))
            return
        self._done(
            f"Målet ”{r.goal.text}” lades i papperskorgen. Visa papperskorgen och välj "
            "Återställ för att ångra."
        )

    def restore_goal(self) -> None:
        r = self.selected()
        if r is None:
            return
        try:
            svc.restore(self.context.store, r.goal.id)
        except GoalInputError as exc:
            self.message.setText(str(exc))
            return
        self._done(f"Målet ”{r.goal.text}” återställdes.", r.goal.id)

    def _on_tolerance_edited(self) -> None:
        value = self.tolerance.value()
        if abs(value - svc.tolerance(self.context.store)) > 1e-9:
            svc.set_tolerance(self.context.store, value)
            self._done("Toleransen för ”nära” sparades.")

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        if self.changed:
            self.context.notify_data_changed()
        super().done(result)
