"""An empty state that helps: says what is missing and offers the way forward."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

NO_DATA = (
    "<h2>Ingen data ännu</h2><p>Importera årets filer från SKR (Öppna jämförelser), "
    "Kolada eller Insikt-portalen – eller ladda exempeldata för att se hur programmet "
    "fungerar.</p>"
)


class EmptyState(QWidget):
    """Text plus "Importera filer…" and "Ladda exempeldata" buttons."""

    import_requested = Signal()
    sample_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        import_text: str = "Importera filer…",
        import_tip: str = "",
        offer_sample: bool = True,
    ):
        super().__init__(parent)
        self.offer_sample = offer_sample
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton(import_text)
        self.import_button.setToolTip(import_tip)
        self.sample_button = QPushButton("Ladda exempeldata")
        self.sample_button.setVisible(offer_sample)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.sample_button.clicked.connect(self.sample_requested.emit)
        row.addWidget(self.import_button)
        row.addWidget(self.sample_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_message(self, has_data: bool, text: str) -> None:
        """NO_DATA with both buttons when the database is empty; else the given text."""
        self.label.setText(NO_DATA if not has_data else text)
        self.sample_button.setVisible(self.offer_sample and not has_data)
