"""Comparison sets: the län, the kommungrupp, large kommuner, saved lists; averages over them."""

from __future__ import annotations

from dataclasses import dataclass

from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import StoredValue


def lan_members(catalogue: Catalogue, kommun: str) -> set[str]:
    k = catalogue.get(kommun)
    return {x.code for x in catalogue.in_lan(k.lan_code)} if k else set()


def group_members(catalogue: Catalogue, kommun: str) -> set[str]:
    """Same SKR kommungrupp (2023): "Liknande kommuner"."""
    k = catalogue.get(kommun)
    return {x.code for x in catalogue.in_group(k.group_name)} if k else set()


def large_members(catalogue: Catalogue) -> set[str]:
    return {k.code for k in catalogue.kommuner if k.is_large}


def averages(values: list[StoredValue], members: set[str]) -> dict[tuple[str, str], float]:
    """Unweighted mean per (area, factor) over the members that have a value."""
    sums: dict[tuple[str, str], list[float]] = {}
    for v in values:
        if v.unit in members and v.value is not None:
            sums.setdefault((v.area, v.factor), []).append(v.value)
    return {key: sum(vals) / len(vals) for key, vals in sums.items()}


@dataclass(frozen=True)
class Mean:
    """An unweighted mean with the number of values it is taken over and their sources."""

    value: float
    count: int
    publications: tuple[str, ...] = ()


def means(values: list[StoredValue], members: set[str]) -> dict[tuple[str, str], Mean]:
    """Like :func:`averages`, with the count of values and their publications."""
    found: dict[tuple[str, str], list[StoredValue]] = {}
    for v in values:
        if v.unit in members and v.value is not None:
            found.setdefault((v.area, v.factor), []).append(v)
    return {
        key: Mean(
            sum(v.value or 0.0 for v in vals) / len(vals),
            len(vals),
            tuple(sorted({v.publication for v in vals if v.publication})),
        )
        for key, vals in found.items()
    }


NEIGHBOURS = "Grannkommuner (samma län)"
SIMILAR = "Liknande kommuner (samma kommungrupp)"


def comparison_sets(
    catalogue: Catalogue, kommun: str, saved: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """Named comparison sets for min kommun (itself excluded): the built-in ones, then saved.

    "Grannkommuner" = the same län; "Liknande kommuner" = the same SKR kommungrupp.
    """
    sets: dict[str, list[str]] = {}
    if catalogue.get(kommun) is not None:
        sets[NEIGHBOURS] = sorted(lan_members(catalogue, kommun) - {kommun})
        sets[SIMILAR] = sorted(group_members(catalogue, kommun) - {kommun})
    for name, units in (saved or {}).items():
        sets[name] = [u for u in units if u != kommun]
    return sets
