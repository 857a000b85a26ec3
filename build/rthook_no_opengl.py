"""PyInstaller runtime hook: a placeholder for PySide6.QtOpenGL, left out of the bundle.

pyqtgraph's PlotCurveItem and PColorMeshItem import QtOpenGL by name when they load, but use
it only when OpenGL drawing is switched on (``useOpenGL``), which this program never does.
"""

import sys
import types


def _missing(name: str):
    raise AttributeError(f"PySide6.QtOpenGL is not part of this program ({name})")


_module = types.ModuleType("PySide6.QtOpenGL")
_module.__getattr__ = _missing  # type: ignore[method-assign]
sys.modules.setdefault("PySide6.QtOpenGL", _module)
