"""Screens built when first opened: the window starts with only the screen it shows.

A :class:`PageSlot` stands in the window's stack for one screen, carrying its key and title;
the screen's module is imported and the screen built the first time the slot is shown or
the screen is asked for (``window.pages["import"]`` builds the Import screen).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

PageFactory = Callable[[], QWidget]


def page_factory(module: str, cls: str, *args: object) -> PageFactory:
    """A factory that imports ``module`` only when the page is built."""

    def build() -> QWidget:
        page_class = getattr(importlib.import_module(module), cls)
        widget: QWidget = page_class(*args)
        return widget

    return build


class PageSlot(QWidget):
    """Holds one screen, built on first show or first :meth:`page` call."""

    # the window's requests a screen may make, forwarded once the screen is built
    request_page = Signal(str)
    request_sample = Signal()
    request_import = Signal()
    files_added = Signal(list)

    def __init__(self, key: str, title: str, factory: PageFactory):
        super().__init__()
        self.key = key
        self.title = title
        self._factory = factory
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            page = self._factory()
            self._page = page
            for name in ("request_page", "request_sample", "request_import", "files_added"):
                if hasattr(page, name):
                    getattr(page, name).connect(getattr(self, name).emit)
            self._layout.addWidget(page)
            if self.isVisible():
                page.show()
        return self._page

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.page()
        super().showEvent(event)


class PageDirectory(dict[str, PageSlot]):
    """``window.pages``: keys and slots in navigation order; indexing gives the built page."""

    def __init__(self, slots: Iterable[PageSlot]):
        super().__init__((slot.key, slot) for slot in slots)

    def __getitem__(self, key: str) -> Any:  # type: ignore[override]  # each screen its class
        return super().__getitem__(key).page()

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if key in self else default

    def slot(self, key: str) -> PageSlot:
        return super().__getitem__(key)
