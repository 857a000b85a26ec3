"""SKR's grade bands for an index, with a word and a symbol so colour is never alone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    symbol: str  # printable in black and white: filled circles count the band
    colour: str  # Okabe-Ito palette, readable for colour-blind users
    lower: float


GRADES: tuple[Grade, ...] = (
    Grade("mycket_hogt", "Mycket högt", "●●●", "#0072B2", 80.0),
    Grade("hogt", "Högt", "●●○", "#009E73", 70.0),
    Grade("godkant", "Godkänt", "●○○", "#E69F00", 62.0),
    Grade("lagt", "Lågt", "○○○", "#D55E00", float("-inf")),
)


def grade_for(value: float | None) -> Grade | None:
    """The grade band of an index value (≥ 80 mycket högt, 70–79 högt, 62–69 godkänt, < 62 lågt).

    Bands are applied to the value as published: 79,6 is "högt", since SKR's bands are
    whole-number bands and published totals are mostly whole numbers.
    """
    if value is None:
        return None
    for grade in GRADES:
        if value >= grade.lower:
            return grade
    return GRADES[-1]
