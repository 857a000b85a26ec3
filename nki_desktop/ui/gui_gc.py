"""Python's cycle collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: a background task
(a län's reports, an import) could then finalise widgets and other Qt objects from closed
dialogs and screens on its own thread, which makes Qt abort. pyqtgraph's GarbageCollector
turns automatic collection off and collects on a GUI-thread timer instead.
"""

from __future__ import annotations

import gc

from pyqtgraph.util.garbage_collector import GarbageCollector

INTERVAL_S = 1.0


def collect_on_gui_thread(interval: float = INTERVAL_S) -> GarbageCollector:
    """Start collecting on the GUI thread; keep the returned object for as long as the app
    runs (its timer does the collecting)."""
    return GarbageCollector(interval=interval)


def stop(collector: GarbageCollector, *, quitting: bool = False) -> None:
    """Stop the timer, collect what is left here, and give collection back to Python.

    ``quitting``: the program ends now and its background threads have stopped, so no
    thread is left that could finalise a widget: the last cycles are left to the end of the
    process (a full pass over every object the window made costs about 30 ms, and Python
    skips its own pass at exit while collection is off). Nothing of ours needs a finaliser
    then: the store and the lock are closed explicitly and the settings are synced when the
    window closes."""
    collector.timer.stop()
    if quitting:
        return
    gc.collect()
    gc.enable()
