"""Hjälp: a small help window that opens at the part asked for (Kom igång, a screen, Om
siffrorna)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from nki_desktop.ui.help_text import help_html


class HelpDialog(QDialog):
    def __init__(
        self, anchor: str = "kom-igang", year: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Hjälp – NKI Desktop")
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html(year))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_part(anchor)

    def show_part(self, anchor: str) -> None:
        self.anchor = anchor
        self.browser.scrollToAnchor(anchor)
