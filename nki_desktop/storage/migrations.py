"""Schema versions: an ordered list of steps; ``PRAGMA user_version`` says how far a file is.

Before migrating an existing file, a copy is written beside it (``nki.sqlite.v1.bak``).
Add a step at the end; never edit a released step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from nki_desktop.storage.db import backup_copy

if TYPE_CHECKING:  # imported in migrate(): opening an up-to-date file needs none of it
    import sqlite_utils


def _v1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("units").create(
        {"key": str, "kind": str, "name": str, "lan_code": str, "members": str}, pk="key")
    db.table("imports").create({
        "id": int, "file_name": str, "sha256": str, "kind": str, "publication": str,
        "description": str, "imported_at": str, "sheets": str, "rows_stored": int,
        "rows_skipped": int, "years": str, "notes": str,
    }, pk="id")
    db.table("imports").create_index(["sha256"], unique=True)
    db.table("observations").create({
        "id": int, "import_id": int, "year": int, "unit": str, "area": str, "factor": str,
        "grp": str, "value": float, "n": int, "rank": int, "rank_of": int, "ci_low": float,
        "ci_high": float, "missing": str, "sheet": str, "row": int, "col": str,
    }, pk="id", foreign_keys=[("import_id", "imports", "id"), ("unit", "units", "key")])
    # sqlite-utils cannot declare ON DELETE CASCADE; undo deletes children explicitly.
    db.table("observations").create_index(["import_id", "year", "unit", "area", "factor", "grp"],
                                    unique=True)
    db.table("observations").create_index(["year", "area", "factor", "grp"])
    db.table("observations").create_index(["unit", "area", "factor", "grp", "year"])


def _v2(db: sqlite_utils.Database) -> None:
    db.table("respondents").create({
        "id": int, "import_id": int, "year": int, "unit": str, "area": str, "grp": str,
        "q1": float, "q2": float, "q3": float, "information": float, "tillganglighet": float,
        "bemotande": float, "kompetens": float, "rattssakerhet": float, "effektivitet": float,
        "background": str, "sheet": str, "row": int,
    }, pk="id", foreign_keys=[("import_id", "imports", "id")])
    db.table("respondents").create_index(["import_id"])
    db.table("respondents").create_index(["year", "area", "grp"])
    db.table("column_mappings").create({"signature": str, "kind": str, "mapping": str,
                                  "updated_at": str}, pk="signature")


def _v3(db: sqlite_utils.Database) -> None:
    # "These kommuner in one year" (Översikt, Jämför): without it SQLite scans the whole year
    # through the (year, area, factor, grp) index. An index on (grp, year) was tried and
    # dropped: without ANALYZE the planner prefers it for unit queries, ten times slower.
    db.table("observations").create_index(["unit", "year", "grp"], if_not_exists=True,
                                          index_name="idx_observations_unit_year_grp")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2, _v3]
LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | None, target: int = LATEST) -> Path | None:
    """Bring the database to ``target``; returns the backup file written, if any."""
    current = schema_version(conn)
    if current > LATEST:
        raise RuntimeError(
            f"Databasen har schemaversion {current}, men programmet känner bara till "
            f"{LATEST}. Uppdatera NKI Desktop.")
    if current >= target:
        return None
    backup: Path | None = None
    if path is not None and current > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_copy(conn, path.with_name(f"{path.name}.v{current}-{stamp}.bak"))
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    for version in range(current, target):
        conn.execute("BEGIN")
        try:
            MIGRATIONS[version](db)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return backup
