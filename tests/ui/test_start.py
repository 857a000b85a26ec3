"""Start-up: NKI_EXIT_AFTER_FIRST_PAINT (a whole-process start that quits by itself) and
screens built only when first opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nki_desktop.app import PAGES
from nki_desktop.services.sample import load_sample
from nki_desktop.services.store import open_store
from nki_desktop.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _start(
    data: Path, kommun: str, command: tuple[str, ...] = ("-m", "nki_desktop")
) -> subprocess.CompletedProcess[str]:
    settings = Settings(data / "settings.ini")
    if kommun:
        settings.set("kommun", kommun)
    settings.sync()
    env = dict(
        os.environ,
        NKI_DATA_DIR=str(data),
        NKI_EXIT_AFTER_FIRST_PAINT="1",
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    return subprocess.run(
        [sys.executable, *command],
        env=env,
        cwd=data,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def sample_data(tmp_path: Path) -> Path:
    """A data folder whose database holds the sample data."""
    data = tmp_path / "start"
    data.mkdir()
    store = open_store(data / "nki.sqlite")
    load_sample(store)
    store.close()
    return data


def test_window_quits_after_first_paint_with_real_figures(sample_data):
    data = sample_data
    done = _start(data, "1480")
    assert done.returncode == 0, done.stderr
    assert "first-paint page=overview content=figures" in done.stdout
    assert "Traceback" not in done.stderr


def test_first_paint_exit_without_data_shows_the_empty_screen(tmp_path):
    data = tmp_path / "start"
    data.mkdir()
    done = _start(data, "")  # no kommun chosen: no first-run picker under the variable
    assert done.returncode == 0, done.stderr
    assert "content=empty" in done.stdout


def test_only_the_shown_screen_is_built(make_window):
    window = make_window("1480")
    window.show()
    built = [key for key in window.pages if window.pages.slot(key).built]
    assert built == ["overview"]
    page = window.pages["ranking"]  # asking for a screen builds it
    assert page.key == "ranking" and window.pages.slot("ranking").built
    window.show_page("trend")
    assert window.pages.slot("trend").built


def test_page_table_matches_the_screens():
    import importlib

    for key, title, module, cls, _tasks in PAGES:
        page_class = getattr(importlib.import_module(f"nki_desktop.ui.pages.{module}"), cls)
        assert (page_class.key, page_class.title) == (key, title)


def test_a_start_imports_only_what_the_first_screen_needs(sample_data):
    data = sample_data
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('MODULES', *sorted(sys.modules)))\n"
        "from nki_desktop.__main__ import main\n"
        "sys.exit(main([]))\n"
    )
    done = _start(data, "1480", ("-c", script))
    assert done.returncode == 0 and "content=figures" in done.stdout, done.stderr[-2000:]
    imported = set(done.stdout.split("MODULES", 1)[1].split())
    assert "nki_desktop.ui.pages.overview" in imported  # the list is read right
    for later in (
        "nki_desktop.cli",
        "nki_desktop.importers.base",  # the importers load with the first import
        "nki_desktop.services.sample",  # the sample data with "Ladda exempeldata"
        "nki_desktop.services.backup",  # backups from the Arkiv menu
        "nki_desktop.ui.dialogs.about",
        "nki_desktop.ui.dialogs.kommun_picker",
        "nki_desktop.ui.pages.trend",  # other screens when first opened
        "nki_desktop.analysis.trend",
        "nki_desktop.reports.document",
        "openpyxl",
        "python_calamine",
        "sqlite_utils",
    ):
        assert later not in imported, later
