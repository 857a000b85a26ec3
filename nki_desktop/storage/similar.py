"""Reads for the similar-kommuner search: which results are stored (to offer as criteria)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store


def stored_results(store: Store, group: str, first: int, last: int) -> list[tuple[str, str]]:
    """The (area, factor) pairs with at least one value in the years ``first``–``last`` for a
    respondent group (through the (year, area, factor, grp) index)."""
    rows = store.conn.execute(
        "SELECT DISTINCT area, factor FROM observations "
        "WHERE year BETWEEN ? AND ? AND grp = ? AND value IS NOT NULL",
        (first, last, group),
    ).fetchall()
    return sorted((str(r[0]), str(r[1])) for r in rows)
