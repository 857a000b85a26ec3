"""Actions (åtgärder) for the window and the command line: add, edit, mark done, list,
remove to the Papperskorg and restore. Input is checked here (Swedish messages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from nki_desktop.domain.actions import (
    DONE,
    STATUSES,
    Action,
    checked_action,
    parse_date,
)
from nki_desktop.domain.errors import InputError
from nki_desktop.services.soft_records import move
from nki_desktop.storage import Store
from nki_desktop.storage import actions as sql


def add(store: Store, action: Action) -> Action:
    """Store a new action; returns it as stored (with its id)."""
    if action.status == DONE and not action.done:
        action.done = dt.date.today().isoformat()
    checked = checked_action(action)
    new_id = sql.insert_action(store, checked)
    stored = sql.get_action(store, new_id)
    assert stored is not None
    return stored


def edit(store: Store, action: Action) -> Action:
    if action.id is None:
        raise InputError("Åtgärden finns inte sparad än; lägg till den först.")
    checked = checked_action(action)
    if not sql.update_action(store, checked):
        raise _missing(action.id)
    stored = sql.get_action(store, action.id)
    assert stored is not None
    return stored


def mark_done(store: Store, action_id: int, date: str | None = None) -> Action:
    """Status genomförd with its date (today when none is given)."""
    when = parse_date(date, "datum för genomförande") or dt.date.today().isoformat()
    current = sql.get_action(store, action_id)
    if current is None or current.deleted_at:
        raise _missing(action_id)
    if current.decided and when < current.decided:
        raise InputError(
            f"Datum för genomförande ({when}) ligger före beslutsdatum ({current.decided})."
        )
    sql.set_done(store, action_id, when)
    stored = sql.get_action(store, action_id)
    assert stored is not None
    return stored


def actions(
    store: Store,
    unit: str | None = None,
    *,
    status: str | None = None,
    area: str | None = None,
    year: int | None = None,
) -> list[Action]:
    """A kommun's actions (every kommun's when None), filtered."""
    return filter_actions(sql.list_actions(store, unit), status=status, area=area, year=year)


def filter_actions(
    rows: Sequence[Action],
    *,
    status: str | None = None,
    area: str | None = None,
    year: int | None = None,
) -> list[Action]:
    return [
        a
        for a in rows
        if (status is None or a.status == status)
        and (area is None or area in a.areas)
        and (year is None or year in a.years())
    ]


def get(store: Store, action_id: int) -> Action:
    action = sql.get_action(store, action_id)
    if action is None:
        raise _missing(action_id)
    return action


def remove(store: Store, action_id: int) -> Action:
    """Move to the Papperskorg (restorable); raises InputError when there is none to move."""
    refusal = InputError(f"Åtgärd {action_id} ligger redan i papperskorgen.")
    return move(store, "actions", action_id, deleted=True, get=get, refusal=refusal)


def restore(store: Store, action_id: int) -> Action:
    refusal = InputError(f"Åtgärd {action_id} ligger inte i papperskorgen; inget att återställa.")
    return move(store, "actions", action_id, deleted=False, get=get, refusal=refusal)


def deleted(store: Store, unit: str | None = None) -> list[Action]:
    return sql.list_actions(store, unit, deleted=True)


def _missing(action_id: int) -> InputError:
    return InputError(
        f"Det finns ingen åtgärd med id {action_id}. Se id:n med: nki-desktop actions list"
    )


__all__ = ["STATUSES", "actions", "add", "deleted", "edit", "mark_done", "remove", "restore"]
