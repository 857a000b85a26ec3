"""A read-through cache of one year's values, for batches that ask the same year many times
(a whole län's reports): one query per year and group, filtered in memory after that."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.sn import is_other_survey
from nki_desktop.storage import Store


class YearValueCache:
    """Stands in for a :class:`Store` while reading: ``values(year=…)`` (effective values,
    one year) is answered from that year's values, fetched once, and one cell over every
    year (``values(area=…, factor=…)``, a trend line) from that cell's values of every
    unit, fetched once; any other call goes to the store. Rows keep the store's order
    (year, unit, area, factor, group)."""

    def __init__(self, store: Store):
        self._store = store
        self._years: dict[tuple[int, str | None], list[StoredValue]] = {}
        self._cells: dict[tuple[str, str, str | None], list[StoredValue]] = {}
        self._by_unit: dict[tuple[int, str | None], dict[str, list[StoredValue]]] = {}
        self._by_cell: dict[tuple[int, str | None], dict[tuple[str, str], list[StoredValue]]] = {}

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
        other_surveys: bool = False,
    ) -> list[StoredValue]:
        if (
            year is None and years is None and area is not None and factor is not None and effective
        ):  # one cell over every year (trend lines): read once for all units
            return self._series(area, factor, group, unit, units)
        named = [area] if area is not None else list(areas or ())
        if year is None or not effective or other_surveys or any(map(is_other_survey, named)):
            # the cached year holds NKI's areas only, as an unnamed store read returns them
            return self._store.values(
                year=year, years=years, unit=unit, units=units, area=area, areas=areas,
                factor=factor, factors=factors, group=group, effective=effective,
                other_surveys=other_surveys,
            )  # fmt: skip
        key = (year, group)
        if key not in self._years:
            rows = self._store.values(year=year, group=group)
            self._years[key] = rows
            by_unit: dict[str, list[StoredValue]] = {}
            by_cell: dict[tuple[str, str], list[StoredValue]] = {}
            for v in rows:  # subsequences keep the store's order
                by_unit.setdefault(v.unit, []).append(v)
                by_cell.setdefault((v.area, v.factor), []).append(v)
            self._by_unit[key], self._by_cell[key] = by_unit, by_cell
        unit_set = {unit} if unit is not None else set(units) if units is not None else None
        area_set = {area} if area is not None else set(areas) if areas is not None else None
        factor_set = (
            {factor} if factor is not None else set(factors) if factors is not None else None
        )
        candidates: list[StoredValue]
        if unit_set is not None:  # one list per unit, in the store's (sorted) unit order
            by_unit = self._by_unit[key]
            candidates = [v for u in sorted(unit_set) for v in by_unit.get(u, ())]
            unit_set = None
        elif area is not None and factor is not None:
            candidates = self._by_cell[key].get((area, factor), [])
            area_set = factor_set = None
        else:
            candidates = self._years[key]
        return [
            v
            for v in candidates
            if (unit_set is None or v.unit in unit_set)
            and (area_set is None or v.area in area_set)
            and (factor_set is None or v.factor in factor_set)
        ]

    def _series(
        self,
        area: str,
        factor: str,
        group: str | None,
        unit: str | None,
        units: Sequence[str] | None,
    ) -> list[StoredValue]:
        key = (area, factor, group)
        if key not in self._cells:
            self._cells[key] = self._store.values(area=area, factor=factor, group=group)
        wanted = {unit} if unit is not None else set(units) if units is not None else None
        rows = self._cells[key]
        return rows if wanted is None else [v for v in rows if v.unit in wanted]
