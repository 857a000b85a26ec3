"""What every screen over stored data shares: an empty state that helps, the content in a
stack, and refreshing only when shown (a hidden screen costs nothing when choices change)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from nki_desktop.services.data import has_data
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.widgets.empty_state import EmptyState


class DataPage(QWidget):
    """Subclasses set ``key`` and ``title``, call :meth:`set_content` at the end of their
    ``__init__`` and implement :meth:`refresh` (which calls show_empty or show_content)."""

    key = ""
    title = ""
    request_page = Signal(str)
    request_sample = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._dirty = True
        self.stack = QStackedWidget()
        self.empty = EmptyState()
        self.empty.import_requested.connect(lambda: self.request_page.emit("import"))
        self.empty.sample_requested.connect(self.request_sample.emit)
        self.stack.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        context.changed.connect(self._on_context_changed)
        context.data_changed.connect(self._on_context_changed)

    def set_content(self, widget: QWidget) -> None:
        self.stack.addWidget(widget)

    @staticmethod
    def heading_label() -> QLabel:
        heading = QLabel()
        heading.setStyleSheet("font-size:14pt; font-weight:600;")
        heading.setWordWrap(True)
        return heading

    def show_empty(self, text: str) -> None:
        """The empty state: the no-data help with both buttons, or ``text``."""
        self.empty.show_message(has_data(self.context.store), text)
        self.stack.setCurrentIndex(0)

    def show_content(self) -> None:
        self.stack.setCurrentIndex(1)

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
