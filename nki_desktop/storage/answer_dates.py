"""Respondent rows with an answer date (schema v8), read for the preliminary NKI: only the
latest dated year of one unit and group, and only the columns it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store


def latest_dated_rows(store: Store, unit: str, group: str) -> list[dict[str, Any]]:
    """The unit's dated respondent rows of its latest dated case year (group ``group``)."""
    rows = store.conn.execute(
        "SELECT year, area, grp, q1, q2, q3, answered, import_id FROM respondents "
        "WHERE unit = ? AND grp = ? AND answered IS NOT NULL AND year = ("
        "SELECT MAX(year) FROM respondents WHERE unit = ? AND grp = ? "
        "AND answered IS NOT NULL)",
        (unit, group, unit, group),
    ).fetchall()
    return [
        {
            "year": r[0],
            "area": r[1],
            "group": r[2],
            "q1": r[3],
            "q2": r[4],
            "q3": r[5],
            "answered": r[6],
            "import_id": r[7],
        }
        for r in rows
    ]
