"""Print preview, quitting with work running, backups from the menu, one window per database."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nki_desktop.services import backup
from nki_desktop.services.sample import remove_sample
from nki_desktop.storage import Store
from nki_desktop.ui.db_lock import DatabaseLock, already_open_box
from nki_desktop.ui.dialogs.backup import backup_done_box, restore_question
from nki_desktop.ui.tasks import TaskRunner

OREBRO = "1880"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = os.environ.get("NKI_SHOTS_DIR")  # screenshots kept here when set


def _shot(window: QWidget, box: QWidget, name: str) -> QPixmap:
    """The window at 1366×768 with the dialog drawn over its middle, as a user sees it."""
    box.adjustSize()
    back = window.grab()
    front = box.grab()
    painter = QPainter(back)
    painter.fillRect(back.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap(
        (back.width() - front.width()) // 2, (back.height() - front.height()) // 2, front
    )
    painter.end()
    if SHOTS:
        back.save(str(Path(SHOTS) / name))
    return back


def test_print_preview_opens_and_closes(qtbot, make_window, sample_store):
    window = make_window(OREBRO)
    page = window.pages["report"]
    assert page.data is not None
    seen: dict = {}

    def close_preview() -> None:
        dialog = page.preview_dialog
        seen["open"] = dialog is not None and dialog.isVisible()
        if dialog is not None:
            seen["image"] = dialog.grab()
            dialog.reject()

    QTimer.singleShot(500, close_preview)
    page.preview()  # segmentation fault here while the printer was a temporary
    assert seen["open"] and not seen["image"].isNull()
    assert page.preview_dialog is None
    assert page._preview_printer.pageLayout().pageSize().id() is not None  # still alive


def test_quitting_with_a_task_running_cancels_it_silently(qtbot, make_window, sample_store):
    window = make_window(OREBRO)
    window.tasks = runner = TaskRunner()  # a real thread pool
    started = threading.Event()
    outcome: list[str] = []

    def slow(progress, cancel):
        started.set()
        for i in range(2000):
            progress(i // 20, "arbetar")
            time.sleep(0.005)
        return "klar"

    runner.start(slow, on_done=lambda r: outcome.append(r), on_error=lambda m, d: outcome.append(m))
    assert started.wait(10)
    window.close()
    assert runner.running() == 0 and runner.wait(5000)
    QApplication.processEvents()
    assert outcome == []  # cancelled: no result, no error


QUIT_SCRIPT = r"""
import sys, threading, time
from PySide6.QtCore import QTimer
from nki_desktop.app import build_window, create_application
from nki_desktop.storage import Store
from nki_desktop.ui.settings import Settings
app = create_application()
store = Store.open(sys.argv[1])
window = build_window(store, Settings(sys.argv[1] + ".ini"))
window.show()
def slow(progress, cancel):
    for i in range(4000):
        progress(i // 40, "arbetar")
        time.sleep(0.002)
for _ in range(3):
    window.tasks.start(slow)
QTimer.singleShot(400, window.close)
code = app.exec()
window.tasks.shutdown()
store.close()
print("slut", code)
"""


def test_quitting_the_program_with_tasks_running_prints_nothing(tmp_path):
    # before: "RuntimeError: Signal source has been deleted" from each task at exit
    run = subprocess.run(
        [sys.executable, "-c", QUIT_SCRIPT, str(tmp_path / "q.sqlite")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0 and "slut 0" in run.stdout
    assert "Error" not in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_backup_and_restore_from_the_menu(qtbot, make_window, sample_store, tmp_path):
    window = make_window(OREBRO)
    actions = window.backups
    assert [a.text() for a in actions.actions()] == [
        "Säkerhetskopiera databasen…",
        "Återställ från säkerhetskopia…",
    ]
    assert all(a in window.menu_file.actions() for a in actions.actions())
    target = tmp_path / "kopia.sqlite"
    actions.backup(target)
    assert target.is_file() and "sparad och kontrollerad" in actions.last_box.text()
    _shot(window, actions.last_box, "backup-klar.png")
    values = sample_store.respondent_count(), len(sample_store.values(year=2023))
    remove_sample(sample_store)
    window.context.notify_data_changed()
    assert sample_store.values(year=2023) == []
    info = backup.check_backup(target)
    question = restore_question(info, sample_store.path, window)
    assert "Ersätta databasen" in question.text()
    _shot(window, question, "aterstall-fraga.png")
    assert actions.restore(target, confirm=False)
    assert (sample_store.respondent_count(), len(sample_store.values(year=2023))) == values
    assert "återställd" in actions.last_box.text()
    kept = list(tmp_path.glob("test.sqlite.before-restore-*.bak"))
    assert len(kept) == 1
    assert backup.check_backup(kept[0]).values == 0  # today's (emptied) database, kept


def test_restore_refuses_a_damaged_backup(qtbot, make_window, sample_store, tmp_path):
    window = make_window(OREBRO)
    bad = tmp_path / "trasig.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    before = len(sample_store.values(year=2023))
    assert not window.backups.restore(bad, confirm=False)
    assert "Inget ändrades" in window.backups.last_box.text()
    assert len(sample_store.values(year=2023)) == before


def test_a_second_window_on_the_same_database_is_told_so(qtbot, make_window, store):
    first = DatabaseLock(store.path)
    second = DatabaseLock(store.path)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert str(os.getpid()) in second.owner()
        box = already_open_box(store.path, second.owner())
        qtbot.addWidget(box)
        labels = [b.text() for b in box.buttons()]
        assert "Öppna skrivskyddad" in labels and "Avsluta" in labels
        assert "redan öppen" in box.text()
        _shot(make_window(OREBRO), box, "redan-oppen.png")
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_a_read_only_window_shows_it_and_offers_no_writes(qtbot, sample_store, tmp_path):
    from nki_desktop.app import build_window
    from nki_desktop.ui.settings import Settings

    sample_store.close()
    readonly = Store.open(sample_store.path, readonly=True)
    window = build_window(readonly, Settings(tmp_path / "s.ini"), synchronous_tasks=True)
    qtbot.addWidget(window)
    assert "skrivskyddad" in window.windowTitle()
    assert not window.action_sample.isEnabled() and not window.backups.action_restore.isEnabled()
    assert window.backups.action_backup.isEnabled()
    readonly.close()


def test_message_boxes_are_swedish(qtbot):
    box = backup_done_box(backup.BackupInfo(Path("/tmp/k.sqlite"), 3, 2, 1000, 0))
    qtbot.addWidget(box)
    assert "1\u00a0000 värden" in box.informativeText()
    assert isinstance(box, QMessageBox)
