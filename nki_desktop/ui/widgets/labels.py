"""The small explanatory text under or beside a screen's controls: grey, wrapped."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def note_label(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setStyleSheet("color:#444;")
    return label
