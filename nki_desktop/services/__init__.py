"""Operations shared by the window and the command line (no Qt): open the store, load or
remove the sample data, list values in long form.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nki_desktop.domain.municipalities import JOINT_PREFIX
from nki_desktop.domain.records import SaveResult, StoredValue
from nki_desktop.importers import sample
from nki_desktop.paths import default_db_path
from nki_desktop.storage import Store

LONG_COLUMNS = ("year", "unit", "unit_name", "area", "factor", "group", "value", "n", "rank",
                "ci_low", "ci_high", "source")


def open_store(db: str | Path | None = None) -> Store:
    """The user's database (or the one given), created and migrated as needed."""
    return Store.open(Path(db) if db else default_db_path())


def load_sample(store: Store) -> SaveResult:
    return store.save_import(sample.generate(store.catalogue))


def remove_sample(store: Store) -> int:
    """Remove every sample-data import; returns how many were removed."""
    removed = 0
    for info in store.imports_of_publication("sample"):
        removed += store.undo_import(info.id)
    return removed


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

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def long_rows(store: Store, kommun: str | None = None, year: int | None = None,
              area: str | None = None, group: str | None = None) -> list[LongRow]:
    """Stored values one row per value, as printed by ``nki-desktop data``."""
    values: list[StoredValue] = store.values(unit=kommun, year=year, area=area, group=group)
    names = store.unit_names()
    rows = []
    for v in values:
        unit = v.unit[len(JOINT_PREFIX):] if v.unit.startswith(JOINT_PREFIX) else v.unit
        rows.append(LongRow(v.year, unit, names.get(v.unit, unit), v.area, v.factor, v.group,
                            v.value, v.n, v.rank, v.ci_low, v.ci_high, v.source_ref, v.missing,
                            v.publication))
    return rows
