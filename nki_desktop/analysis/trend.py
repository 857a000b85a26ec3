"""Series over case years: a unit's own values and averages over a set of kommuner."""

from __future__ import annotations

from dataclasses import dataclass

from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import DefinitionBreak, breaks_between
from nki_desktop.storage import Store


@dataclass
class Point:
    year: int
    value: float | None
    n: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    missing: str | None = None
    source: str = ""
    members: int = 1  # for averages: how many kommuner had a value


def _point(v: StoredValue) -> Point:
    return Point(v.year, v.value, v.n, v.ci_low, v.ci_high, v.missing, v.source_ref)


def series(store: Store, unit: str, area: str, factor: str, group: str) -> list[Point]:
    """Every stored year of one unit's index, oldest first."""
    return [_point(v) for v in store.values(unit=unit, area=area, factor=factor, group=group)]


def average_series(store: Store, units: set[str] | list[str], area: str, factor: str,
                   group: str) -> list[Point]:
    """Unweighted mean over the units with a value, per year (``members`` counts them)."""
    values = store.values(units=sorted(units), area=area, factor=factor, group=group)
    by_year: dict[int, list[float]] = {}
    for v in values:
        if v.value is not None:
            by_year.setdefault(v.year, []).append(v.value)
    return [Point(year, sum(vals) / len(vals), members=len(vals))
            for year, vals in sorted(by_year.items())]


def breaks_in(points: list[Point], area: str) -> list[DefinitionBreak]:
    """Definition changes the series crosses (shown as markers and noted in reports)."""
    years = [p.year for p in points]
    return breaks_between(min(years), max(years), area) if years else []
