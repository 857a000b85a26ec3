"""Cells that two or more imports give with different values (read-only SQL)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from nki_desktop.domain.records import StoredValue
from nki_desktop.storage.repository import Store
from nki_desktop.storage.rows import stored_value


def conflicting_cells(store: Store, limit: int = 500) -> list[tuple[int, str, str, str, str]]:
    """(year, unit, area, factor, group) of cells whose sources disagree, at most ``limit``."""
    rows = store.conn.execute(
        "SELECT year, unit, area, factor, grp FROM observations "
        "GROUP BY year, unit, area, factor, grp "
        "HAVING COUNT(DISTINCT import_id) > 1 AND COUNT(DISTINCT COALESCE(value, missing)) > 1 "
        "ORDER BY year, unit, area, factor, grp LIMIT ?",
        (limit,),
    ).fetchall()
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


_GIVEN_CELLS = (
    "WITH b AS (SELECT json_extract(j.value, '$[0]') AS year, "
    "json_extract(j.value, '$[1]') AS unit, json_extract(j.value, '$[2]') AS area, "
    "json_extract(j.value, '$[3]') AS factor, json_extract(j.value, '$[4]') AS grp, "
    "json_extract(j.value, '$[5]') AS given FROM json_each(?) j) "
)
_DIFFERING = (
    "FROM b CROSS JOIN observations o ON o.unit = b.unit AND o.area = b.area "
    "AND o.factor = b.factor AND o.grp = b.grp AND o.year = b.year "
    "JOIN imports i ON i.id = o.import_id "
    "WHERE o.value IS NOT NULL AND abs(o.value - b.given) > 1e-9"
)


def differing_values(
    store: Store, cells: Sequence[tuple[int, str, str, str, str, float]]
) -> list[tuple[float, StoredValue]]:
    """Stored values (from any import) for the given cells (year, unit, area, factor, group,
    value) that differ from the given value: (given value, stored value) pairs.

    One read: the cells travel as one JSON parameter and are joined through the
    (unit, year, area, factor, grp) index, instead of loading every stored value of the
    file's years and units into Python.
    """
    if not cells:
        return []
    rows = store.conn.execute(
        _GIVEN_CELLS + "SELECT o.*, i.file_name AS source, i.publication, i.imported_at, "
        "b.given " + _DIFFERING,
        (json.dumps(list(cells), ensure_ascii=False),),
    ).fetchall()
    return [(float(r["given"]), stored_value(r)) for r in rows]


def count_differing(store: Store, cells: Sequence[tuple[int, str, str, str, str, float]]) -> int:
    """How many stored values :func:`differing_values` would return."""
    if not cells:
        return 0
    return int(
        store.conn.execute(
            _GIVEN_CELLS + "SELECT COUNT(*) " + _DIFFERING,
            (json.dumps(list(cells), ensure_ascii=False),),
        ).fetchone()[0]
    )
