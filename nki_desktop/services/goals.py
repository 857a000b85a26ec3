"""Goals (mål) for the window, the command line and the reports: add, edit, remove (to the
wastebasket), restore, list with each year's status, and the tolerance for "nära"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nki_desktop.analysis.goal_rows import GoalRow, build_goal_rows
from nki_desktop.analysis.goals import GoalReport, load_goal_reports, tolerance
from nki_desktop.domain.goals import (
    TOLERANCE_KEY,
    Goal,
    GoalInputError,
    check_tolerance,
    edited,
    new_goal,
)
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.services.soft_records import move
from nki_desktop.storage import Store
from nki_desktop.storage import goals as table

__all__ = [
    "GoalReport",
    "GoalRow",
    "add",
    "deleted",
    "edit",
    "get",
    "reports",
    "remove",
    "restore",
    "rows",
    "series_goals",
    "set_tolerance",
    "tolerance",
]


def _check_kommun(store: Store, kommun: str) -> None:
    if store.catalogue.get(kommun) is None:
        raise GoalInputError(
            f"Okänd kommunkod: {kommun}. Ange kommunens fyrsiffriga kod, t.ex. 1880 för Örebro."
        )


def add(store: Store, kommun: str, **fields: Any) -> Goal:
    """Check and store a new goal; returns it as stored. ``fields`` are
    :func:`~nki_desktop.domain.goals.new_goal`'s (area, factor, group, target, direction,
    rank, from_year, source)."""
    _check_kommun(store, kommun)
    goal = new_goal(kommun, **fields)
    return replace(goal, id=table.add_goal(store, goal))


def get(store: Store, goal_id: int) -> Goal:
    goal = table.get_goal(store, goal_id)
    if goal is None:
        raise GoalInputError(
            f"Det finns inget mål med id {goal_id}. Se id:n med: nki-desktop goals list"
        )
    return goal


def edit(store: Store, goal_id: int, **changes: object) -> Goal:
    """Change a stored goal (checked again); returns it as saved."""
    goal = edited(get(store, goal_id), **changes)
    _check_kommun(store, goal.kommun)
    table.update_goal(store, goal)
    return get(store, goal_id)


def remove(store: Store, goal_id: int) -> Goal:
    """Move a goal to the wastebasket (it can be restored)."""
    refusal = GoalInputError(f"Mål {goal_id} är redan borttaget. Återställ det med: goals restore")
    return move(store, "goals", goal_id, deleted=True, get=get, refusal=refusal)


def restore(store: Store, goal_id: int) -> Goal:
    """Take a goal back from the wastebasket."""
    refusal = GoalInputError(f"Mål {goal_id} är inte borttaget; det finns inget att återställa.")
    return move(store, "goals", goal_id, deleted=False, get=get, refusal=refusal)


def deleted(store: Store, kommun: str | None = None) -> list[Goal]:
    """The wastebasket: removed goals that can be restored."""
    return table.list_goals(store, unit=kommun, deleted=True)


def reports(
    store: Store, kommun: str | None = None, group: str | None = None, year: int | None = None
) -> list[GoalReport]:
    """Goals with their status per year (values read once); only in ``year`` when given."""
    return load_goal_reports(store, kommun, group, only=None if year is None else [year])


def series_goals(store: Store, kommun: str, area: str, factor: str, group: str) -> list[Goal]:
    """The kommun's goals for one series (area, index, group), e.g. for the trend chart."""
    return [
        g
        for g in table.list_goals(store, unit=kommun, group=group)
        if (g.area, g.factor) == (area, factor)
    ]


def rows(
    store: Store, kommun: str | None = None, group: str | None = None, until: int | None = None
) -> list[GoalRow]:
    """One row per goal and year, for lists and exports."""
    return build_goal_rows(reports(store, kommun, group), store.unit_names(), until)


def set_tolerance(store: Store, points: float) -> float:
    """Store the tolerance for "nära" (index points, 0–10)."""
    value = check_tolerance(points)
    store.set_meta(TOLERANCE_KEY, repr(value))
    return value


def tolerance_text(store: Store) -> str:
    return f"{fmt_number(tolerance(store), 1)} indexenheter"
