"""``NKI_EXIT_AFTER_FIRST_PAINT=1``: quit (exit 0) once the first screen has painted, so a
start can be timed from outside as a whole process (bench/bench_start.py).

On quitting one line goes to stdout: ``first-paint page=<key> content=figures|empty
seconds=<since the window was shown>``; ``figures`` means the screen showed stored values.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class _FirstPaintWatcher(QObject):
    def __init__(self, app: QApplication, window: QMainWindow):
        super().__init__(window)
        self.app = app
        self.window = window
        self.started = time.perf_counter()
        self.done = False

    def _current_page(self) -> QWidget | None:
        current = getattr(self.window, "current_page", None)  # the screen, built
        page = current() if current is not None else None
        return page if isinstance(page, QWidget) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isVisible()
        ):
            page = self._current_page()
            if page is not None and page.isAncestorOf(watched):
                self.done = True
                # queued: runs once this paint pass has finished and been flushed
                QTimer.singleShot(0, self._quit)
        return False

    def _quit(self) -> None:
        page = self._current_page()
        content_stack = getattr(page, "stack", None)
        figures = content_stack is not None and content_stack.currentIndex() == 1
        key = getattr(page, "key", "?")
        print(
            f"first-paint page={key} content={'figures' if figures else 'empty'} "
            f"seconds={time.perf_counter() - self.started:.3f}",
            flush=True,
        )
        self.app.exit(0)


def exit_after_first_paint(app: QApplication, window: QMainWindow) -> None:
    """Quit ``app`` with status 0 right after the first paint of the window's current screen.

    Called once the window is shown: its screen is built then, and only the screen's own
    widgets are watched (an application-wide filter would run Python for each of the few
    thousand events of a start). Before the screen exists the whole application is watched.
    """
    watcher = _FirstPaintWatcher(app, window)
    page = watcher._current_page()
    if page is None:
        app.installEventFilter(watcher)
        return
    for widget in (page, *page.findChildren(QWidget)):
        widget.installEventFilter(watcher)
