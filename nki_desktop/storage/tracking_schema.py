"""Tables of schema v10: actions (åtgärder) and notes (anteckningar).

Rows are never deleted by the user's "Ta bort": ``deleted_at`` is set, and the
Papperskorg restores by clearing it. Areas and factors of an action are JSON lists of keys.
"""

from __future__ import annotations

import sqlite3

ACTIONS_SQL = (
    "CREATE TABLE actions (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, title TEXT NOT NULL, "
    "description TEXT NOT NULL DEFAULT '', areas TEXT NOT NULL DEFAULT '[]', "
    "factors TEXT NOT NULL DEFAULT '[]', owner TEXT NOT NULL DEFAULT '', "
    "status TEXT NOT NULL DEFAULT 'planerad', decided TEXT, done TEXT, "
    "expected_effect TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, "
    "changed_at TEXT NOT NULL, deleted_at TEXT)"
)
NOTES_SQL = (
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, date TEXT NOT NULL, "
    "year INTEGER, area TEXT, factor TEXT, text TEXT NOT NULL, created_at TEXT NOT NULL, "
    "changed_at TEXT NOT NULL, deleted_at TEXT)"
)


def create_tracking_tables(conn: sqlite3.Connection) -> None:
    conn.execute(ACTIONS_SQL)
    conn.execute("CREATE INDEX idx_actions_unit ON actions(unit, deleted_at)")
    conn.execute(NOTES_SQL)
    conn.execute("CREATE INDEX idx_notes_unit ON notes(unit, deleted_at)")
