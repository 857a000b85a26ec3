"""Goals (mål): reads and writes of the ``goals`` table (schema v9). A removal only sets
``deleted_at``, so the goal lies in the wastebasket until it is restored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nki_desktop.domain.goals import Goal
from nki_desktop.storage.soft_delete import (
    get_record,
    insert_record,
    list_records,
    update_record,
)

if TYPE_CHECKING:
    from nki_desktop.storage.repository import Store

_COLUMNS = tuple(
    "id unit area factor grp kind target direction rank from_year source "
    "created_at changed_at deleted_at".split()
)


def _goal(r: Any) -> Goal:
    return Goal(
        id=int(r[0]),
        kommun=r[1],
        area=r[2],
        factor=r[3],
        group=r[4],
        kind=r[5],
        target=r[6],
        direction=r[7],
        rank=r[8],
        from_year=r[9],
        source=r[10] or "",
        created_at=r[11] or "",
        changed_at=r[12] or "",
        deleted_at=r[13],
    )


_EDITABLE = (
    "unit", "area", "factor", "grp", "kind", "target", "direction", "rank", "from_year", "source",
)  # fmt: skip


def _values(goal: Goal) -> tuple[Any, ...]:
    return (
        goal.kommun, goal.area, goal.factor, goal.group, goal.kind, goal.target, goal.direction,
        goal.rank, goal.from_year, goal.source,
    )  # fmt: skip


def add_goal(store: Store, goal: Goal) -> int:
    """Store a new goal; returns its id."""
    return insert_record(store, "goals", _EDITABLE, _values(goal))


def update_goal(store: Store, goal: Goal) -> bool:
    """Save an edited goal (by id); False when there is no such goal."""
    return update_record(store, "goals", goal.id, _EDITABLE, _values(goal))


def get_goal(store: Store, goal_id: int) -> Goal | None:
    row = get_record(store, "goals", _COLUMNS, goal_id)
    return _goal(row) if row else None


def list_goals(
    store: Store,
    *,
    unit: str | None = None,
    group: str | None = None,
    deleted: bool = False,
) -> list[Goal]:
    """Goals in the order they were added; ``deleted`` lists the wastebasket instead."""
    rows = list_records(
        store, "goals", _COLUMNS, order="unit, id", deleted=deleted, unit=unit, grp=group
    )
    return [_goal(r) for r in rows]


def goal_count(store: Store) -> int:
    return int(
        store.conn.execute("SELECT COUNT(*) FROM goals WHERE deleted_at IS NULL").fetchone()[0]
    )
