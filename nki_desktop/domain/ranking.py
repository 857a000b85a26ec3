"""Rankings with shared positions for ties.

How SKR ranks ties is unconfirmed; the program uses shared positions (1, 2, 2, 4) and says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter

from nki_desktop.domain.records import Observation

_rank = attrgetter("rank")

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
    ranked: dict[tuple[int, str, str, str], list[Observation]] = {}
    for o in observations:  # one pass, grouped by cell
        if o.rank is not None:
            cell = (o.year, o.area, o.factor, o.group)
            same = ranked.get(cell)
            if same is None:
                same = ranked[cell] = []
            same.append(o)
    for same in ranked.values():
        count = len(same)
        if max(map(_rank, same)) <= count:
            for o in same:
                if o.rank_of is None:
                    o.rank_of = count
