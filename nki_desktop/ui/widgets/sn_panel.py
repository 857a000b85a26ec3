"""What the SN panels share: they read when shown and when the choices or data change."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nki_desktop.ui.context import AppContext


class SnPanel(QWidget):
    """Subclasses implement :meth:`refresh`; it runs when shown after a change."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._dirty = True
        context.changed.connect(self._on_context_changed)
        context.data_changed.connect(self._on_context_changed)

    def _on_context_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError
