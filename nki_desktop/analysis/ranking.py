"""Rankings for the screens and reports; the tie rule itself lives in domain.ranking.

A ranking table lists every kommun for one year, area, factor and respondent group. Filters
(län, kommungrupp, size, publication rules) choose which kommuner are ranked; the program then
ranks them itself ("beräknad placering"). The published rank is shown beside it where stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.analysis.origin import SAMPLE
from nki_desktop.domain.areas import TOTAL
from nki_desktop.domain.municipalities import Catalogue, Kommun
from nki_desktop.domain.ranking import TIES_NOTE, shared_ranks
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import publication_rules
from nki_desktop.storage import Store

__all__ = [
    "TIES_NOTE",
    "RankFilter",
    "RankRow",
    "RankingTable",
    "build_ranking",
    "load_ranking",
    "min_answers",
    "shared_ranks",
]


@dataclass(frozen=True)
class RankFilter:
    """Which kommuner take part in the ranking. An empty filter means all of Sweden."""

    lan: str | None = None  # län code, "18"
    kommungrupp: str | None = None  # group name as in the catalogue
    large_only: bool = False  # over 40 000 inhabitants
    publishable_only: bool = False  # only values with enough answers for the year's rules

    @property
    def is_national(self) -> bool:
        return not (self.lan or self.kommungrupp or self.large_only or self.publishable_only)

    def admits(self, k: Kommun) -> bool:
        return (
            (self.lan is None or k.lan_code == self.lan)
            and (self.kommungrupp is None or k.group_name == self.kommungrupp)
            and (not self.large_only or k.is_large)
        )


@dataclass
class RankRow:
    unit: str
    name: str
    lan_name: str
    group_name: str
    population: int
    value: float | None
    n: int | None
    missing: str | None
    published_rank: int | None
    published_of: int | None
    rank: int | None  # computed within the filter; None when not ranked
    previous_rank: int | None  # last year's computed rank within the same filter
    previous_value: float | None
    enough_answers: bool
    source: str = ""
    mine: bool = False
    publication: str = ""
    previous_publication: str = ""

    @property
    def rank_change(self) -> int | None:
        """Positions gained since last year (positive = climbed), or None."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank

    @property
    def value_change(self) -> float | None:
        if self.value is None or self.previous_value is None:
            return None
        return self.value - self.previous_value


@dataclass
class RankingTable:
    year: int
    area: str
    factor: str
    group: str
    filter: RankFilter
    previous_year: int | None
    rows: list[RankRow] = field(default_factory=list)
    min_answers: int = 0

    @property
    def ranked(self) -> int:
        return sum(1 for r in self.rows if r.rank is not None)

    def row_of(self, unit: str) -> RankRow | None:
        return next((r for r in self.rows if r.unit == unit), None)

    def sample_parts(self) -> list[str]:
        """What in the table rests on sample data (empty when nothing does)."""
        parts = []
        if any(r.publication == SAMPLE for r in self.rows if r.value is not None):
            parts.append("värden och placeringar")
        if any(r.previous_publication == SAMPLE for r in self.rows if r.previous_value is not None):
            parts.append("förändring sedan föregående år")
        return parts


def min_answers(year: int, area: str) -> int:
    """Answers needed for a value to count in the year's ranking (NKI totalt or an area)."""
    rules = publication_rules(year)
    return rules.min_answers_total_rank if area == TOTAL else rules.min_answers_area_rank


def _ranks(
    values: dict[str, StoredValue], members: list[Kommun], year: int, area: str, filt: RankFilter
) -> dict[str, int]:
    need = min_answers(year, area)
    published = publication_rules(year).min_answers_oj
    scores: dict[str, float] = {}
    for k in members:
        v = values.get(k.code)
        if v is None or v.value is None:
            continue
        if v.n is not None and v.n < published:
            continue  # below ÖJ's minimum (e.g. computed from few respondents): never ranked
        if filt.publishable_only and (v.n is None or v.n < need):
            continue
        scores[k.code] = v.value
    return shared_ranks(scores)


def build_ranking(
    current: list[StoredValue],
    previous: list[StoredValue],
    catalogue: Catalogue,
    year: int,
    area: str,
    factor: str,
    group: str,
    filt: RankFilter,
    previous_year: int | None = None,
    mine: str = "",
) -> RankingTable:
    """Rank the kommuner admitted by the filter; pure (values in, table out).

    Every admitted kommun gets a row, also those without a value (rank None). With the
    publication filter, values with too few answers stay listed but are not ranked.
    """
    now = {v.unit: v for v in current}
    before = {v.unit: v for v in previous}
    members = [k for k in catalogue.kommuner if filt.admits(k)]
    ranks = _ranks(now, members, year, area, filt)
    previous_ranks = (
        _ranks(before, members, previous_year, area, filt) if previous_year is not None else {}
    )
    need = min_answers(year, area)
    table = RankingTable(year, area, factor, group, filt, previous_year, min_answers=need)
    for k in members:
        v = now.get(k.code)
        p = before.get(k.code)
        enough = v is not None and v.n is not None and v.n >= need
        table.rows.append(
            RankRow(
                k.code,
                k.name,
                k.lan_name,
                k.group_name,
                k.population,
                v.value if v else None,
                v.n if v else None,
                v.missing if v else None,
                v.rank if v else None,
                v.rank_of if v else None,
                ranks.get(k.code),
                previous_ranks.get(k.code),
                p.value if p else None,
                enough,
                v.source_ref if v else "",
                k.code == mine,
                v.publication if v else "",
                p.publication if p else "",
            )
        )
    table.rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.name))
    return table


def load_ranking(
    store: Store,
    year: int,
    area: str,
    factor: str,
    group: str,
    filt: RankFilter | None = None,
    mine: str = "",
) -> RankingTable:
    """Read the year and the year before from the store and build the ranking table."""
    filt = filt or RankFilter()
    earlier = [y for y in store.years(group) if y < year]
    previous_year = earlier[-1] if earlier else None
    current = store.values(year=year, area=area, factor=factor, group=group)
    previous = (
        store.values(year=previous_year, area=area, factor=factor, group=group)
        if previous_year is not None
        else []
    )
    return build_ranking(
        current, previous, store.catalogue, year, area, factor, group, filt, previous_year, mine
    )
