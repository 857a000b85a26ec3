from __future__ import annotations

import pytest

from nki_desktop.app import build_window, register_fonts
from nki_desktop.paths import data_dir
from nki_desktop.ui.settings import Settings


@pytest.fixture(autouse=True)
def gc_on_the_gui_thread(qapp):
    """As in the program: cycles are collected on the GUI thread only, never by a background
    task (which would finalise earlier tests' widgets on its own thread)."""
    from nki_desktop.ui.gui_gc import collect_on_gui_thread, stop

    collector = collect_on_gui_thread(0.5)
    yield
    stop(collector)


@pytest.fixture
def make_window(qtbot, store):
    """Build the main window on the test's own database, tasks run synchronously."""
    register_fonts()

    def make(kommun: str = "", resize: bool = True):
        settings = Settings(data_dir() / "settings.ini")
        if kommun:
            settings.set("kommun", kommun)
        window = build_window(store, settings, synchronous_tasks=True)
        qtbot.addWidget(window)
        if resize:
            window.resize(1366, 768)
        return window

    return make
