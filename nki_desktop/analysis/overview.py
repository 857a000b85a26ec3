"""Key figures for one kommun, year and respondent group: the Översikt screen's content."""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.analysis.origin import SAMPLE
from nki_desktop.domain.areas import AREA_BY_KEY, SERVICE_FACTORS, TOTAL, index_factor
from nki_desktop.domain.grades import Grade, grade_for
from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.domain.ranking import shared_ranks
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import publication_rules
from nki_desktop.storage import Store


@dataclass
class Position:
    rank: int
    of: int  # 0 when unknown (a file that gives the rank only)
    computed: bool  # True when the program ranked it (not a published rank)
    publications: frozenset[str] = frozenset()  # of the values the position rests on

    @property
    def text(self) -> str:
        """'49 av 198', or '150' when the number ranked is unknown."""
        return f"{self.rank} av {self.of}" if self.of else str(self.rank)


@dataclass
class Figure:
    """One index with what belongs to it on screen and in reports."""

    key: str
    value: float | None
    n: int | None = None
    riket: float | None = None
    rank: Position | None = None
    missing: str | None = None
    source: str = ""
    publication: str = ""
    riket_publication: str = ""

    @property
    def grade(self) -> Grade | None:
        return grade_for(self.value)


@dataclass
class KeyFigures:
    kommun: str
    kommun_name: str
    year: int
    group: str
    total: Figure
    previous_year: int | None = None
    previous_total: float | None = None
    rank_national: Position | None = None
    rank_lan: Position | None = None
    rank_group: Position | None = None
    areas: list[Figure] = field(default_factory=list)
    factors: list[Figure] = field(default_factory=list)
    previous_publication: str = ""

    def sample_parts(self) -> list[str]:
        """What on the Översikt screen shows sample data (empty when nothing does)."""
        figures = [self.total, *self.areas, *self.factors]
        parts = []
        own = [f.publication == SAMPLE for f in figures if f.value is not None]
        if own and all(own):
            parts.append("kommunens värden")
        elif any(own):
            parts.append("en del av kommunens värden")
        if any(f.riket_publication == SAMPLE for f in figures):
            parts.append("Riket")
        if self.previous_publication == SAMPLE:
            parts.append("föregående år")
        for label, pos in (
            ("placering i riket", self.rank_national),
            ("placering i länet", self.rank_lan),
            ("placering i kommungruppen", self.rank_group),
        ):
            if pos is not None and SAMPLE in pos.publications:
                parts.append(label)
        return parts

    @property
    def change(self) -> float | None:
        if self.total.value is None or self.previous_total is None:
            return None
        return self.total.value - self.previous_total

    @property
    def best_factor(self) -> Figure | None:
        shown = [f for f in self.factors if f.value is not None]
        return max(shown, key=lambda f: f.value or 0) if shown else None

    @property
    def weakest_factor(self) -> Figure | None:
        shown = [f for f in self.factors if f.value is not None]
        return min(shown, key=lambda f: f.value or 0) if shown else None


def published_position(v: StoredValue) -> Position | None:
    """A published rank as "x av y" (importers complete y when a file gives only x)."""
    if not v.rank:
        return None
    return Position(v.rank, v.rank_of or 0, False, frozenset({v.publication}))


def _position_among(values: list[StoredValue], unit: str, members: set[str]) -> Position | None:
    # As the Ranking screen: kommuner with a value, except values known to rest on fewer
    # answers than ÖJ publishes (Kolada 2021: 190 kommuner have a value, "plats 2 av 190").
    used = [
        v
        for v in values
        if v.unit in members
        and v.value is not None
        and (v.n is None or v.n >= publication_rules(v.year).min_answers_oj)
    ]
    scores = {v.unit: v.value for v in used if v.value is not None}
    if unit not in scores:
        return None
    ranks = shared_ranks(scores)
    return Position(
        ranks[unit], len(scores), computed=True, publications=frozenset(v.publication for v in used)
    )


@dataclass
class OverviewValues:
    """The stored values the key figures are built from, fetched once."""

    kommun: str
    year: int
    group: str
    mine: list[StoredValue]  # min kommun, the year, every area and factor
    riket: list[StoredValue]  # Riket, the year
    totals: list[StoredValue]  # NKI totalt of every unit, the year
    previous_year: int | None = None
    previous_total: float | None = None
    previous_publication: str = ""


def fetch_overview(store: Store, kommun: str, year: int, group: str = "foretag") -> OverviewValues:
    """Read what :func:`build_key_figures` needs (the only reads of the Översikt)."""
    values = OverviewValues(
        kommun,
        year,
        group,
        mine=store.values(year=year, unit=kommun, group=group),
        riket=store.values(year=year, unit=RIKET, group=group),
        totals=store.values(year=year, area=TOTAL, factor="nki", group=group),
    )
    earlier = [y for y in store.years(group) if y < year]
    if earlier:
        values.previous_year = earlier[-1]
        prev = store.values(year=earlier[-1], unit=kommun, area=TOTAL, factor="nki", group=group)
        values.previous_total = prev[0].value if prev else None
        values.previous_publication = prev[0].publication if prev else ""
    return values


def build_key_figures(values: OverviewValues, catalogue: Catalogue) -> KeyFigures | None:
    """Pure: min kommun's figures for the year, or None when nothing is stored for it."""
    kommun, year, group, mine = values.kommun, values.year, values.group, values.mine
    if not mine:
        return None
    riket = {(v.area, v.factor): v for v in values.riket}
    by_cell = {(v.area, v.factor): v for v in mine}

    def figure(area: str, factor: str, key: str) -> Figure:
        v = by_cell.get((area, factor))
        r = riket.get((area, factor))
        r_value, r_pub = (r.value, r.publication) if r is not None else (None, "")
        if v is None:
            return Figure(key, None, riket=r_value, riket_publication=r_pub)
        rank = published_position(v)
        return Figure(
            key, v.value, v.n, r_value, rank, v.missing, v.source_ref, v.publication, r_pub
        )

    total = figure(TOTAL, "nki", TOTAL)
    k = catalogue.get(kommun)
    totals = values.totals
    kommun_units = {x.code for x in catalogue.kommuner}
    national = total.rank or _position_among(totals, kommun, kommun_units)
    result = KeyFigures(
        kommun,
        catalogue.name_of(kommun),
        year,
        group,
        total,
        rank_national=national,
        previous_year=values.previous_year,
        previous_total=values.previous_total,
        previous_publication=values.previous_publication,
    )
    if k is not None:
        result.rank_lan = _position_among(
            totals, kommun, {x.code for x in catalogue.in_lan(k.lan_code)}
        )
        result.rank_group = _position_among(
            totals, kommun, {x.code for x in catalogue.in_group(k.group_name)}
        )
    areas = sorted(
        {v.area for v in mine if v.area != TOTAL},
        key=lambda a: list(AREA_BY_KEY).index(a) if a in AREA_BY_KEY else 99,
    )
    result.areas = [figure(a, index_factor(a), a) for a in areas]
    result.factors = [figure(TOTAL, f, f) for f in SERVICE_FACTORS if (TOTAL, f) in by_cell]
    return result


def key_figures(
    store: Store, kommun: str, year: int, group: str = "foretag", catalogue: Catalogue | None = None
) -> KeyFigures | None:
    """Min kommun's figures for a year, or None when nothing is stored for it."""
    return build_key_figures(
        fetch_overview(store, kommun, year, group), catalogue or store.catalogue
    )
