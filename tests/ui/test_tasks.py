"""The one path for background work: results, errors, progress and cancel come back by signal."""

from __future__ import annotations

import threading

from nki_desktop.domain.errors import UserError
from nki_desktop.ui.tasks import TaskRunner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen: dict = {"progress": [], "threads": set()}
    gui_thread = threading.get_ident()

    def work(progress, cancel):
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress(i * 50, f"steg {i}")
        return 42

    def on_progress(percent, text):
        seen["progress"].append((percent, text))
        seen["threads"].add(threading.get_ident())

    # wait on the delivered result, not on the signal: a fast task may finish before a
    # signal wait could be connected
    runner.start(work, on_progress=on_progress, on_done=lambda r: seen.setdefault("result", r))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["worker"] != gui_thread  # ran off the GUI thread
    qtbot.waitUntil(lambda: len(seen["progress"]) == 3)
    assert seen["threads"] == {gui_thread}  # delivered on the GUI thread
    assert seen["progress"][-1] == (100, "steg 2")


def test_errors_come_back_as_messages(qtbot):
    runner = TaskRunner(synchronous=True)
    errors = []

    def work(progress, cancel):
        raise UserError("Fil: a.xlsx, rad: 3. Fel.")

    def broken(progress, cancel):
        return int("tre")  # Python's own English text must not reach the user

    runner.start(work, on_error=lambda msg, details: errors.append((msg, details)))
    assert errors[0][0] == "Fil: a.xlsx, rad: 3. Fel."
    assert "UserError" in errors[0][1]
    runner.start(broken, on_error=lambda msg, details: errors.append((msg, details)))
    assert "invalid literal" not in errors[1][0] and "ValueError" in errors[1][0]
    assert "invalid literal" in errors[1][1]  # the details keep it


def test_cancel_is_checked_between_chunks(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    release = threading.Event()
    chunks: list[int] = []
    outcome: list[str] = []

    def work(progress, cancel):
        for i in range(100):
            if i == 1:
                started.set()
                release.wait(5)
            progress(i, "")  # raises TaskCancelled once cancel is set
            chunks.append(i)
        return "klar"

    handle = runner.start(
        work, on_done=lambda r: outcome.append(r), on_cancel=lambda: outcome.append("avbruten")
    )
    assert started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: outcome == ["avbruten"], timeout=5000)
    assert len(chunks) < 100
