"""Ny åtgärd / Ändra åtgärd: every field of an action; saved through the service, and a
refusal (a bad date, no area) shown in the dialog in Swedish without closing it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.actions import STATUS_SYMBOLS, STATUSES, Action
from nki_desktop.domain.areas import AREAS, SERVICE_FACTORS, TOTAL, factor_label
from nki_desktop.services import actions as svc
from nki_desktop.storage import Store
from nki_desktop.ui.errors import user_message
from nki_desktop.ui.widgets.form_footer import add_form_footer

DATE_HINT = "ÅÅÅÅ-MM-DD"


def check_list(items: list[tuple[str, str]], checked: tuple[str, ...]) -> QListWidget:
    """A list of check boxes (key in UserRole), as tall as its items."""
    widget = QListWidget()
    for key, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(min(len(items), 7) * 20 + 6)
    return widget


def checked_keys(widget: QListWidget) -> tuple[str, ...]:
    return tuple(
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


class ActionDialog(QDialog):
    """Add (``action.id`` None) or edit an action; ``saved`` holds the stored one after OK."""

    def __init__(self, store: Store, action: Action, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.action = action
        self.saved: Action | None = None
        self.setWindowTitle("Ändra åtgärd" if action.id else "Ny åtgärd")
        self.resize(560, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(action.title)
        self.title_edit.setPlaceholderText("Vad ska göras, t.ex. ”Telefontider varje förmiddag”")
        form.addRow("&Rubrik:", self.title_edit)
        self.description_edit = QPlainTextEdit(action.description)
        self.description_edit.setMaximumHeight(70)
        form.addRow("&Beskrivning:", self.description_edit)
        self.area_list = check_list([(a.key, a.label) for a in AREAS], action.areas or (TOTAL,))
        self.area_list.setAccessibleName("Områden")
        form.addRow("&Områden:", self.area_list)
        self.factor_list = check_list(
            [(f, factor_label(f)) for f in SERVICE_FACTORS], action.factors
        )
        self.factor_list.setAccessibleName("Serviceområden")
        self.factor_list.setToolTip("Inget ikryssat: åtgärden följs upp mot områdets NKI.")
        form.addRow("&Serviceområden:", self.factor_list)
        self.owner_edit = QLineEdit(action.owner)
        self.owner_edit.setPlaceholderText("En roll, t.ex. ”Bygglovschef”")
        form.addRow("&Ansvarig:", self.owner_edit)
        self.status_combo = QComboBox()
        for key, label in STATUSES.items():
            self.status_combo.addItem(f"{STATUS_SYMBOLS[key]} {label}", key)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(action.status)))
        form.addRow("S&tatus:", self.status_combo)
        dates = QHBoxLayout()
        self.decided_edit = QLineEdit(action.decided or "")
        self.done_edit = QLineEdit(action.done or "")
        for edit in (self.decided_edit, self.done_edit):
            edit.setPlaceholderText(DATE_HINT)
            edit.setMaximumWidth(120)
        dates.addWidget(self.decided_edit)
        dates.addWidget(QLabel("Genomförd:"))
        dates.addWidget(self.done_edit)
        dates.addStretch(1)
        form.addRow("Beslutad:", dates)
        self.effect_edit = QLineEdit(action.expected_effect)
        self.effect_edit.setPlaceholderText("Valfritt, t.ex. ”Tillgänglighet minst 70 år 2025”")
        form.addRow("&Förväntad effekt:", self.effect_edit)
        layout.addLayout(form)
        self.error, _buttons = add_form_footer(self, layout, self.save)

    def current(self) -> Action:
        """The action as typed (not yet checked)."""
        a = self.action
        return Action(
            unit=a.unit,
            title=self.title_edit.text(),
            areas=checked_keys(self.area_list),
            factors=checked_keys(self.factor_list),
            description=self.description_edit.toPlainText(),
            owner=self.owner_edit.text(),
            status=self.status_combo.currentData(),
            decided=self.decided_edit.text() or None,
            done=self.done_edit.text() or None,
            expected_effect=self.effect_edit.text(),
            id=a.id,
        )

    def save(self) -> None:
        self.error.hide()
        try:
            action = self.current()
            self.saved = svc.edit(self.store, action) if action.id else svc.add(self.store, action)
        except Exception as exc:  # noqa: BLE001 - a refusal or a failure, told in Swedish
            self.error.setText(user_message(exc))
            self.error.show()
            return
        self.accept()
