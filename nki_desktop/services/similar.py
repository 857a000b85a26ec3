"""Kommuner like ours: read what the chosen criteria need and find the closest kommuner
(the window's "Liknande kommuner" and ``nki-desktop similar`` both call this)."""

from __future__ import annotations

from collections.abc import Sequence

from nki_desktop.analysis.similar import DEFAULT_COUNT, SimilarResult, Value, closest
from nki_desktop.analysis.similar_criteria import (
    DEFAULT_KEYS,
    CriteriaError,
    Criterion,
    parse_criteria,
    parse_weights,
    result_criterion,
)
from nki_desktop.analysis.similar_profiles import build_profiles
from nki_desktop.domain.areas import AREAS, FACTORS, group_label
from nki_desktop.domain.records import StoredValue
from nki_desktop.storage import Store
from nki_desktop.storage.similar import stored_results


def latest_year(store: Store, group: str) -> int | None:
    years = store.years(group)
    return years[-1] if years else None


def result_choices(store: Store, group: str, first: int, last: int) -> list[Criterion]:
    """Stored results to offer as criteria, in the program's order of areas and factors."""
    found = set(stored_results(store, group, first, last))
    years = tuple(range(first, last + 1))
    return [
        result_criterion(a.key, f.key, years)
        for a in AREAS
        for f in FACTORS
        if (a.key, f.key) in found
    ]


def load_profiles(
    store: Store, criteria: Sequence[Criterion], group: str
) -> dict[str, dict[str, Value]]:
    """Every kommun's value for every criterion (catalogue and stored results)."""
    kommuner = store.catalogue.kommuner
    codes = {k.code for k in kommuner}
    results: dict[str, list[StoredValue]] = {}
    for c in criteria:
        if c.is_result:
            values = store.values(years=list(c.years), area=c.area, factor=c.factor, group=group)
            results[c.key] = [v for v in values if v.unit in codes]
    return build_profiles(kommuner, criteria, results)


def criteria_for(store: Store, keys: str | Sequence[str] | None, group: str) -> list[Criterion]:
    """The criteria as written (default: population, kommungrupp and NKI totalt of the
    latest year, or only the first two when no result is stored); a result without a year
    gets the latest year of the group."""
    year = latest_year(store, group)
    if not keys:
        keys = [k for k in DEFAULT_KEYS if year is not None or ":" not in k]
    items = keys.split(",") if isinstance(keys, str) else list(keys)
    if year is None and any(":" in k and "@" not in k for k in items):
        raise CriteriaError(
            f"Det finns inga lagrade resultat för {group_label(group).lower()}: jämför på "
            "population, kommungrupp eller lan, eller ange år (total:nki@2023)."
        )
    return parse_criteria(items, year)


def find_similar(
    store: Store,
    kommun: str,
    keys: str | Sequence[str] | None = None,
    weights: str | Sequence[float] | None = None,
    n: int = DEFAULT_COUNT,
    group: str = "foretag",
    min_coverage: float = 1.0,
) -> SimilarResult:
    """Min kommun's ``n`` closest kommuner on the criteria ``keys`` with ``weights``."""
    criteria = criteria_for(store, keys, group)
    ws = parse_weights(weights, len(criteria))
    profiles = load_profiles(store, criteria, group)
    if kommun not in profiles:
        raise CriteriaError(f"Okänd kommunkod: {kommun}.")
    return closest(kommun, profiles, criteria, ws, n, min_coverage)


def kommun_names(store: Store) -> dict[str, str]:
    return {k.code: k.name for k in store.catalogue.kommuner}
