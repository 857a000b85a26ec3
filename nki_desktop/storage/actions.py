"""Actions (åtgärder): add, change, list; deletion is soft (see ``soft_delete``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from nki_desktop.domain.actions import Action
from nki_desktop.storage.soft_delete import (
    get_record,
    insert_record,
    list_records,
    now_text,
    update_record,
)

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store

_COLUMNS = (
    "id",
    "unit",
    "title",
    "description",
    "areas",
    "factors",
    "owner",
    "status",
    "decided",
    "done",
    "expected_effect",
    "created_at",
    "changed_at",
    "deleted_at",
)
_EDITABLE = _COLUMNS[1:11]


def _values(a: Action) -> tuple[Any, ...]:
    return (
        a.unit,
        a.title,
        a.description,
        json.dumps(list(a.areas)),
        json.dumps(list(a.factors)),
        a.owner,
        a.status,
        a.decided,
        a.done,
        a.expected_effect,
    )


def insert_action(store: Store, action: Action) -> int:
    return insert_record(store, "actions", _EDITABLE, _values(action))


def update_action(store: Store, action: Action) -> bool:
    """Write an edited action over the stored one; False when it does not exist."""
    return update_record(store, "actions", action.id or 0, _EDITABLE, _values(action))


def set_done(store: Store, action_id: int, date: str) -> bool:
    with store.transaction() as conn:
        cur = conn.execute(
            "UPDATE actions SET status = 'genomford', done = ?, changed_at = ? "
            "WHERE id = ? AND deleted_at IS NULL",
            (date, now_text(), action_id),
        )
        return cur.rowcount > 0


def _action(r: Any) -> Action:
    return Action(
        id=r["id"],
        unit=r["unit"],
        title=r["title"],
        description=r["description"] or "",
        areas=tuple(json.loads(r["areas"] or "[]")),
        factors=tuple(json.loads(r["factors"] or "[]")),
        owner=r["owner"] or "",
        status=r["status"],
        decided=r["decided"],
        done=r["done"],
        expected_effect=r["expected_effect"] or "",
        created_at=r["created_at"],
        changed_at=r["changed_at"],
        deleted_at=r["deleted_at"],
    )


def list_actions(store: Store, unit: str | None = None, deleted: bool = False) -> list[Action]:
    """A kommun's actions (all kommuner's when None), by date; ``deleted``: the
    Papperskorg's instead."""
    order = "COALESCE(done, decided, substr(created_at, 1, 10)), id"
    rows = list_records(store, "actions", _COLUMNS, order=order, deleted=deleted, unit=unit)
    return [_action(r) for r in rows]


def get_action(store: Store, action_id: int) -> Action | None:
    r = get_record(store, "actions", _COLUMNS, action_id)
    return _action(r) if r else None
