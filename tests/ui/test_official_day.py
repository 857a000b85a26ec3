"""The official's day (issue 16): Swedish Qt dialogs, a window that fits the office screen,
finding min kommun, and menus people expect."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from nki_desktop.ui.translations import install_swedish

PROBE = Path(__file__).with_name("screen_fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def test_qt_dialogs_speak_swedish(qapp):
    install_swedish(qapp)
    box = QMessageBox(QMessageBox.Icon.Question, "Fråga", "Ta bort?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    texts = {box.button(b).text().replace("&", "") for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Cancel)}
    assert texts == {"Ja", "Nej", "Avbryt"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    box.deleteLater()
    buttons.deleteLater()


def _probe(scale: str, *args: str) -> dict:
    env = dict(os.environ, QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT))
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(PROBE), *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_first_window_fits_the_office_screen(scale):
    fit = _probe(scale)
    ax, ay, aw, ah = fit["available"]
    x, y, w, h = fit["frame"]
    assert aw == round(1366 / float(scale)) or abs(aw - 1366 / float(scale)) <= 1
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, fit
    assert fit["minimum"][0] <= aw and fit["minimum"][1] <= ah


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_ranking_needs_no_sideways_scrolling_at_1366():
    assert _probe("1", "--sample")["ranking_hscroll"] is False


def test_kommun_search_puts_exact_name_first(store):
    catalogue = store.catalogue
    assert [k.name for k in catalogue.search("kalix")] == ["Kalix", "Överkalix"]
    assert [k.name for k in catalogue.search("Håbo")][:2] == ["Håbo", "Habo"]
    assert [k.name for k in catalogue.search("habo")][:2] == ["Habo", "Håbo"]
    # exact, then names starting with the text, then names containing it
    assert [k.name for k in catalogue.search("sala")] == ["Sala", "Uppsala"]
    assert [k.name for k in catalogue.search("mal")] == ["Malmö", "Malung-Sälen", "Malå",
                                                         "Åmål", "Nordmaling"]
    found = [k.name for k in catalogue.search("ör")]
    assert found.index("Örebro") < found.index("Orsa") < found.index("Norrtälje")


def test_kalix_and_enter_chooses_kalix(qtbot, store):
    from PySide6.QtCore import Qt

    from nki_desktop.ui.dialogs.kommun_picker import KommunPicker

    picker = KommunPicker(store.catalogue, first_run=True)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "kalix")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.selected_code() == "2514"
