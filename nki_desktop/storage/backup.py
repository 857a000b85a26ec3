"""Backups the user asks for: what a backup file holds, and putting one back.

A backup is checked before anything is replaced: SQLite's ``integrity_check`` must say "ok"
and the file must be one of ours (our tables, a schema version this program knows).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nki_desktop.storage.db import DatabaseProblem, check_file, connect, problem
from nki_desktop.storage.opening import identify, open_checked
from nki_desktop.storage.repository import Store


@dataclass(frozen=True)
class BackupInfo:
    """What a database or backup file holds."""

    path: Path
    version: int
    imports: int
    values: int
    respondents: int


def inspect_backup(path: Path) -> BackupInfo:
    """Check a backup file (whole, ours, not newer); DatabaseProblem says what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseProblem(f"Säkerhetskopian {path} finns inte.")
    if check_file(path):
        raise DatabaseProblem(f"{path} är tom och är ingen säkerhetskopia. Inget ändrades.")
    try:
        conn = connect(path, readonly=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise DatabaseProblem(
                    f"Säkerhetskopian {path} är skadad (integrity_check: "
                    f"{verdict}). Inget ändrades."
                )
            version = identify(conn, path)
            if version == 0:
                raise DatabaseProblem(
                    f"{path} är en tom databas, ingen säkerhetskopia. Inget ändrades."
                )
            counts = conn.execute(
                "SELECT (SELECT COUNT(*) FROM imports), (SELECT COUNT(*) FROM observations), "
                "(SELECT COUNT(*) FROM sqlite_master WHERE name = 'respondents')"
            ).fetchone()
            respondents = 0
            if counts[2]:
                respondents = conn.execute("SELECT COUNT(*) FROM respondents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise problem(exc, path) from exc
    return BackupInfo(path, version, int(counts[0]), int(counts[1]), int(respondents))


def restore_into(store: Store, source: Path) -> tuple[BackupInfo, Path]:
    """Replace the store's content with a checked backup; returns (what it held, kept copy).

    The current database is first copied beside itself (``<name>.before-restore-<time>.bak``);
    then the backup is copied into the open database through SQLite's backup API, one
    transaction, so readers see the old or the new content, never a mix. A backup from an
    older version is upgraded as any old file would be.
    """
    info = inspect_backup(source)
    if Path(source).resolve() == store.path.resolve():
        raise DatabaseProblem("Säkerhetskopian är den databas som redan är öppen. Inget ändrades.")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = store.backup_to(store.path.with_name(f"{store.path.name}.before-restore-{stamp}.bak"))
    try:
        src = connect(source, readonly=True)
        try:
            with store.writer() as dest:
                src.backup(dest)
        finally:
            src.close()
        open_checked(store.path, store.catalogue)  # upgrade and seed an older backup
    except sqlite3.Error as exc:
        raise problem(exc, store.path) from exc
    return info, kept
