"""Cycles are collected on the GUI thread's timer, never by whichever thread allocates."""

from __future__ import annotations

import gc
import threading
import weakref

from nki_desktop.ui.gui_gc import collect_on_gui_thread, stop


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it
        self.freed_in: list[str] = []


def test_a_cycle_is_freed_by_the_gui_thread_timer(qtbot):
    # the autouse fixture already collects on the GUI thread; this test starts its own
    stop_fixture = not gc.isenabled()
    thresholds = gc.get_threshold()
    collector = collect_on_gui_thread(0.05)
    try:
        assert not gc.isenabled()
        seen: list[str] = []
        node = _Node()
        ref = weakref.ref(node, lambda _r: seen.append(threading.current_thread().name))
        del node
        worker = threading.Thread(target=lambda: [[i] for i in range(200_000)], name="worker")
        worker.start()  # allocates a lot: with automatic collection it could free the cycle
        worker.join()
        assert ref() is not None  # nobody collected in the worker
        gc.set_threshold(1, 1, 1)
        collector.threshold = (0, 0, 0)
        qtbot.waitUntil(lambda: ref() is None, timeout=5_000)
        assert seen == [threading.main_thread().name]
    finally:
        gc.set_threshold(*thresholds)
        stop(collector)
        if stop_fixture:
            gc.disable()  # the fixture's collector goes on until the test ends


def test_quitting_stops_the_timer_and_leaves_the_last_cycles_to_the_process_end(qtbot):
    stop_fixture = not gc.isenabled()
    collector = collect_on_gui_thread(0.05)
    try:
        node = _Node()
        ref = weakref.ref(node)
        del node
        stop(collector, quitting=True)
        assert not collector.timer.isActive() and not gc.isenabled()
        qtbot.wait(200)  # the timer would have collected by now
        assert ref() is not None
    finally:
        gc.collect()
        if not stop_fixture:
            gc.enable()
