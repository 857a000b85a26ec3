"""The window's batch for a whole län: progress, Avbryt, and the files it leaves."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.reports.options import ReportOptions
from nki_desktop.ui.tasks import TaskRunner
from nki_desktop.ui.widgets.lan_batch import LanBatchDialog

NORRBOTTEN = "25"
LULEA = "2580"


@pytest.fixture
def store(report_store):  # the window opens the sample database copy
    return report_store


def _dialog(window, qtbot, folder, tasks=None) -> LanBatchDialog:
    dialog = LanBatchDialog(
        window.context, tasks or window.tasks, ReportOptions(sections=("cover", "summary"))
    )
    qtbot.addWidget(dialog)
    dialog.lan_combo.setCurrentIndex(dialog.lan_combo.findData(NORRBOTTEN))
    dialog.folder_edit.setText(str(folder))
    return dialog


def _whole(path) -> bool:
    if path.suffix == ".pdf":
        return len(PdfReader(str(path)).pages) > 0
    return load_workbook(path).sheetnames[0] == "Sammanfattning"


def test_the_report_page_opens_the_batch_for_the_kommuns_lan(make_window):
    window = make_window(LULEA)
    window.show_page("report")
    page = window.pages["report"]
    assert page.lan_button.text() == "Rapporter för hela länet…"
    dialog = page.open_lan_batch()
    assert dialog.lan_combo.currentData() == NORRBOTTEN
    assert "Norrbotten" in dialog.folder_edit.text()
    assert page.open_lan_batch() is dialog  # one batch dialog at a time
    dialog.close()


def test_the_batch_writes_every_kommun_with_data(make_window, qtbot, tmp_path):
    window = make_window(LULEA)
    dialog = _dialog(window, qtbot, tmp_path / "ut")
    finished = []
    dialog.batch_finished.connect(finished.append)
    dialog.start()  # synchronous task runner in tests
    result = finished[0]
    assert not dialog.running() and dialog.start_button.isEnabled()
    assert dialog.progress.value() == 100
    assert result.reported and not result.cancelled
    assert len(result.files) == 2 * len(result.reported)
    assert all(_whole(f) for f in result.files)
    assert dialog.status.text().startswith(f"{len(result.reported)} av 14 kommuner")


def test_avbryt_stops_the_batch_and_names_what_was_written(make_window, qtbot, tmp_path, capfd):
    window = make_window(LULEA)
    tasks = TaskRunner()  # a real background thread: Avbryt is pressed while it runs
    folder = tmp_path / "ut"
    dialog = _dialog(window, qtbot, folder, tasks)
    finished = []
    dialog.batch_finished.connect(finished.append)
    dialog.start()
    assert dialog.running() and dialog.cancel_button.isEnabled()
    assert not dialog.close_button.isEnabled() and not dialog.choose_button.isEnabled()
    qtbot.waitUntil(lambda: len(list(folder.glob("*"))) >= 1, timeout=60_000)
    assert dialog.status.text().startswith("Kommun ")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert tasks.wait(10_000)
    result = finished[0]
    assert result.cancelled
    written = sorted(folder.glob("*"))
    assert written == sorted(result.files)  # every file left is stated, no temporary ones
    assert 1 <= len(written) < 2 * 14
    assert all(_whole(f) for f in written)
    assert dialog.status.text().startswith("Avbrutet:")
    assert f"{len(written)} fil" in dialog.status.text() and "står kvar" in dialog.status.text()
    assert not dialog.running() and dialog.close_button.isEnabled()
    assert "Traceback" not in capfd.readouterr().err
