"""Rankings with shared positions for ties.

How SKR ranks ties is unconfirmed; the program uses shared positions (1, 2, 2, 4) and says so.
"""

from __future__ import annotations

from collections.abc import Mapping

TIES_NOTE = "Lika värden delar placering (1, 2, 2, 4); SKR:s hantering av lika värden är inte " \
            "bekräftad."


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
