"""Schema versions: an ordered list of steps; ``PRAGMA user_version`` says how far a file is.

Before migrating an existing file, a checked copy is written beside it
(``nki.sqlite.v1-<time>.bak``, through SQLite's backup API, renamed into place when whole).
Add a step at the end; never edit a released step.
"""

from __future__ import annotations

import json
import re
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
        {"key": str, "kind": str, "name": str, "lan_code": str, "members": str}, pk="key"
    )
    db.table("imports").create(
        {
            "id": int,
            "file_name": str,
            "sha256": str,
            "kind": str,
            "publication": str,
            "description": str,
            "imported_at": str,
            "sheets": str,
            "rows_stored": int,
            "rows_skipped": int,
            "years": str,
            "notes": str,
        },
        pk="id",
    )
    db.table("imports").create_index(["sha256"], unique=True)
    db.table("observations").create(
        {
            "id": int,
            "import_id": int,
            "year": int,
            "unit": str,
            "area": str,
            "factor": str,
            "grp": str,
            "value": float,
            "n": int,
            "rank": int,
            "rank_of": int,
            "ci_low": float,
            "ci_high": float,
            "missing": str,
            "sheet": str,
            "row": int,
            "col": str,
        },
        pk="id",
        foreign_keys=[("import_id", "imports", "id"), ("unit", "units", "key")],
    )
    # sqlite-utils cannot declare ON DELETE CASCADE; undo deletes children explicitly.
    db.table("observations").create_index(
        ["import_id", "year", "unit", "area", "factor", "grp"], unique=True
    )
    db.table("observations").create_index(["year", "area", "factor", "grp"])
    db.table("observations").create_index(["unit", "area", "factor", "grp", "year"])


def _v2(db: sqlite_utils.Database) -> None:
    db.table("respondents").create(
        {
            "id": int,
            "import_id": int,
            "year": int,
            "unit": str,
            "area": str,
            "grp": str,
            "q1": float,
            "q2": float,
            "q3": float,
            "information": float,
            "tillganglighet": float,
            "bemotande": float,
            "kompetens": float,
            "rattssakerhet": float,
            "effektivitet": float,
            "background": str,
            "sheet": str,
            "row": int,
        },
        pk="id",
        foreign_keys=[("import_id", "imports", "id")],
    )
    db.table("respondents").create_index(["import_id"])
    db.table("respondents").create_index(["year", "area", "grp"])
    db.table("column_mappings").create(
        {"signature": str, "kind": str, "mapping": str, "updated_at": str}, pk="signature"
    )


def _v3(db: sqlite_utils.Database) -> None:
    # "These kommuner in one year" (Översikt, Jämför): without it SQLite scans the whole year
    # through the (year, area, factor, grp) index. An index on (grp, year) was tried and
    # dropped: without ANALYZE the planner prefers it for unit queries, ten times slower.
    db.table("observations").create_index(
        ["unit", "year", "grp"], if_not_exists=True, index_name="idx_observations_unit_year_grp"
    )


def _v4(db: sqlite_utils.Database) -> None:
    """Kolada's svarsfrekvens key figures: the response rate (per cent) of the value beside it."""
    db.execute("ALTER TABLE observations ADD COLUMN response_rate FLOAT")


_SCALE_IN_TEXT = re.compile(r"faktorskala (\d+(?:[.,]\d+)?)–(\d+(?:[.,]\d+)?)")


def _v5(db: sqlite_utils.Database) -> None:
    """Typed import settings (JSON) beside each import; one stored column-mapping format."""
    conn = db.conn
    conn.execute("ALTER TABLE imports ADD COLUMN settings TEXT")
    # Respondent imports recorded their factor scale and NKI rule only in the description.
    rows = conn.execute("SELECT id, description FROM imports WHERE kind = 'respondent'")
    for import_id, description in rows.fetchall():
        settings: dict[str, object] = {
            "nki_rule": "two" if "minst två av tre" in (description or "") else "all"
        }
        match = _SCALE_IN_TEXT.search(description or "")
        if match:
            settings["factor_scale"] = [float(g.replace(",", ".")) for g in match.groups()]
        conn.execute(
            "UPDATE imports SET settings = ? WHERE id = ?", (json.dumps(settings), import_id)
        )
    # Respondent mappings were stored as a bare {column: target}; every other importer's as
    # {"columns": {...}, "sheet": ..., "header_row": ...}. One format from now on.
    for signature, text in conn.execute(
        "SELECT signature, mapping FROM column_mappings"
    ).fetchall():
        data = json.loads(text)
        if isinstance(data, dict) and "columns" not in data:
            conn.execute(
                "UPDATE column_mappings SET mapping = ? WHERE signature = ?",
                (
                    json.dumps(
                        {"columns": data, "sheet": None, "header_row": None}, ensure_ascii=False
                    ),
                    signature,
                ),
            )


def _v6(db: sqlite_utils.Database) -> None:
    """Placeholder, left empty: goals came as v9."""


def _v7(db: sqlite_utils.Database) -> None:
    """Placeholder: actions and notes (h14b)."""


def _v8(db: sqlite_utils.Database) -> None:
    """Respondents' answer dates; companies' comments (masked free text) with the user's pick
    for the report, deleted with their import by a trigger (no foreign keys: undo deletes the
    respondent rows before the import)."""
    conn = db.conn
    conn.execute("ALTER TABLE respondents ADD COLUMN answered TEXT")
    conn.execute(
        "CREATE TABLE comments (id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL, "
        "respondent_id INTEGER, "
        "row INTEGER, col TEXT, text TEXT NOT NULL, maskings INTEGER NOT NULL DEFAULT 0, "
        "picked INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, changed_at TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX idx_comments_import ON comments(import_id)")
    conn.execute("CREATE INDEX idx_comments_respondent ON comments(respondent_id)")
    conn.execute(
        "CREATE TRIGGER comments_with_import AFTER DELETE ON imports BEGIN "
        "DELETE FROM comments WHERE import_id = OLD.id; END"
    )


def _v9(db: sqlite_utils.Database) -> None:
    """Goals (mål) per kommun, area, factor and group; soft-deleted (``deleted_at``) so a
    removal can be undone."""
    db.conn.execute(
        "CREATE TABLE goals (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, area TEXT NOT NULL, "
        "factor TEXT NOT NULL, grp TEXT NOT NULL, kind TEXT NOT NULL, target REAL, "
        "direction TEXT, rank INTEGER, from_year INTEGER, source TEXT NOT NULL DEFAULT '', "
        "created_at TEXT NOT NULL, changed_at TEXT NOT NULL, deleted_at TEXT)"
    )
    db.conn.execute("CREATE INDEX idx_goals_unit ON goals(unit, grp)")


def _v10(db: sqlite_utils.Database) -> None:
    """Actions and notes (the municipality's own follow-up), soft-deleted (the Papperskorg)."""
    from nki_desktop.storage.tracking_schema import create_tracking_tables

    create_tracking_tables(db.conn)


def _v11(db: sqlite_utils.Database) -> None:
    """One unit index instead of two (issue 17: each index costs an import about 1,5 ms
    per 3 000 values). ``(unit, year, area, factor, grp)`` serves "these kommuner in one
    year" with both columns sought (the two it replaces gave unit alone) and a kommun's
    trend by unit, filtered in the index."""
    conn = db.conn
    conn.execute("DROP INDEX IF EXISTS idx_observations_unit_area_factor_grp_year")
    conn.execute("DROP INDEX IF EXISTS idx_observations_unit_year_grp")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_observations_unit_year_area_factor_grp "
        "ON observations (unit, year, area, factor, grp)"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
    _v10,
    _v11,
]
LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | None, target: int = LATEST) -> Path | None:
    """Bring the database to ``target``; returns the backup file written, if any.

    All steps run in one write transaction: the caller's, if it holds one (see
    ``storage.opening.prepare``), else one taken here. The version is read inside it, so a
    second process finds the work done. The backup of an existing file is taken before any
    step, through a separate reading connection (the last committed state).
    """
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)
        if current > LATEST:
            raise RuntimeError(
                f"Databasen har schemaversion {current}, men programmet känner bara till "
                f"{LATEST}. Uppdatera NKI Desktop."
            )
        backup: Path | None = None
        if current < target:
            if path is not None and current > 0:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                backup = backup_copy(path, path.with_name(f"{path.name}.v{current}-{stamp}.bak"))
            import sqlite_utils

            db = sqlite_utils.Database(conn)
            for version in range(current, target):
                MIGRATIONS[version](db)
                conn.execute(f"PRAGMA user_version = {version + 1}")
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    return backup
