"""Indexes for the screens' reads, kept apart so the lead can fold them into a migration.

``observations(unit, year, grp)`` serves "these kommuner in one year" (Jämför, Översikt):
without it SQLite scans the whole year through the (year, area, factor, grp) index.
(An index on (grp, year) was tried and dropped: without ANALYZE the planner then prefers it
for unit queries and they become ten times slower. Store.years() uses a skip-scan instead.)
Both are ``IF NOT EXISTS`` and safe to run on every open until a migration step adds them.
"""

from __future__ import annotations

import sqlite3

READ_INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS idx_observations_unit_year_grp "
    "ON observations(unit, year, grp)",
)


def add_read_indexes(conn: sqlite3.Connection) -> None:
    """Create the read indexes if missing (one short transaction)."""
    with conn:
        for sql in READ_INDEXES:
            conn.execute(sql)
