"""Opening the database file: checks before SQLite sees it, connections, pragmas, copies.

Nothing here writes to a file unless asked to: a reading connection never changes the
journal mode, and a file that is not an SQLite database (or is truncated, or a folder) is
refused with a Swedish message before SQLite could touch it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from nki_desktop.atomic import atomic_target
from nki_desktop.domain.errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0  # a command waits this long for another process's write to finish


class DatabaseProblem(UserError, RuntimeError):
    """A database that cannot be used as asked; the message says why and what to do."""


class ReadOnlyDatabase(DatabaseProblem):
    """A write was asked of a database opened for reading only."""


def check_file(path: Path) -> bool:
    """Refuse what is not a usable database file; True when the file is new (absent or empty)."""
    if path.is_dir():
        raise DatabaseProblem(
            f"{path} är en mapp, inte en databasfil. Ange en fil, till "
            f"exempel {path / 'nki.sqlite'}."
        )
    if not path.exists():
        if path.parent.exists() and not path.parent.is_dir():
            raise DatabaseProblem(
                f"{path.parent} är ingen mapp; databasen {path.name} kan inte skapas där."
            )
        return True
    size = path.stat().st_size
    if size == 0:
        return True
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DatabaseProblem(
            f"{path} är ingen NKI Desktop-databas (filen är inte en "
            f"SQLite-databas, eller så är början av den skadad). Inget "
            f"ändrades. Välj en annan fil eller återställ från en "
            f"säkerhetskopia."
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size_valid = header[24:28] == header[92:96]  # the header's page count is trustworthy
    wal = path.with_name(path.name + "-wal")
    if (
        size_valid
        and pages
        and pages * page_size > size
        and not (wal.exists() and wal.stat().st_size > 0)
    ):
        raise DatabaseProblem(
            f"Databasfilen {path} är avkortad ({size:,} av "
            f"{pages * page_size:,} byte) och går inte att använda. Inget "
            f"ändrades. Återställ från en säkerhetskopia "
            f"(Arkiv → Återställ från säkerhetskopia…).".replace(",", "\u00a0")
        )
    return False


def connect(
    path: Path | str, *, readonly: bool = False, timeout: float = BUSY_TIMEOUT_S
) -> sqlite3.Connection:
    """A connection with foreign keys and row access by name; no pragma that writes.

    ``readonly`` opens with ``mode=ro`` (works on read-only files and folders too).
    ``check_same_thread=False`` only so that :meth:`Store.close` can close every thread's
    connection; each connection is used by one thread.
    """
    text = str(path)
    if text == ":memory:":
        conn = sqlite3.connect(text, check_same_thread=False, isolation_level=None)
    else:
        mode = "ro" if readonly else "rwc"
        uri = f"file:{quote(str(Path(text).absolute()))}?mode={mode}"
        try:
            conn = sqlite3.connect(
                uri, uri=True, check_same_thread=False, isolation_level=None, timeout=timeout
            )
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            if not (readonly and Path(text).is_file() and not writable(Path(text))):
                raise
            # A WAL file on read-only media without its -shm: nobody can be writing it.
            conn = sqlite3.connect(
                uri + "&immutable=1",
                uri=True,
                check_same_thread=False,
                isolation_level=None,
                timeout=timeout,
            )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -32768")  # 32 MB: large imports keep indexes in memory
    return conn


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def backup_copy(source: Path | str | sqlite3.Connection, target: Path) -> Path:
    """Copy a whole database (its WAL included) to ``target`` through SQLite's backup API.

    The copy is written under a temporary name beside the target, checked with
    ``integrity_check`` and renamed into place only when whole, so an interrupted copy
    never leaves a file that looks like a backup.
    """
    own = not isinstance(source, sqlite3.Connection)
    src = source if isinstance(source, sqlite3.Connection) else connect(source, readonly=True)
    try:
        with atomic_target(target) as tmp:
            tmp.unlink()  # SQLite creates the file itself
            dest = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dest.close()
            if verdict != "ok":
                raise DatabaseProblem(f"Kopian {target} blev inte hel ({verdict}).")
    except sqlite3.OperationalError as exc:
        code = errno.ENOSPC if "full" in str(exc) else errno.EIO
        raise OSError(code, os.strerror(code), str(target)) from exc
    finally:
        if own:
            src.close()
    return target


def problem(exc: sqlite3.Error, path: Path | str) -> DatabaseProblem:
    """An SQLite error as a Swedish message naming the file and what to do."""
    text = str(exc).lower()
    if isinstance(exc, DatabaseProblem):
        return exc
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseProblem(
            f"Databasfilen {path} är skadad ({exc}). Inget ändrades. "
            f"Återställ från en säkerhetskopia (Arkiv → Återställ från "
            f"säkerhetskopia…) eller välj en annan fil."
        )
    if (
        "readonly" in text
        or "read-only" in text
        or ("unable to open" in text and Path(path).is_file() and not writable(Path(path)))
    ):
        return ReadOnlyDatabase(
            f"Databasen {path} är skrivskyddad (filen eller mappen går "
            f"inte att skriva i). Att läsa går bra; för att importera "
            f"eller ändra behövs skrivrätt, eller kopiera filen till en "
            f"mapp där du får skriva."
        )
    if "locked" in text or "busy" in text:
        return DatabaseProblem(
            f"Databasen {path} används av ett annat program som skriver i "
            f"den just nu (till exempel en import i ett annat fönster). "
            f"Försök igen när det är klart. Inget ändrades."
        )
    if "full" in text:
        return DatabaseProblem(
            f"Disken är full: {path} kunde inte skrivas. Inget ändrades. "
            f"Frigör utrymme och försök igen."
        )
    if "unable to open" in text:
        return DatabaseProblem(
            f"Databasen {path} gick inte att öppna. Finns mappen, och får du läsa och skriva i den?"
        )
    if "i/o" in text:
        return DatabaseProblem(
            f"Läs- eller skrivfel på disken för {path} ({exc}). Inget "
            f"ändrades. Kontrollera disken eller välj en annan plats."
        )
    return DatabaseProblem(f"Databasfel i {path}: {exc}")
