"""Writes shared by the user's own records (goals, actions, notes): insert and update with
created/changed times, and soft deletion — "Ta bort" sets ``deleted_at``, the Papperskorg
clears it, nothing typed is lost by one click."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store

# Tables whose rows carry deleted_at/changed_at (names are never taken from input).
SOFT_TABLES = frozenset({"actions", "notes", "goals"})


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _checked(table: str) -> str:
    if table not in SOFT_TABLES:
        raise ValueError(f"not a table of the user's own records: {table}")
    return table


def insert_record(store: Store, table: str, columns: Sequence[str], values: Sequence[Any]) -> int:
    """Insert one row (``columns`` are the program's own names, never input) stamped with
    created and changed time; returns its id."""
    now = now_text()
    with store.transaction() as conn:
        cur = conn.execute(
            f"INSERT INTO {_checked(table)}({', '.join(columns)}, created_at, changed_at) "
            f"VALUES ({', '.join('?' * len(columns))}, ?, ?)",
            (*values, now, now),
        )
        return int(cur.lastrowid or 0)


def update_record(
    store: Store, table: str, row_id: int, columns: Sequence[str], values: Sequence[Any]
) -> bool:
    """Write edited values over a stored row and stamp its changed time; False when there
    is no such row."""
    sets = ", ".join(f"{c} = ?" for c in columns)
    with store.transaction() as conn:
        cur = conn.execute(
            f"UPDATE {_checked(table)} SET {sets}, changed_at = ? WHERE id = ?",
            (*values, now_text(), row_id),
        )
        return cur.rowcount > 0


def set_deleted(store: Store, table: str, row_id: int, deleted: bool) -> bool:
    """Move a row to the Papperskorg (or back); False when there is no such row to move."""
    table = _checked(table)
    now = now_text()
    with store.transaction() as conn:
        if deleted:
            cur = conn.execute(
                f"UPDATE {table} SET deleted_at = ?, changed_at = ? "
                "WHERE id = ? AND deleted_at IS NULL",
                (now, now, row_id),
            )
        else:
            cur = conn.execute(
                f"UPDATE {table} SET deleted_at = NULL, changed_at = ? "
                "WHERE id = ? AND deleted_at IS NOT NULL",
                (now, row_id),
            )
        return cur.rowcount > 0


def list_records(
    store: Store,
    table: str,
    columns: Sequence[str],
    *,
    order: str,
    deleted: bool = False,
    **filters: Any,
) -> list[Any]:
    """The rows outside the Papperskorg (``deleted``: those in it) whose columns equal the
    ``filters`` that are not None, in ``order`` (the program's own SQL, never input)."""
    where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
    params: list[Any] = []
    for column, value in filters.items():
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    return store.conn.execute(
        f"SELECT {', '.join(columns)} FROM {_checked(table)} WHERE {' AND '.join(where)} "
        f"ORDER BY {order}",
        params,
    ).fetchall()


def get_record(store: Store, table: str, columns: Sequence[str], row_id: int) -> Any | None:
    """One row by id, wherever it lies; None when there is none."""
    return store.conn.execute(
        f"SELECT {', '.join(columns)} FROM {_checked(table)} WHERE id = ?", (row_id,)
    ).fetchone()
