"""Profiles for the similar-kommuner search: each kommun's value for every criterion, from
the catalogue (population, kommungrupp, län) and stored results (pure)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from nki_desktop.analysis.similar import Value
from nki_desktop.analysis.similar_criteria import KOMMUNGRUPP, LAN, POPULATION, Criterion
from nki_desktop.domain.municipalities import Kommun
from nki_desktop.domain.records import StoredValue

POPULATION_SOURCE = (
    "Befolkningen är SKR:s invånarantal per den 31 december 2020, avrundat till hundratal, "
    "ur programmets kommunlista (SKR:s öppna data om kommungruppsindelningen 2023)."
)


def catalogue_value(kommun: Kommun, key: str) -> Value:
    """Population, kommungrupp (code, e.g. "C8") or län name from the catalogue."""
    if key == POPULATION:
        return float(kommun.population) if kommun.population > 0 else None
    if key == KOMMUNGRUPP:
        return kommun.group_code or kommun.group_name or None
    if key == LAN:
        return kommun.lan_name or kommun.lan_code or None
    return None


def result_means(values: Iterable[StoredValue], years: Sequence[int]) -> dict[str, float]:
    """Per unit: the mean of its values over ``years`` (only the years it has a value for)."""
    wanted = set(years)
    found: dict[str, list[float]] = defaultdict(list)
    for v in values:
        if v.year in wanted and v.value is not None and math.isfinite(v.value):
            found[v.unit].append(v.value)
    return {unit: math.fsum(xs) / len(xs) for unit, xs in found.items()}


def build_profiles(
    kommuner: Sequence[Kommun],
    criteria: Sequence[Criterion],
    results: Mapping[str, Sequence[StoredValue]],
) -> dict[str, dict[str, Value]]:
    """Every kommun's profile: catalogue criteria from the catalogue, result criteria from
    ``results`` (criterion key → stored values of its area, factor and years)."""
    means = {c.key: result_means(results.get(c.key, ()), c.years) for c in criteria if c.is_result}
    profiles: dict[str, dict[str, Value]] = {}
    for k in kommuner:
        profile: dict[str, Value] = {}
        for c in criteria:
            profile[c.key] = means[c.key].get(k.code) if c.is_result else catalogue_value(k, c.key)
        profiles[k.code] = profile
    return profiles
