"""Rows between SQLite and the records: stored values, imports, respondent rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from operator import attrgetter, is_not
from typing import Any

from nki_desktop.domain.records import ImportInfo, ImportSettings, Observation, StoredValue

# Observation attribute → observations column, in the table's order.
OBSERVATION_COLUMNS = (
    ("year", "year"),
    ("unit", "unit"),
    ("area", "area"),
    ("factor", "factor"),
    ("group", "grp"),
    ("value", "value"),
    ("n", "n"),
    ("rank", "rank"),
    ("rank_of", "rank_of"),
    ("ci_low", "ci_low"),
    ("ci_high", "ci_high"),
    ("missing", "missing"),
    ("sheet", "sheet"),
    ("row", "row"),
    ("column", "col"),
    ("response_rate", "response_rate"),
)
_ALWAYS = frozenset({"year", "unit", "area", "factor", "group"})


def observation_insert(
    import_id: int, observations: Sequence[Observation]
) -> tuple[str, Callable[[Observation], tuple[Any, ...]]]:
    """The INSERT for a batch's values and the row getter that feeds it.

    A column no value of the batch fills is left out (it stays NULL): Python's sqlite3
    binds ``None`` through its adapter lookup, about five times the cost of a number or a
    text, and most batches never fill the interval or response-rate columns. The import's
    id is the same for every row, so it is written into the statement (an int, never text).
    """
    filled = partial(is_not, None)
    present = [
        attr
        for attr, _column in OBSERVATION_COLUMNS
        if attr in _ALWAYS or any(map(filled, map(attrgetter(attr), observations)))
    ]
    columns = dict(OBSERVATION_COLUMNS)
    sql = (
        f"INSERT INTO observations(import_id,{','.join(columns[a] for a in present)}) "
        f"VALUES ({int(import_id)},{','.join('?' * len(present))})"
    )
    getter = attrgetter(*present)  # one tuple per row, built in C
    return sql, getter


def respondent_rows(import_id: int, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows for the respondents table; equal background dicts are serialised once (a
    300 000-row import has only a handful of distinct ones)."""
    texts: dict[tuple[Any, ...], str] = {}
    out = []
    for r in rows:
        bg = r.get("background")
        text = ""
        if bg:
            key = tuple(bg.items())
            text = texts.get(key, "")
            if not text:
                text = texts[key] = json.dumps(bg, ensure_ascii=False)
        group = r["group"] if "group" in r else r.get("grp")
        out.append(
            (
                import_id,
                r["year"],
                r["unit"],
                r["area"],
                group,
                r.get("q1"),
                r.get("q2"),
                r.get("q3"),
                r.get("information"),
                r.get("tillganglighet"),
                r.get("bemotande"),
                r.get("kompetens"),
                r.get("rattssakerhet"),
                r.get("effektivitet"),
                text,
                r.get("sheet"),
                r.get("row"),
                r.get("answered"),
            )
        )
    return out


def import_info(row: sqlite3.Row) -> ImportInfo:
    return ImportInfo(
        row["id"],
        row["file_name"],
        row["sha256"],
        row["kind"],
        row["publication"],
        row["description"] or "",
        row["imported_at"],
        row["rows_stored"] or 0,
        row["rows_skipped"] or 0,
        row["years"] or "",
        ImportSettings.from_json(row["settings"]),
    )


def stored_value(r: sqlite3.Row) -> StoredValue:
    return StoredValue(
        year=r["year"],
        unit=r["unit"],
        area=r["area"],
        factor=r["factor"],
        group=r["grp"],
        value=r["value"],
        n=r["n"],
        rank=r["rank"],
        rank_of=r["rank_of"],
        ci_low=r["ci_low"],
        ci_high=r["ci_high"],
        missing=r["missing"],
        sheet=r["sheet"] or "",
        row=r["row"],
        column=r["col"] or "",
        response_rate=r["response_rate"],
        import_id=r["import_id"],
        source=r["source"],
        publication=r["publication"],
        imported_at=r["imported_at"],
    )
