"""Cells that two or more imports give with different values (read-only SQL)."""

from __future__ import annotations

from nki_desktop.storage.repository import Store


def conflicting_cells(store: Store, limit: int = 500) -> list[tuple[int, str, str, str, str]]:
    """(year, unit, area, factor, group) of cells whose sources disagree, at most ``limit``."""
    rows = store.conn.execute(
        "SELECT year, unit, area, factor, grp FROM observations "
        "GROUP BY year, unit, area, factor, grp "
        "HAVING COUNT(DISTINCT import_id) > 1 AND COUNT(DISTINCT COALESCE(value, missing)) > 1 "
        "ORDER BY year, unit, area, factor, grp LIMIT ?", (limit,)).fetchall()
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
