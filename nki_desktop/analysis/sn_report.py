"""The report's section "Svenskt Näringslivs företagsklimat": the latest figures and the
years before, read from SN's own series only (never from or into NKI's)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.analysis.origin import is_fictitious, publication_label
from nki_desktop.analysis.sn import SnOverview, build_overview, sn_values
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.sn import HEADLINE, RANK, SOURCE_LINE
from nki_desktop.storage import Store


@dataclass(frozen=True)
class SnYearRow:
    year: int
    grade: float | None  # sammanfattande omdöme, 1–6
    riket: float | None
    n: int | None
    rank: int | None
    change: int | None  # places climbed since the year before


@dataclass
class SnReport:
    kommun: str
    latest: SnOverview
    years: list[SnYearRow]
    publications: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)

    @property
    def is_sample(self) -> bool:
        return is_fictitious(self.publications)

    @property
    def source_line(self) -> str:
        if self.is_sample:
            return f"Källa: {publication_label('sample')} (inte Svenskt Näringslivs siffror)."
        shown = "; ".join(self.files[:3]) + (" …" if len(self.files) > 3 else "")
        return SOURCE_LINE + (f" Fil: {shown}." if shown else "")


def build_report(values: list[StoredValue], kommun: str) -> SnReport | None:
    latest = build_overview(values, kommun)
    if latest is None:
        return None
    cell = {(v.unit, v.year, v.factor): v for v in values}
    years = sorted({v.year for v in values if v.unit == kommun})
    rows = []
    for year in years:
        head = cell.get((kommun, year, HEADLINE))
        riket = cell.get((RIKET, year, HEADLINE))
        rank = cell.get((kommun, year, RANK))
        before = cell.get((kommun, year - 1, RANK))
        change = (
            before.rank - rank.rank
            if rank and before and rank.rank is not None and before.rank is not None
            else None
        )
        rows.append(
            SnYearRow(
                year,
                head.value if head else None,
                riket.value if riket else None,
                head.n if head else None,
                rank.rank if rank else None,
                change,
            )
        )
    mine = [v for v in values if v.unit == kommun]
    return SnReport(
        kommun,
        latest,
        rows,
        {v.publication for v in mine},
        sorted({v.source for v in mine if v.source}),
    )


def load_report(store: Store, kommun: str) -> SnReport | None:
    """Min kommun's SN figures for the report (None when none is stored)."""
    return build_report(sn_values(store, units=[kommun, RIKET]), kommun)
