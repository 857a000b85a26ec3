"""Qt for reports made without the window (command line, installer self-test): an
application object (offscreen when there is no display) and the bundled font."""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from nki_desktop.paths import resource

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"


def _has_display() -> bool:
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (platform ``offscreen`` without a display)."""
    app = QApplication.instance()
    if app is None:
        if not _has_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "nki-desktop"])
    family()
    return app  # type: ignore[return-value]


@lru_cache(maxsize=1)
def family() -> str:
    """Register the bundled DejaVu Sans (once) and return its family name."""
    name = FALLBACK_FAMILY
    for file in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", file)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            name = families[0]
    return name


def font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    """The report font at a size in points, as pixels of a 96-dpi page (the report's unit)."""
    f = QFont(family())
    f.setPixelSize(max(1, round(points * 96 / 72)))
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(True)
    # No ligatures: "fiktiva" stays searchable and copyable from the PDF as plain letters.
    for tag in ("liga", "clig"):
        f.setFeature(QFont.Tag(tag), 0)
    return f
