"""Min kommun against chosen kommuner: area by area and factor by factor."""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.analysis.origin import SAMPLE
from nki_desktop.domain.areas import (
    AREAS,
    INDEX_FACTORS,
    SERVICE_FACTORS,
    TOTAL,
    area_label,
    factor_label,
    index_factor,
)
from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.domain.records import StoredValue
from nki_desktop.storage import Store

AREA_ROWS = "areas"
FACTOR_ROWS = "factors"


@dataclass
class Cell:
    value: float | None
    n: int | None = None
    missing: str | None = None
    source: str = ""
    publication: str = ""


@dataclass
class CompareRow:
    area: str
    factor: str
    label: str
    cells: dict[str, Cell] = field(default_factory=dict)  # unit -> cell
    riket: float | None = None
    riket_publication: str = ""

    def value(self, unit: str) -> float | None:
        cell = self.cells.get(unit)
        return cell.value if cell else None

    def others_count(self, mine: str) -> int:
        """How many compared kommuner (min kommun excluded) have a value: the mean's base."""
        return sum(1 for u, c in self.cells.items() if u != mine and c.value is not None)

    def others_mean(self, mine: str) -> float | None:
        """Unweighted mean over the compared kommuner (min kommun excluded) with a value."""
        vals = [c.value for u, c in self.cells.items() if u != mine and c.value is not None]
        return sum(vals) / len(vals) if vals else None

    def difference(self, mine: str) -> float | None:
        own, mean = self.value(mine), self.others_mean(mine)
        return None if own is None or mean is None else own - mean


@dataclass
class Comparison:
    year: int
    group: str
    mine: str
    units: list[str]  # min kommun first, then the others
    names: dict[str, str]
    areas: list[CompareRow]
    factors: list[CompareRow]

    def rows(self, kind: str) -> list[CompareRow]:
        return self.areas if kind == AREA_ROWS else self.factors

    def sample_parts(self, kind: str) -> list[str]:
        """Which shown values are sample data: named kommuner, then Riket."""
        rows = self.rows(kind)
        parts = [
            self.names.get(u, u)
            for u in self.units
            if any(
                r.cells[u].publication == SAMPLE
                for r in rows
                if u in r.cells and r.cells[u].value is not None
            )
        ]
        if len(parts) > 4:
            parts = [f"{len(parts)} av {len(self.units)} kommuner"]
        if any(r.riket_publication == SAMPLE for r in rows if r.riket is not None):
            parts.append("Riket")
        return parts


def build_comparison(
    values: list[StoredValue],
    mine: str,
    others: list[str],
    year: int,
    group: str,
    catalogue: Catalogue,
) -> Comparison:
    """Pure: arrange the values of one year into area rows and factor rows.

    Areas are listed when any compared unit has a value for them; factors are those of
    NKI totalt (the six service factors).
    """
    units = [mine] + [u for u in others if u != mine]
    by_cell = {(v.unit, v.area, v.factor): v for v in values}
    present_areas = {v.area for v in values if v.unit in units and v.value is not None}
    areas = [a.key for a in AREAS if a.key in present_areas]

    def row(area: str, factor: str, label: str) -> CompareRow:
        out = CompareRow(area, factor, label)
        for u in units:
            v = by_cell.get((u, area, factor))
            out.cells[u] = (
                Cell(v.value, v.n, v.missing, v.source_ref, v.publication) if v else Cell(None)
            )
        r = by_cell.get((RIKET, area, factor))
        out.riket = r.value if r else None
        out.riket_publication = r.publication if r else ""
        return out

    area_rows = [
        row(a, index_factor(a), area_label(a) + (" (NUI)" if index_factor(a) == "nui" else ""))
        for a in areas
    ]
    factor_rows = [
        row(TOTAL, f, factor_label(f))
        for f in SERVICE_FACTORS
        if any((u, TOTAL, f) in by_cell for u in units)
    ]
    names = {u: catalogue.name_of(u) for u in units}
    return Comparison(year, group, mine, units, names, area_rows, factor_rows)


def load_comparison(
    store: Store, mine: str, others: list[str], year: int, group: str
) -> Comparison:
    units = [mine] + [u for u in others if u != mine] + [RIKET]
    # only the cells shown: each area's index, and the service factors of NKI totalt
    values = store.values(year=year, units=units, factors=list(INDEX_FACTORS), group=group)
    values += store.values(
        year=year, units=units, area=TOTAL, factors=list(SERVICE_FACTORS), group=group
    )
    return build_comparison(values, mine, others, year, group, store.catalogue)
