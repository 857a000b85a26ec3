"""Remove to the Papperskorg and restore, shared by goals, actions and notes: the record is
looked up (a missing id is told in its kind's words), moved, and a move that changes nothing
is refused with the kind's own sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from nki_desktop.domain.errors import UserError
from nki_desktop.storage import Store
from nki_desktop.storage.soft_delete import set_deleted

T = TypeVar("T")


def move(
    store: Store,
    table: str,
    record_id: int,
    *,
    deleted: bool,
    get: Callable[[Store, int], T],
    refusal: UserError,
) -> T:
    """Move record ``record_id`` of ``table`` to the Papperskorg (``deleted``) or back, and
    return it as stored afterwards; ``refusal`` when it already lies where it was sent."""
    get(store, record_id)
    if not set_deleted(store, table, record_id, deleted):
        raise refusal
    return get(store, record_id)
