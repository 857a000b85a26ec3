"""The foot of an editing dialog: a Swedish refusal line (hidden until needed) and the
Spara/Avbryt buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

ERROR_STYLE = "color:#9B1C1C; font-weight:600;"


def add_form_footer(
    dialog: QDialog, layout: QVBoxLayout, on_save: Callable[[], None]
) -> tuple[QLabel, QDialogButtonBox]:
    """Add the refusal line and Spara/Avbryt under ``layout``; Spara calls ``on_save``."""
    error = QLabel()
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    error.hide()
    layout.addWidget(error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText("Spara")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error, buttons
