"""Soft deletion shared by the user's own records (actions, notes; goals can join): "Ta
bort" sets ``deleted_at``, the Papperskorg clears it, nothing typed is lost by one click."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store

# Tables whose rows carry deleted_at/changed_at (names are never taken from input).
SOFT_TABLES = frozenset({"actions", "notes", "goals"})


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def set_deleted(store: Store, table: str, row_id: int, deleted: bool) -> bool:
    """Move a row to the Papperskorg (or back); False when there is no such row to move."""
    if table not in SOFT_TABLES:
        raise ValueError(f"not a soft-deleted table: {table}")
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


def purge(store: Store, table: str, row_id: int) -> bool:
    """Delete a row for good, only from the Papperskorg."""
    if table not in SOFT_TABLES:
        raise ValueError(f"not a soft-deleted table: {table}")
    with store.transaction() as conn:
        cur = conn.execute(
            f"DELETE FROM {table} WHERE id = ? AND deleted_at IS NOT NULL", (row_id,)
        )
        return cur.rowcount > 0
