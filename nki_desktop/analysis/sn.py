"""Svenskt Näringsliv's Lokalt företagsklimat, read on its own: the latest grade and rank of
a kommun, its series over the years, and the ranking of a year.

Reads only the area ``sn_foretagsklimat`` (asked for by name); nothing here ever touches NKI
values, and nothing of NKI reads these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.analysis.origin import is_fictitious
from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.sn import (
    HEADLINE,
    MEASURE_KEYS,
    QUESTIONS,
    RANK,
    RANK_OF,
    SN_AREA,
    SN_GROUP,
    measure_label,
)
from nki_desktop.storage import Store

SAMPLE_WARNING = "Exempeldata – fiktiva värden, inte Svenskt Näringslivs siffror."


@dataclass
class SnOverview:
    """The latest SN figures of one kommun (Översikt, the report)."""

    kommun: str
    year: int
    grade: float | None  # sammanfattande omdöme, 1–6
    n: int | None
    response_rate: float | None
    riket: float | None
    rank: int | None
    previous_rank: int | None
    questions: list[tuple[str, float, float | None]] = field(default_factory=list)
    publications: set[str] = field(default_factory=set)

    @property
    def rank_change(self) -> int | None:
        """Places climbed since the year before (positive = better)."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank

    @property
    def is_sample(self) -> bool:
        return is_fictitious(self.publications)


def sn_values(store: Store, **filters: object) -> list[StoredValue]:
    """Stored SN values (the survey's own area; group is always företag)."""
    return store.values(area=SN_AREA, group=SN_GROUP, **filters)  # type: ignore[arg-type]


def build_overview(values: list[StoredValue], kommun: str) -> SnOverview | None:
    """The latest year with an SN grade or rank for ``kommun`` (None when there is none)."""
    mine = [v for v in values if v.unit == kommun and (v.value is not None or v.rank)]
    if not mine:
        return None
    year = max(v.year for v in mine)
    cell = {v.factor: v for v in values if v.unit == kommun and v.year == year}
    riket = {v.factor: v for v in values if v.unit == RIKET and v.year == year}
    earlier = [
        v for v in values if v.unit == kommun and v.factor == RANK and v.rank and v.year < year
    ]
    previous = max(earlier, key=lambda v: v.year) if earlier else None
    head = cell.get(HEADLINE)
    questions = [
        (q.key, cell[q.key].value, riket[q.key].value if q.key in riket else None)
        for q in QUESTIONS
        if q.key in cell and cell[q.key].value is not None
    ]
    return SnOverview(
        kommun,
        year,
        head.value if head else None,
        head.n if head else None,
        head.response_rate if head else None,
        riket[HEADLINE].value if HEADLINE in riket else None,
        cell[RANK].rank if RANK in cell else None,
        previous.rank if previous and previous.year == year - 1 else None,
        questions,  # type: ignore[arg-type]
        {v.publication for v in cell.values()},
    )


def load_overview(store: Store, kommun: str) -> SnOverview | None:
    return build_overview(sn_values(store, units=[kommun, RIKET]), kommun)


@dataclass(frozen=True)
class SnPoint:
    year: int
    value: float  # a grade 1–6, or a rank 1–290
    publication: str


def series(store: Store, unit: str, factor: str) -> list[SnPoint]:
    """A kommun's grades of one question over the years, or its ranks (``factor='rank'``)."""
    out = []
    for v in sn_values(store, unit=unit, factor=factor):
        number = float(v.rank) if factor == RANK and v.rank else v.value
        if number is not None:
            out.append(SnPoint(v.year, number, v.publication))
    return out


def available_factors(store: Store, unit: str) -> list[tuple[str, str]]:
    """(key, label) of the SN measures stored for a kommun, in the survey's order."""
    present = {v.factor for v in sn_values(store, unit=unit)}
    return [(k, measure_label(k)) for k in MEASURE_KEYS if k in present]


@dataclass
class SnRankRow:
    unit: str
    name: str
    lan: str
    rank: int | None
    previous_rank: int | None
    grade: float | None  # sammanfattande omdöme that year
    publication: str

    @property
    def change(self) -> int | None:
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass
class SnRanking:
    year: int
    rows: list[SnRankRow]
    previous_year: int | None

    @property
    def is_sample(self) -> bool:
        return is_fictitious({r.publication for r in self.rows})


def sn_years(store: Store) -> list[int]:
    return store.years(area=SN_AREA)


def build_ranking(
    values: list[StoredValue], year: int, catalogue: Catalogue, lan: str | None = None
) -> SnRanking:
    """Svenskt Näringsliv's published ranking of ``year`` (ranks as published, never
    recomputed), with each kommun's change since the year before and its summary grade."""
    ranks = {v.unit: v for v in values if v.year == year and v.factor == RANK and v.rank}
    before = {v.unit: v.rank for v in values if v.year == year - 1 and v.factor == RANK}
    grades = {v.unit: v.value for v in values if v.year == year and v.factor == HEADLINE}
    rows = []
    for unit, v in ranks.items():
        k = catalogue.get(unit)
        if k is None or (lan and k.lan_code != lan):
            continue
        previous, grade = before.get(unit), grades.get(unit)
        rows.append(SnRankRow(unit, k.name, k.lan_name, v.rank, previous, grade, v.publication))
    rows.sort(key=lambda r: (r.rank or RANK_OF + 1, r.name))
    return SnRanking(year, rows, year - 1 if before else None)


def load_ranking(store: Store, year: int, lan: str | None = None) -> SnRanking:
    # only the two measures the table shows: reading rows is what costs
    values = sn_values(store, years=[year, year - 1], factors=[RANK, HEADLINE])
    return build_ranking(values, year, store.catalogue, lan)
