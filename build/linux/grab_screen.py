"""Save a screenshot of the whole X display (used by verify_deb.sh under Xvfb).

    python build/linux/grab_screen.py OUT.png
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "xcb"
from PySide6.QtGui import QGuiApplication  # noqa: E402

app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0)
sys.exit(0 if image.save(sys.argv[1]) else 1)
