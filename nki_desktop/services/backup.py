"""Backups the user can see: copy the database to a chosen file, check one, restore one.

The window (Arkiv → Säkerhetskopiera databasen… / Återställ från säkerhetskopia…) and the
command line (``nki-desktop backup FILE`` / ``restore FILE``) call these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nki_desktop.storage import Store
from nki_desktop.storage.backup import BackupInfo, inspect_backup, restore_into
from nki_desktop.storage.db import DatabaseProblem


@dataclass(frozen=True)
class Restored:
    info: BackupInfo  # what the restored backup holds
    kept: Path  # the database as it was before, kept beside it


def suggested_name(today: date | None = None) -> str:
    return f"NKI Desktop säkerhetskopia {(today or date.today()).isoformat()}.sqlite"


def backup_database(store: Store, target: Path | str) -> BackupInfo:
    """Copy the committed database to ``target`` (online: the program keeps running)."""
    target = Path(target)
    if target.exists() and target.resolve() == store.path.resolve():
        raise DatabaseProblem("Välj en annan fil än själva databasen för säkerhetskopian.")
    store.backup_to(target)
    return inspect_backup(target)


def check_backup(source: Path | str) -> BackupInfo:
    """What a backup holds, after checking it is whole and ours (else DatabaseProblem)."""
    return inspect_backup(Path(source))


def restore_database(store: Store, source: Path | str) -> Restored:
    """Replace the database with a checked backup; the current one is kept beside it."""
    info, kept = restore_into(store, Path(source))
    return Restored(info, kept)


def describe(info: BackupInfo) -> str:
    """One Swedish line: what a backup holds."""
    values = f"{info.values:,}".replace(",", "\u00a0")
    imports = "1 import" if info.imports == 1 else f"{info.imports} importer"
    text = f"{imports}, {values} värden"
    if info.respondents:
        text += f", {info.respondents:,} svar".replace(",", "\u00a0")
    return text
