"""Companies' comments for the window, the command line and the report: list, search, pick."""

from __future__ import annotations

from collections.abc import Iterable

from nki_desktop.analysis.comments import CommentRow, filter_rows, load_comment_rows
from nki_desktop.storage import Store
from nki_desktop.storage.comments import comment_count, set_picked


def comments(
    store: Store,
    unit: str | None = None,
    *,
    text: str = "",
    year: int | None = None,
    area: str | None = None,
    band: str = "",
    picked_only: bool = False,
) -> list[CommentRow]:
    """A kommun's comments matching the search and filters."""
    return filter_rows(
        load_comment_rows(store, unit),
        text=text,
        year=year,
        area=area,
        band=band,
        picked_only=picked_only,
    )


def pick(store: Store, ids: Iterable[int], picked: bool = True) -> int:
    """Pick comments for the report (or take them out); returns how many changed."""
    return set_picked(store, ids, picked)


def picked_comments(store: Store, unit: str) -> list[CommentRow]:
    """The comments the user picked for a kommun's report (the only ones ever exported)."""
    return load_comment_rows(store, unit, picked_only=True)


def count(store: Store) -> int:
    return comment_count(store)
