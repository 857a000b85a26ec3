"""Rankings with shared positions for ties.

How SKR ranks ties is unconfirmed; the program uses shared positions (1, 2, 2, 4) and says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from nki_desktop.domain.records import Observation

TIES_NOTE = (
    "Lika värden delar placering (1, 2, 2, 4); SKR:s hantering av lika värden är inte bekräftad."
)


def shared_ranks(scores: Mapping[str, float], decimals: int | None = None) -> dict[str, int]:
    """Rank units by score, highest first; equal scores share the better position.

    ``decimals`` compares values rounded as displayed (published values are whole numbers).
    """
    keyed = {u: (round(s, decimals) if decimals is not None else s) for u, s in scores.items()}
    ordered = sorted(keyed.values(), reverse=True)
    first: dict[float, int] = {}
    for position, score in enumerate(ordered, start=1):
        first.setdefault(score, position)
    return {unit: first[score] for unit, score in keyed.items()}


def complete_rank_totals(observations: Sequence[Observation]) -> None:
    """Give published ranks their "of y" where the file said only x: y is the number of
    units ranked for that year, area, factor and group in the same file. A file that is an
    excerpt (a rank above that number, e.g. one län of the national list) keeps y unknown."""
    Cell = tuple[int, str, str, str]
    counts: Counter[Cell] = Counter()
    highest: dict[Cell, int] = {}
    for o in observations:
        if o.rank is not None:
            cell = (o.year, o.area, o.factor, o.group)
            counts[cell] += 1
            highest[cell] = max(highest.get(cell, 0), o.rank)
    for o in observations:
        cell = (o.year, o.area, o.factor, o.group)
        if o.rank is not None and o.rank_of is None and highest[cell] <= counts[cell]:
            o.rank_of = counts[cell]
