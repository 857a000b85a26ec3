"""What happens when a database file is opened: is it ours, and does it need anything?

A file of the current version is only read. A new file, or one of ours from an older
version, is prepared once, under SQLite's write lock (``BEGIN IMMEDIATE``), after looking
again inside the lock, so two processes opening a new file at once never race: the first
creates the schema, the second finds it done. Another program's SQLite file is refused.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from nki_desktop.atomic import reason_of
from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.storage.db import DatabaseProblem, check_file, connect, problem
from nki_desktop.storage.migrations import LATEST, migrate, schema_version

OUR_TABLES = frozenset({"meta", "units", "imports", "observations"})


def identify(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of a file of ours (0: empty); DatabaseProblem for any other file."""
    version = schema_version(conn)
    if version > LATEST:
        raise DatabaseProblem(
            f"Databasen {path} har schemaversion {version}, men programmet känner bara till "
            f"{LATEST}. Den kommer från en nyare NKI Desktop. Uppdatera NKI Desktop. Filen "
            f"ändrades inte."
        )
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if (version == 0 and tables) or (version > 0 and not OUR_TABLES <= tables):
        raise DatabaseProblem(
            f"{path} är en SQLite-databas från ett annat program, inte en NKI "
            f"Desktop-databas. Den öppnas inte och ändrades inte. Välj en annan fil (eller ett "
            f"nytt filnamn, så skapas en ny databas)."
        )
    return version


def needs_seed(conn: sqlite3.Connection, catalogue: Catalogue) -> bool:
    """True when a kommun of the catalogue (or Riket) is missing from the units table."""
    known = {r[0] for r in conn.execute("SELECT key FROM units WHERE kind != 'joint'")}
    return RIKET not in known or any(k.code not in known for k in catalogue.kommuner)


def seed_units(conn: sqlite3.Connection, catalogue: Catalogue) -> None:
    rows = [(k.code, "kommun", k.name, k.lan_code, "") for k in catalogue.kommuner]
    rows.append((RIKET, "riket", "Riket", "", ""))
    conn.executemany(
        "INSERT OR IGNORE INTO units(key, kind, name, lan_code, members) VALUES (?,?,?,?,?)", rows
    )


def open_checked(path: Path, catalogue: Catalogue) -> Path | None:
    """Check the file and prepare it if it must be; returns the pre-migration backup, if any.

    Nothing is written to a file of ours that is already current.
    """
    try:
        if check_file(path):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseProblem(
                    f"Mappen för databasen {path} kan inte skapas: {reason_of(exc)}."
                ) from exc
            return prepare(path, catalogue)
        conn = connect(path, readonly=True)
        try:
            must = identify(conn, path) < LATEST or needs_seed(conn, catalogue)
        finally:
            conn.close()
        return prepare(path, catalogue) if must else None
    except sqlite3.Error as exc:
        raise problem(exc, path) from exc
    except PermissionError as exc:
        raise DatabaseProblem(f"Databasen {path} gick inte att läsa: {reason_of(exc)}.") from exc


def _wal(conn: sqlite3.Connection, seconds: float = 60.0) -> None:
    """Switch the file to WAL. SQLite answers a journal-mode change that meets another
    process's lock with "database is locked" at once, without its busy handler (two first
    opens of a new file race here), so the switch is retried for a while."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def prepare(path: Path, catalogue: Catalogue) -> Path | None:
    """Create, migrate and seed under the write lock, once (see the module's docstring)."""
    conn = connect(path)
    try:
        _wal(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = identify(conn, path)  # again: another process may have done it
            backup = migrate(conn, path)
            if version < LATEST or needs_seed(conn, catalogue):
                seed_units(conn, catalogue)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return backup
    except OSError as exc:  # the backup before a migration could not be written
        raise DatabaseProblem(
            f"Databasen {path} uppgraderades inte: säkerhetskopian före uppgraderingen "
            f"kunde inte skrivas ({exc}). Databasen är oförändrad."
        ) from exc
    finally:
        conn.close()
