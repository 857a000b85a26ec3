"""Åtgärder: the kommun's actions with filters and their follow-up (index before and after,
never a claim of cause), its notes, and the Papperskorg for what was removed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.followup import NO_CAUSE, FollowupRow, load_followup
from nki_desktop.domain.actions import STATUS_SYMBOLS, STATUSES, Action, Note
from nki_desktop.domain.areas import AREAS
from nki_desktop.services import actions as action_svc
from nki_desktop.services import notes as note_svc
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.action_dialog import ActionDialog
from nki_desktop.ui.dialogs.note_dialog import NoteDialog
from nki_desktop.ui.dialogs.trash_dialog import TrashDialog
from nki_desktop.ui.errors import user_message
from nki_desktop.ui.models.action_columns import action_columns, note_columns
from nki_desktop.ui.models.columns import RowTableModel, SortProxy
from nki_desktop.ui.pages.base import DataPage
from nki_desktop.ui.widgets.labels import note_label

INFO = (
    "Kommunens egna åtgärder och anteckningar. En genomförd åtgärd följs upp mot indexet "
    "för det den gäller, året före och året efter genomförandet. " + NO_CAUSE
)


def _table(model: RowTableModel, parent: QWidget, stretch: int) -> tuple[QTableView, SortProxy]:
    proxy = SortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view, proxy


class ActionsPage(DataPage):
    key = "actions"
    title = "Åtgärder"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.action_rows: list[Action] = []
        self.note_rows: list[Note] = []
        self.followup: dict[int, list[FollowupRow]] = {}
        self.last_removed: tuple[str, int] | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = self.heading_label()
        layout.addWidget(self.heading)
        layout.addWidget(note_label(INFO))
        filters = QHBoxLayout()
        self.status_combo, self.area_combo, self.year_combo = QComboBox(), QComboBox(), QComboBox()
        self.status_combo.addItem("Alla", None)
        for key, label in STATUSES.items():
            self.status_combo.addItem(f"{STATUS_SYMBOLS[key]} {label}", key)
        self.area_combo.addItem("Alla områden", None)
        for a in AREAS:
            self.area_combo.addItem(a.label, a.key)
        self.year_combo.addItem("Alla år", None)
        for caption, combo in (
            ("Status:", self.status_combo),
            ("Område:", self.area_combo),
            ("År:", self.year_combo),
        ):
            filters.addWidget(QLabel(caption))
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply)
        filters.addStretch(1)
        self.trash_button = QPushButton("Papperskorg…")
        self.trash_button.clicked.connect(lambda: self._guarded(self.open_trash))
        filters.addWidget(self.trash_button)
        layout.addLayout(filters)

        self.model = RowTableModel(action_columns({}))
        self.view, self.proxy = _table(self.model, self, 1)
        self.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # the latest decided first
        self.view.doubleClicked.connect(lambda _i: self.edit_action())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.note_model = RowTableModel(note_columns())
        self.note_view, self.note_proxy = _table(self.note_model, self, 2)
        self.note_view.doubleClicked.connect(lambda _i: self.edit_note())
        self.note_view.selectionModel().selectionChanged.connect(self._update_buttons)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label, 1)
        self.new_button = QPushButton("Ny åtgärd…")
        self.edit_button = QPushButton("Ändra…")
        self.done_button = QPushButton("Markera genomförd")
        self.remove_button = QPushButton("Ta bort")
        self.new_button.clicked.connect(lambda: self._guarded(self.new_action))
        self.edit_button.clicked.connect(lambda: self._guarded(self.edit_action))
        self.done_button.clicked.connect(lambda: self._guarded(self.mark_done))
        self.remove_button.clicked.connect(lambda: self._guarded(self.remove_action))
        for b in (self.new_button, self.edit_button, self.done_button, self.remove_button):
            row.addWidget(b)
        top_layout.addLayout(row)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        notes_caption = QLabel("<b>Anteckningar</b> (visas i Trend och Översikt)")
        bottom_layout.addWidget(notes_caption)
        bottom_layout.addWidget(self.note_view, 1)
        note_row = QHBoxLayout()
        self.undo_label = QLabel()
        self.undo_button = QPushButton("Ångra borttagningen")
        self.undo_button.clicked.connect(lambda: self._guarded(self.undo_remove))
        note_row.addWidget(self.undo_label, 1)
        note_row.addWidget(self.undo_button)
        self.new_note_button = QPushButton("Ny anteckning…")
        self.edit_note_button = QPushButton("Ändra…")
        self.remove_note_button = QPushButton("Ta bort")
        self.new_note_button.clicked.connect(lambda: self._guarded(self.new_note))
        self.edit_note_button.clicked.connect(lambda: self._guarded(self.edit_note))
        self.remove_note_button.clicked.connect(lambda: self._guarded(self.remove_note))
        for b in (self.new_note_button, self.edit_note_button, self.remove_note_button):
            note_row.addWidget(b)
        bottom_layout.addLayout(note_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([380, 200])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._show_undo(None)
        self.set_content(body)

    def _guarded(self, handler) -> None:
        """Run a button's handler; a failure (a read-only database, …) is told in Swedish."""
        try:
            handler()
        except Exception as exc:  # noqa: BLE001 - every failure is told, none is raised
            QMessageBox.warning(self, "Åtgärder", user_message(exc))

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        if not ctx.kommun:
            self.show_empty("Välj din kommun i listan ovanför för att se och lägga till åtgärder.")
            return
        store = ctx.store
        self.action_rows = action_svc.actions(store, ctx.kommun)
        self.note_rows = note_svc.notes(store, ctx.kommun)
        self.followup = {}
        for row in load_followup(store, ctx.kommun, ctx.group):
            self.followup.setdefault(row.action.id or 0, []).append(row)
        self.model.set_columns(action_columns(self.followup), [])
        self.heading.setText(f"Åtgärder – {ctx.kommun_name}")
        years = sorted({y for a in self.action_rows for y in a.years()} | set(ctx.years))
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem("Alla år", None)
        for y in reversed(years):
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        self.note_model.set_rows(self.note_rows)
        self._apply()
        self.show_content()

    def visible_actions(self) -> list[Action]:
        return action_svc.filter_actions(
            self.action_rows,
            status=self.status_combo.currentData(),
            area=self.area_combo.currentData(),
            year=self.year_combo.currentData(),
        )

    def _apply(self) -> None:
        shown = self.visible_actions()
        self.model.set_rows(shown)
        done = sum(1 for a in self.action_rows if a.status == "genomford")
        self.count_label.setText(
            f"{len(shown)} av {len(self.action_rows)} åtgärder visas · {done} genomförda"
        )
        self._update_buttons()

    def selected_action(self) -> Action | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def selected_note(self) -> Note | None:
        rows = self.note_view.selectionModel().selectedRows()
        return self.note_model.rows[self.note_proxy.mapToSource(rows[0]).row()] if rows else None

    def _update_buttons(self) -> None:
        action = self.selected_action()
        self.edit_button.setEnabled(action is not None)
        self.remove_button.setEnabled(action is not None)
        self.done_button.setEnabled(action is not None and action.status != "genomford")
        note = self.selected_note()
        self.edit_note_button.setEnabled(note is not None)
        self.remove_note_button.setEnabled(note is not None)

    def _changed(self) -> None:
        self.context.notify_data_changed()  # Trend's markers, Översikt's notes, the report
        if not self.isVisible():
            self.refresh()

    # -- actions ---------------------------------------------------------------------------
    def new_action(self, prefill: Action | None = None) -> Action | None:
        action = prefill or Action(self.context.kommun, "", ())
        dialog = ActionDialog(self.context.store, action, self)
        if dialog.exec() and dialog.saved is not None:
            self._changed()
            return dialog.saved
        return None

    def edit_action(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        dialog = ActionDialog(self.context.store, action, self)
        if dialog.exec():
            self._changed()

    def mark_done(self) -> None:
        action = self.selected_action()
        if action is not None and action.id is not None:
            action_svc.mark_done(self.context.store, action.id)
            self._changed()

    def remove_action(self) -> None:
        action = self.selected_action()
        if action is None or action.id is None:
            return
        action_svc.remove(self.context.store, action.id)
        self._show_undo(("action", action.id), f"Åtgärden ”{action.title}” ligger i papperskorgen.")
        self._changed()

    # -- notes -----------------------------------------------------------------------------
    def new_note(self) -> None:
        note = Note(self.context.kommun, "", "", year=self.context.year)
        dialog = NoteDialog(self.context.store, note, self.context.years, self)
        if dialog.exec():
            self._changed()

    def edit_note(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        dialog = NoteDialog(self.context.store, note, self.context.years, self)
        if dialog.exec():
            self._changed()

    def remove_note(self) -> None:
        note = self.selected_note()
        if note is None or note.id is None:
            return
        note_svc.remove(self.context.store, note.id)
        self._show_undo(("note", note.id), "Anteckningen ligger i papperskorgen.")
        self._changed()

    # -- undo and the Papperskorg ------------------------------------------------------------
    def _show_undo(self, removed: tuple[str, int] | None, text: str = "") -> None:
        self.last_removed = removed
        self.undo_label.setText(text)
        self.undo_button.setVisible(removed is not None)

    def undo_remove(self) -> None:
        if self.last_removed is None:
            return
        kind, item_id = self.last_removed
        (action_svc if kind == "action" else note_svc).restore(self.context.store, item_id)
        self._show_undo(None)
        self._changed()

    def open_trash(self) -> None:
        dialog = TrashDialog(self.context.store, self.context.kommun or None, self)
        dialog.exec()
        if dialog.restored:
            self._show_undo(None)
            self._changed()
