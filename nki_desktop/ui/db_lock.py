"""One window per database: a lock file beside it (``nki.sqlite.lock``, QLockFile).

A second window on the same file is told so and may open it read-only. A lock left by a
program that crashed is recognised by its process id and taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget


class DatabaseLock:
    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age

    def acquire(self) -> bool:
        """True when this window holds the lock (or the folder cannot hold one at all)."""
        if self._lock.tryLock(0):
            return True
        return self._lock.error() == QLockFile.LockError.PermissionError  # read-only folder

    def owner(self) -> str:
        info = self._lock.getLockInfo()  # PySide6: (pid, host, app); some versions add ok first
        if isinstance(info, tuple) and len(info) >= 3 and info[-3]:
            pid, host, app = info[-3:]
            return f"{app or 'NKI Desktop'} (process {pid} på {host})"
        return "ett annat program"

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def already_open_box(db_path: Path, owner: str, parent: QWidget | None = None) -> QMessageBox:
    """ "The database is already open": open it read-only, or quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Databasen används redan")
    box.setText("<b>Databasen är redan öppen i ett annat fönster.</b>")
    box.setInformativeText(
        f"{db_path}\n\nDen används av {owner}. Om två fönster ändrar samma databas samtidigt "
        f"kan det ena skriva över det andra.\n\nDu kan öppna den skrivskyddad: du ser allt, "
        f"men kan inte importera, ångra importer eller ladda exempeldata förrän det andra "
        f"fönstret är stängt."
    )
    box.addButton("Öppna skrivskyddad", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton("Avsluta", QMessageBox.ButtonRole.RejectRole))
    return box


def ask_open_readonly(db_path: Path, owner: str) -> bool:
    box = already_open_box(db_path, owner)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
