"""What the map shows: one value per kommun for a year, area, factor and respondent group,
sorted into classes (grade bands of the index, or groups of ranking places) or missing.

Pure: :func:`build_map_data` takes a ranking table (every kommun with value, n and computed
rank) and returns plain values; :func:`load_map_data` reads it from the store.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from nki_desktop.analysis.origin import SAMPLE
from nki_desktop.analysis.ranking import RankFilter, RankingTable, build_ranking, load_ranking
from nki_desktop.domain.areas import TOTAL, area_label, factor_label, group_label
from nki_desktop.domain.grades import grade_for, grade_scale
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.numbers import fmt_index, fmt_number
from nki_desktop.domain.records import MISSING_MARKERS, StoredValue
from nki_desktop.domain.rules import publication_rules
from nki_desktop.storage import Store

GRADE = "grade"  # the index, coloured by SKR's grade bands
RANK = "rank"  # the computed national place, in five groups of places
MODES = {GRADE: "Index och betyg", RANK: "Placering i riket"}
RANK_CLASSES = 5
# cividis: readable with every common colour-vision deficiency and darker for better places
RANK_COLOURS = ("#00204D", "#414D6B", "#7C7B78", "#BCAF6F", "#FFEA46")
MISSING_LABEL = "Inget värde eller för få svar"


@dataclass(frozen=True)
class MapClass:
    key: str
    label: str  # "Mycket högt (≥ 80)" or "Plats 1–38"
    symbol: str  # the grade's ●○ symbol; "" for places
    colour: str
    count: int = 0


@dataclass(frozen=True)
class MapEntry:
    code: str
    name: str
    lan_name: str
    value: float | None
    n: int | None
    rank: int | None  # computed place in the country; None when not ranked
    ranked: int  # how many kommuner were ranked
    grade: str  # "●●●○ Högt", "" without a value
    klass: int | None  # index into MapData.classes; None = shown as missing
    missing: str = ""  # why there is no value on the map
    publication: str = ""

    def describe(self, measure: str, year: int) -> str:
        """The hover text: name, value, answers, grade and rank, in Swedish."""
        lines = [f"{self.name} ({self.lan_name})" if self.lan_name else self.name]
        if self.value is None:
            lines.append(f"{measure} {year}: {self.missing or 'inget värde'}")
        else:
            lines.append(f"{measure} {year}: {fmt_index(self.value)}")
            if self.grade:
                lines.append(f"Betyg: {self.grade}")
        lines.append(f"Antal svar: {fmt_number(self.n)}")
        if self.rank is not None:
            lines.append(f"Plats {self.rank} av {self.ranked} i riket (beräknad)")
        elif self.value is not None:
            lines.append("Inte rankad" + (f": {self.missing}" if self.missing else ""))
        if self.publication == SAMPLE:
            lines.append("Exempeldata – fiktivt värde")
        return "\n".join(lines)


@dataclass
class MapData:
    year: int
    area: str
    factor: str
    group: str
    mode: str
    classes: list[MapClass]
    entries: dict[str, MapEntry] = field(default_factory=dict)
    mine: str = ""
    marked: tuple[str, ...] = ()  # kommuner drawn with a dashed edge (Jämför: the compared)
    marked_label: str = "I jämförelsen"
    outside: frozenset[str] = frozenset()  # not in the screen's selection: drawn pale

    def shows(self, code: str) -> bool:
        return code not in self.outside

    @property
    def measure(self) -> str:
        return measure_label(self.area, self.factor)

    @property
    def title(self) -> str:
        """ "Kartan: NKI totalt 2023" (with the group when it is not företag)."""
        what = self.measure if self.mode == GRADE else f"placering, {self.measure}"
        text = f"Kartan: {what} {self.year}"
        if self.group != "foretag":
            text += f" – {group_label(self.group).lower()}"
        return text

    @property
    def missing_count(self) -> int:
        return sum(1 for e in self.entries.values() if e.klass is None)

    @property
    def is_sample(self) -> bool:
        return any(e.publication == SAMPLE for e in self.entries.values() if e.value is not None)

    def entry(self, code: str) -> MapEntry | None:
        return self.entries.get(code)

    def describe(self, code: str) -> str:
        entry = self.entries.get(code)
        return entry.describe(self.measure, self.year) if entry else ""

    def note(self) -> str:
        """The explanation printed under the map."""
        rules = publication_rules(self.year)
        if self.mode == GRADE:
            how = (
                "Färg och mönster visar betyget: värdet avrundat till heltal som SKR "
                "publicerar det, i SKR:s fem betygsband."
            )
        else:
            how = (
                f"Färg och mönster visar placeringen i riket, beräknad av programmet bland "
                f"kommuner med minst {rules.min_answers_oj} svar, i fem lika stora grupper."
            )
        return (
            f"{how} Grått med kryssmönster: {MISSING_LABEL.lower()} (färre än "
            f"{rules.min_answers_oj} svar). Tjock svart kant: min kommun."
        )


def measure_label(area: str, factor: str) -> str:
    """ "NKI totalt", "NKI bygglov", "Bemötande, totalt", "Bemötande, bygglov"."""
    if factor in ("nki", "nui"):
        if area == TOTAL:
            return area_label(area)
        return f"{factor_label(factor)} {area_label(area).lower()}"
    where = "totalt" if area == TOTAL else area_label(area).lower()
    return f"{factor_label(factor)}, {where}"


def rank_bounds(ranked: int, classes: int = RANK_CLASSES) -> list[tuple[int, int]]:
    """Places 1..ranked cut into ``classes`` groups as equal as possible: [(1, 38), …]."""
    if ranked <= 0:
        return []
    count = min(classes, ranked)
    edges = [math.ceil(i * ranked / count) for i in range(count + 1)]
    return [(edges[i] + 1, edges[i + 1]) for i in range(count)]


def _rank_class(rank: int, cuts: list[tuple[int, int]]) -> int | None:
    for i, (low, high) in enumerate(cuts):
        if low <= rank <= high:
            return i
    return None


def build_map_data(table: RankingTable, mode: str = GRADE, mine: str = "") -> MapData:
    """Classes and entries of every kommun in a (national) ranking table; pure."""
    year = table.year
    least = publication_rules(year).min_answers_oj
    ranked = table.ranked
    cuts = rank_bounds(ranked)
    grades = grade_scale(year).grades
    if mode == RANK:
        classes = [
            MapClass(f"rank{i}", f"Plats {low}–{high}", "", RANK_COLOURS[i])
            for i, (low, high) in enumerate(cuts)
        ]
    else:
        classes = [MapClass(g.key, f"{g.label} ({g.band})", g.symbol, g.colour) for g in grades]
    entries: dict[str, MapEntry] = {}
    counts = [0] * len(classes)
    for row in table.rows:
        grade = grade_for(row.value, year)
        missing = ""
        if row.value is None:
            missing = "inget värde"
            if row.missing is not None and row.missing.strip():
                meaning = MISSING_MARKERS.get(row.missing.strip(), "")
                missing = f"{meaning} ({row.missing.strip()})" if meaning else missing
        elif row.n is not None and row.n < least:
            missing = f"för få svar ({row.n})"
        klass: int | None = None
        if not missing:
            if mode == RANK:
                klass = _rank_class(row.rank, cuts) if row.rank is not None else None
                if klass is None:
                    missing = "inte rankad"
            elif grade is not None:
                klass = next(i for i, g in enumerate(grades) if g.key == grade.key)
        if klass is not None:
            counts[klass] += 1
        entries[row.unit] = MapEntry(
            row.unit,
            row.name,
            row.lan_name,
            row.value,
            row.n,
            row.rank,
            ranked,
            f"{grade.symbol} {grade.label}" if grade else "",
            klass,
            missing,
            row.publication,
        )
    classes = [
        MapClass(c.key, c.label, c.symbol, c.colour, count)
        for c, count in zip(classes, counts, strict=True)
    ]
    return MapData(year, table.area, table.factor, table.group, mode, classes, entries, mine)


def load_map_data(
    store: Store,
    year: int,
    area: str = TOTAL,
    factor: str = "nki",
    group: str = "foretag",
    mode: str = GRADE,
    mine: str = "",
) -> MapData:
    """Read one year's values of every kommun and build the map's classes."""
    table = load_ranking(store, year, area, factor, group, RankFilter(), mine)
    return build_map_data(table, mode, mine)


def map_from_values(
    values: list[StoredValue],
    catalogue: Catalogue,
    year: int,
    group: str,
    mine: str = "",
    area: str = TOTAL,
    factor: str = "nki",
    mode: str = GRADE,
) -> MapData:
    """The map of values already read (one year, area, factor and group); pure."""
    chosen = [v for v in values if (v.area, v.factor, v.year) == (area, factor, year)]
    table = build_ranking(chosen, [], catalogue, year, area, factor, group, RankFilter())
    return build_map_data(table, mode, mine)
