"""Stored values one row per value (``nki-desktop data``, ``export``): the row type and its
pure builder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nki_desktop.domain.municipalities import JOINT_PREFIX
from nki_desktop.domain.records import StoredValue

LONG_COLUMNS = (
    "year",
    "unit",
    "unit_name",
    "area",
    "factor",
    "group",
    "value",
    "n",
    "rank",
    "ci_low",
    "ci_high",
    "source",
)


@dataclass
class LongRow:
    year: int
    unit: str
    unit_name: str
    area: str
    factor: str
    group: str
    value: float | None
    n: int | None
    rank: int | None
    ci_low: float | None
    ci_high: float | None
    source: str
    missing: str | None = None
    publication: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def build_long_rows(values: Iterable[StoredValue], names: Mapping[str, str]) -> list[LongRow]:
    """One row per stored value; a joint body's unit loses its internal prefix."""
    rows = []
    for v in values:
        unit = v.unit[len(JOINT_PREFIX) :] if v.unit.startswith(JOINT_PREFIX) else v.unit
        rows.append(
            LongRow(
                v.year,
                unit,
                names.get(v.unit, unit),
                v.area,
                v.factor,
                v.group,
                v.value,
                v.n,
                v.rank,
                v.ci_low,
                v.ci_high,
                v.source_ref,
                v.missing,
                v.publication,
            )
        )
    return rows
