"""Run under Xvfb by test_official_day: start the window as a user would on a 1366x768
screen (QT_SCALE_FACTOR set by the caller) and print what fits, as JSON."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ["NKI_DATA_DIR"] = tempfile.mkdtemp()
os.environ["QT_QPA_PLATFORM"] = "xcb"

from nki_desktop.app import build_window, create_application  # noqa: E402
from nki_desktop.paths import data_dir  # noqa: E402
from nki_desktop.services.store import open_store  # noqa: E402
from nki_desktop.ui.settings import Settings  # noqa: E402

app = create_application()
store = open_store(Path(os.environ["NKI_DATA_DIR"]) / "nki.sqlite")
settings = Settings(data_dir() / "settings.ini")
settings.set("kommun", "2514")
window = build_window(store, settings, synchronous_tasks=True)
if "--sample" in sys.argv:
    window.load_sample()
window.show()
window.show_page("ranking")
for _ in range(10):
    app.processEvents()


def _sideways(key: str) -> bool:
    """Whether the screen's scroll area needs a horizontal scroll bar to show it whole."""
    from PySide6.QtWidgets import QScrollArea

    window.show_page(key)
    for _ in range(10):
        app.processEvents()
    widget = window.pages[key].parentWidget()
    while widget is not None and not isinstance(widget, QScrollArea):
        widget = widget.parentWidget()
    return widget is not None and widget.horizontalScrollBar().isVisible()


sideways = [key for key in window.pages.keys() if _sideways(key)] if "--all" in sys.argv else []
window.show_page("ranking")
for _ in range(10):
    app.processEvents()
available = window.available_geometry()
frame = window.frameGeometry()
ranking = window.pages["ranking"]
result = {
    "available": [available.x(), available.y(), available.width(), available.height()],
    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
    "minimum": [window.minimumWidth(), window.minimumHeight()],
    "ranking_hscroll": ranking.view.horizontalScrollBar().isVisible(),
    "sideways_pages": sideways,
}
print(json.dumps(result))
window.close()
