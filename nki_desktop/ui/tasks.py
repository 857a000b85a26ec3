"""The one path for background work.

A task is a plain function ``fn(progress, cancel) -> result`` that never touches widgets.
It runs on the thread pool; ``progress(percent, text)``, the result and errors come back to
the GUI thread through signals. ``cancel.is_set()`` is checked by the task between chunks.
Database writes go through the Store, whose lock makes it the single writer.
With ``synchronous=True`` (tests) the task runs at once on the calling thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from nki_desktop.ui.errors import user_message


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


class TaskCancelled(Exception):
    """Raised inside a task to stop it; reported through ``cancelled``."""


class TaskSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str, str)  # message, details
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: TaskSignals, token: CancelToken):
        super().__init__()
        self.fn, self.signals, self.token = fn, signals, token

    def run(self) -> None:
        execute(self.fn, self.signals, self.token)


def _emit(signal: Any, *args: Any) -> None:
    """Emit unless the receiving side is gone (the program is quitting): then say nothing."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted"
        pass


def execute(fn: Callable[..., Any], signals: TaskSignals, token: CancelToken) -> None:
    def progress(percent: int, text: str = "") -> None:
        if token.is_set():
            raise TaskCancelled()
        _emit(signals.progress, int(percent), text)

    try:
        result = fn(progress, token)
    except TaskCancelled:
        _emit(signals.cancelled)
    except Exception as exc:  # noqa: BLE001 - every error goes back to the GUI as a message
        if token.is_set():  # failed because it was stopped (store closed at quit)
            _emit(signals.cancelled)
        else:
            _emit(signals.failed, user_message(exc), traceback.format_exc())
    else:
        if token.is_set():
            _emit(signals.cancelled)
        else:
            _emit(signals.finished, result)


class TaskHandle:
    def __init__(self, signals: TaskSignals, token: CancelToken):
        self.signals = signals
        self.token = token

    def cancel(self) -> None:
        self.token.cancel()


class TaskRunner(QObject):
    """Starts tasks; keeps their signal objects alive until they end."""

    def __init__(self, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool.globalInstance()
        self._live: dict[TaskSignals, CancelToken] = {}

    def start(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        on_progress: Callable[[int, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> TaskHandle:
        signals = TaskSignals()
        token = CancelToken()
        for signal, slot in (
            (signals.finished, on_done),
            (signals.failed, on_error),
            (signals.progress, on_progress),
            (signals.cancelled, on_cancel),
        ):
            if slot:
                signal.connect(slot)
        self._live[signals] = token
        for end in (signals.finished, signals.failed, signals.cancelled):
            end.connect(lambda *_a, s=signals: self._live.pop(s, None))
        if self.synchronous:
            execute(fn, signals, token)
        else:
            self._pool.start(_Runnable(fn, signals, token))
        return TaskHandle(signals, token)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def running(self) -> int:
        return len(self._live)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel every running task and wait for them to stop (before quitting, before the
        store closes). Their results are dropped; nothing is printed."""
        for token in list(self._live.values()):
            token.cancel()
        done = self._pool.waitForDone(msecs)
        for signals in list(self._live):
            signals.blockSignals(True)  # late deliveries go nowhere
        self._live.clear()
        return done
