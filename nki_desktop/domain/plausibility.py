"""What a stored value may be: the rules every import is checked against at the door.

Pure: each rule looks at one observation and says, in Swedish, what is wrong with it.
An index and its interval lie in 0–100, a case year in 1990–(this year + 1), a number of
answers is a whole number from 0 to ten million, a rank is at least 1 and at most the number
of units ranked. Anything else is a mistake in the file (or a hostile one), never a value.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from nki_desktop.domain.records import Observation

INDEX_MIN, INDEX_MAX = 0.0, 100.0
FIRST_YEAR = 1990
MAX_ANSWERS = 10_000_000  # more answers than any survey has (and than SQLite's integers hold)


def last_year(today: date | None = None) -> int:
    """The latest case year a file may hold: next year (a survey published early)."""
    return (today or date.today()).year + 1


@dataclass(frozen=True)
class Finding:
    """One implausible cell: the observation it belongs to and what is wrong."""

    observation: Observation
    reason: str


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def _index_problem(label: str, value: float | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return f"{label} '{value}' är inget tal."
    if not math.isfinite(value):
        return f"{label} är {_number(value)}, inget ändligt tal."
    if not INDEX_MIN <= value <= INDEX_MAX:
        return f"{label} {_number(value)} ligger utanför 0–100."
    return None


def _whole(label: str, value: object, minimum: int, maximum: int = MAX_ANSWERS) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{label} '{value}' är inget heltal."
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        return f"{label} {_number(value)} är inget heltal."
    if value < minimum:
        return f"{label} {_number(value)} är mindre än {minimum}."
    if value > maximum:
        return f"{label} {_number(value)} är orimligt stort (högst {maximum:,}).".replace(",", " ")
    return None


def _plainly_fine(o: Observation, units: int, latest: int) -> bool:
    """The common cell, checked without a call per rule: a whole year in range, a float
    index in 0–100 (or none), no interval, whole counts and ranks in range. False sends
    the cell through every rule (so :func:`problem` names what is wrong)."""
    year, value, n, rank, rank_of = o.year, o.value, o.n, o.rank, o.rank_of
    return (
        type(year) is int
        and FIRST_YEAR <= year <= latest
        and (value is None or (type(value) is float and INDEX_MIN <= value <= INDEX_MAX))
        and o.ci_low is None
        and o.ci_high is None
        and (n is None or (type(n) is int and 0 <= n <= MAX_ANSWERS))
        and (rank_of is None or (type(rank_of) is int and 1 <= rank_of <= units))
        and (
            rank is None
            or (type(rank) is int and 1 <= rank <= (units if rank_of is None else rank_of))
        )
    )


def problem(o: Observation, units: int, latest: int) -> str | None:
    """What is implausible about one observation (first rule broken), or None."""
    if (
        isinstance(o.year, bool)
        or not isinstance(o.year, int)
        or not FIRST_YEAR <= o.year <= latest
    ):
        return f"Året {o.year} ligger utanför {FIRST_YEAR}–{latest}."
    found = (
        _index_problem("Värdet", o.value)
        or _index_problem("Konfidensintervallets nedre gräns", o.ci_low)
        or _index_problem("Konfidensintervallets övre gräns", o.ci_high)
        or _whole("Antal svar", o.n, 0)
        or _whole("Placeringen", o.rank, 1)
        or _whole("Antalet rangordnade", o.rank_of, 1)
    )
    if found:
        return found
    if o.rank is not None:
        ceiling = o.rank_of if o.rank_of is not None else units
        if o.rank > ceiling:
            return f"Placeringen {o.rank} är högre än antalet enheter ({ceiling})."
    if o.rank_of is not None and o.rank_of > units:
        return f"Placeringen anges av {o.rank_of}, fler än de {units} enheter som finns."
    return None


def findings(
    observations: Iterable[Observation], units: int, today: date | None = None
) -> Iterator[Finding]:
    """Every implausible observation, in file order.

    ``units`` is how many units a ranking can hold (kommuner, joint bodies and riket).
    """
    latest = last_year(today)
    for o in observations:
        if _plainly_fine(o, units, latest):
            continue
        reason = problem(o, units, latest)
        if reason is not None:
            yield Finding(o, reason)
