"""SKR's grade bands for an index, with a word and a symbol so colour is never alone.

SKR and SBA publish five bands and grade the *published* number, a whole number: Kolada's
unrounded 69,9 is published as 70 and graded "högt". The bands are data per case year
(``GRADE_SCALES``); the same five bands are documented for every year so far.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    symbol: str  # printable in black and white: filled circles count the band
    colour: str  # Okabe-Ito palette, readable for colour-blind users
    lower: float  # lowest published (whole-number) index in the band
    band: str = ""  # the band as written in legends: "70–79"


@dataclass(frozen=True)
class GradeScale:
    """The bands in force from ``first_year`` (a case year) on, highest band first."""

    first_year: int
    grades: tuple[Grade, ...]
    source: str = ""


FIVE_BANDS: tuple[Grade, ...] = (
    Grade("mycket_hogt", "Mycket högt", "●●●●", "#0072B2", 80.0, "≥ 80"),
    Grade("hogt", "Högt", "●●●○", "#009E73", 70.0, "70–79"),
    Grade("godkant", "Godkänt", "●●○○", "#E69F00", 62.0, "62–69"),
    Grade("lagt", "Lågt", "●○○○", "#D55E00", 50.0, "50–61"),
    Grade("mycket_lagt", "Mycket lågt", "○○○○", "#CC79A7", float("-inf"), "< 50"),
)

GRADE_SCALES: tuple[GradeScale, ...] = (
    GradeScale(2005, FIVE_BANDS, "SKR/SBA (Skövde 2018, SBA, Örebrokuriren 2017)"),
)

# The bands of the newest scale, for legends that do not concern one year.
GRADES: tuple[Grade, ...] = GRADE_SCALES[-1].grades


def grade_scale(year: int | None = None) -> GradeScale:
    """The scale in force in a case year (the newest when the year is unknown)."""
    if year is None:
        return GRADE_SCALES[-1]
    valid = [s for s in GRADE_SCALES if s.first_year <= year]
    return valid[-1] if valid else GRADE_SCALES[0]


def published_index(value: float) -> int:
    """The index as SKR publishes it: a whole number, halves rounded up (69,5 → 70)."""
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def grade_for(value: float | None, year: int | None = None) -> Grade | None:
    """The grade of an index as published: the value rounded to a whole number (half up),
    then ≥ 80 mycket högt, 70–79 högt, 62–69 godkänt, 50–61 lågt, < 50 mycket lågt.

    69,9 → 70 → "högt"; 79,5 → 80 → "mycket högt"; 61,4 → 61 → "lågt".
    """
    if value is None:
        return None
    try:
        published = published_index(value)
    except (InvalidOperation, ValueError, OverflowError):
        return None  # not a finite number
    grades = grade_scale(year).grades
    for grade in grades:
        if published >= grade.lower:
            return grade
    return grades[-1]
