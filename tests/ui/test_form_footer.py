"""The foot of an editing dialog: the refusal line starts hidden, Spara calls the dialog's
save and Avbryt rejects it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from nki_desktop.ui.widgets.form_footer import add_form_footer


def test_footer_buttons_speak_swedish_and_call_save(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    saved = []
    error, buttons = add_form_footer(dialog, QVBoxLayout(dialog), lambda: saved.append(1))
    assert error.isHidden() and error.wordWrap()
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (save.text(), cancel.text()) == ("Spara", "Avbryt")
    save.click()
    assert saved == [1] and dialog.result() == 0
    dialog.open()
    cancel.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
