"""A read-through cache of one year's values, for batches that ask the same year many times
(a whole län's reports): one query per year and group, filtered in memory after that."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nki_desktop.domain.records import StoredValue
from nki_desktop.storage import Store


class YearValueCache:
    """Stands in for a :class:`Store` while reading: ``values(year=…)`` (effective values,
    one year) is answered from that year's values, fetched once; any other call goes to
    the store. Rows keep the store's order (year, unit, area, factor, group)."""

    def __init__(self, store: Store):
        self._store = store
        self._years: dict[tuple[int, str | None], list[StoredValue]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def values(
        self,
        *,
        year: int | None = None,
        years: Sequence[int] | None = None,
        unit: str | None = None,
        units: Sequence[str] | None = None,
        area: str | None = None,
        areas: Sequence[str] | None = None,
        factor: str | None = None,
        factors: Sequence[str] | None = None,
        group: str | None = None,
        effective: bool = True,
    ) -> list[StoredValue]:
        if year is None or not effective:
            return self._store.values(
                year=year, years=years, unit=unit, units=units, area=area, areas=areas,
                factor=factor, factors=factors, group=group, effective=effective,
            )  # fmt: skip
        key = (year, group)
        if key not in self._years:
            self._years[key] = self._store.values(year=year, group=group)
        unit_set = {unit} if unit is not None else set(units) if units is not None else None
        area_set = {area} if area is not None else set(areas) if areas is not None else None
        factor_set = (
            {factor} if factor is not None else set(factors) if factors is not None else None
        )
        return [
            v
            for v in self._years[key]
            if (unit_set is None or v.unit in unit_set)
            and (area_set is None or v.area in area_set)
            and (factor_set is None or v.factor in factor_set)
        ]
