"""PyInstaller runtime hook: placeholders for PySide6.QtOpenGL and QtOpenGLWidgets, which are
left out of the bundle (about 10 MB).

pyqtgraph imports both by name when its plot items load, and subclasses QOpenGLWidget, but
uses them only when OpenGL drawing is switched on (``useOpenGL``), which this program never
does. The placeholder widget class refuses to be built.
"""

import sys
import types


def _placeholder(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    cache: dict = {}

    def __getattr__(attr: str):  # noqa: N807 - module-level attribute hook (PEP 562)
        if attr == "QOpenGLWidget":
            if attr not in cache:
                from PySide6.QtWidgets import QWidget

                class QOpenGLWidget(QWidget):
                    def __init__(self, *args, **kwargs):
                        raise RuntimeError("OpenGL ingår inte i NKI Desktop")

                cache[attr] = QOpenGLWidget
            return cache[attr]
        raise AttributeError(f"{name}.{attr} is not part of this program (no OpenGL)")

    module.__getattr__ = __getattr__
    return module


for _name in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"):
    sys.modules.setdefault(_name, _placeholder(_name))
