"""The warning shown above any screen content that includes sample data (fictitious values)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from nki_desktop.analysis.origin import sample_warning


class SampleBanner(QLabel):
    """Hidden unless :meth:`show_for` is given what on the screen is fictitious."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sample_banner")
        self.setWordWrap(True)
        self.setStyleSheet("background:#FFF4CE; border:1px solid #E0C060; padding:4px;")
        self.setAccessibleName("Varning: exempeldata")
        self.warning = ""  # the text while sample values are shown, else ""
        self.hide()

    def show_for(self, parts: list[str], fictitious: bool | None = None) -> None:
        """Show the warning when ``parts`` (or ``fictitious``) says sample values are shown."""
        shown = bool(parts) if fictitious is None else fictitious
        self.warning = sample_warning(parts) if shown else ""
        if shown:
            self.setText(
                "⚠ " + self.warning + " Ta bort exempeldata under Arkiv när du "
                "importerat riktiga filer."
            )
        self.setVisible(shown)

    def notes(self) -> list[str]:
        """The warning as a note for copied and exported tables (empty when hidden)."""
        return [self.warning] if self.warning else []
