"""Remove to the Papperskorg and restore, shared by goals, actions and notes: the record is
moved; a move that changes nothing is told in the kind's own words (no such id, or already
where it was sent)."""

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
    if not set_deleted(store, table, record_id, deleted):
        get(store, record_id)  # no such record: told in its kind's words
        raise refusal
    return get(store, record_id)
