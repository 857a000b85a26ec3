"""The choice of survey on a screen: NKI (Insikt) or Svenskt Näringsliv's Lokalt
företagsklimat, each shown in its own panel (never in one chart or table)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

NKI, SN = "nki", "sn"
SURVEYS = (
    (NKI, "NKI (Insikt, SKR/SBA)"),
    (SN, "Svenskt Näringsliv – Lokalt företagsklimat"),
)


class SurveySwitch(QWidget):
    """A combo 'Undersökning' above a stack: the NKI content and the SN panel."""

    survey_changed = Signal(str)

    def __init__(self, nki: QWidget, sn: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Undersökning")
        for key, label in SURVEYS:
            self.combo.addItem(label, key)
        self.combo.setToolTip(
            "Två olika undersökningar med olika skalor: de visas var för sig, aldrig blandade."
        )
        caption = QLabel("&Undersökning:")
        caption.setBuddy(self.combo)
        row = QHBoxLayout()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        row.setContentsMargins(margin, margin // 2, margin, 0)  # in line with the page below
        row.addWidget(caption)
        row.addWidget(self.combo)
        row.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(nki)
        self.stack.addWidget(sn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)

    @property
    def survey(self) -> str:
        return str(self.combo.currentData())

    def set_survey(self, key: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(key)))

    def takes_over(self, has_nki: bool, has_sn: bool) -> bool:
        """True when the screen shows Svenskt Näringsliv's panel (chosen, or the only survey
        with data), so the NKI content needs no refresh."""
        if not has_nki and has_sn and self.survey != SN:
            self.combo.blockSignals(True)
            self.set_survey(SN)
            self.stack.setCurrentIndex(1)
            self.combo.blockSignals(False)
        return self.survey == SN

    def _on_combo_changed(self) -> None:
        self.stack.setCurrentIndex(1 if self.survey == SN else 0)
        self.survey_changed.emit(self.survey)
