"""Arkiv → "Säkerhetskopiera databasen…" and "Återställ från säkerhetskopia…"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from nki_desktop.storage.db import DatabaseProblem
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from nki_desktop.storage.backup import BackupInfo

FILTER = "Säkerhetskopia (*.sqlite *.db *.bak);;Alla filer (*)"


def restore_question(info: BackupInfo, db_path: Path, parent: QWidget | None = None) -> QMessageBox:
    """The confirmation before a restore: what the backup holds, what happens to today's."""
    from nki_desktop.services import backup  # imported when first used

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Återställ från säkerhetskopia")
    box.setText(f"<b>Ersätta databasen med säkerhetskopian {info.path.name}?</b>")
    box.setInformativeText(
        f"Säkerhetskopian är kontrollerad och hel: {backup.describe(info)}.\n\n"
        f"Allt som finns i databasen nu ersätts. Den nuvarande databasen sparas först "
        f"bredvid den ({db_path.name}.before-restore-<tid>.bak), så inget går förlorat."
    )
    box.addButton("Återställ", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole))
    return box


def backup_done_box(info: BackupInfo, parent: QWidget | None = None) -> QMessageBox:
    from nki_desktop.services import backup  # imported when first used

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Säkerhetskopiera databasen")
    box.setText("<b>Säkerhetskopian är sparad och kontrollerad.</b>")
    box.setInformativeText(
        f"{info.path}\n\n{backup.describe(info)}.\n\nÅterställ den med "
        f"Arkiv → Återställ från säkerhetskopia…"
    )
    return box


class BackupActions(QObject):
    """The two menu actions and what they do; the window adds them to its Arkiv menu."""

    def __init__(self, window: QWidget, context: AppContext, tasks: TaskRunner):
        super().__init__(window)
        self.window, self.context, self.tasks = window, context, tasks
        self.action_backup = QAction("Säkerhetskopiera databasen…", window)
        self.action_backup.triggered.connect(lambda: self.backup())
        self.action_restore = QAction("Återställ från säkerhetskopia…", window)
        self.action_restore.triggered.connect(lambda: self.restore())
        self.action_restore.setEnabled(not context.store.readonly)
        self.last_box: QMessageBox | None = None  # for tests: the last message shown

    def actions(self) -> list[QAction]:
        return [self.action_backup, self.action_restore]

    def _show(self, box: QMessageBox) -> None:
        self.last_box = box  # kept alive while it shows (window-modal, not blocking)
        box.open()

    def _warn(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.window)
        self._show(box)

    def backup(self, target: str | Path | None = None) -> None:
        from nki_desktop.services import backup  # imported when first used

        store = self.context.store
        if target is None:
            start = str(store.path.parent / backup.suggested_name())
            target, _ = QFileDialog.getSaveFileName(
                self.window, "Säkerhetskopiera databasen", start, FILTER
            )
            if not target:
                return
        path = Path(target)

        def failed(message: str, _details: str) -> None:
            self._warn("Säkerhetskopiera databasen", f"Säkerhetskopian sparades inte. {message}")

        self.tasks.start(
            lambda _p, _c: backup.backup_database(store, path),
            on_done=lambda info: self._show(backup_done_box(info, self.window)),
            on_error=failed,
        )

    def restore(self, source: str | Path | None = None, confirm: bool = True) -> bool:
        from nki_desktop.services import backup  # imported when first used

        store = self.context.store
        if source is None:
            source, _ = QFileDialog.getOpenFileName(
                self.window, "Återställ från säkerhetskopia", str(store.path.parent), FILTER
            )
            if not source:
                return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = backup.check_backup(source)
        except (DatabaseProblem, OSError) as exc:
            QApplication.restoreOverrideCursor()
            self._warn("Återställ från säkerhetskopia", f"Inget ändrades. {exc}")
            return False
        QApplication.restoreOverrideCursor()
        if confirm:
            question = restore_question(info, store.path, self.window)
            question.exec()
            if question.buttonRole(question.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
                return False
        self.tasks.shutdown()  # nothing may be writing while the content is replaced
        try:
            restored = backup.restore_database(store, source)
        except (DatabaseProblem, OSError) as exc:
            self._warn("Återställ från säkerhetskopia", str(exc))
            return False
        self.context.notify_data_changed()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Återställ från säkerhetskopia",
            f"Databasen är återställd ({backup.describe(restored.info)}).\n\n"
            f"Den tidigare databasen finns kvar som {restored.kept}.",
            parent=self.window,
        )
        self._show(box)
        return True
