"""Opening the database file: pragmas, and a backup copy before a migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with WAL, foreign keys and row access by name.

    ``check_same_thread=False`` because background tasks write through the one Store,
    which serialises writes with its own lock.
    """
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -32768")  # 32 MB: large imports keep indexes in memory
    return conn


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the whole database (WAL included) to target through SQLite's backup API."""
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target
