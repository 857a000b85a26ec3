"""Series over case years: a unit's own values and averages over a set of kommuner."""

from __future__ import annotations

from dataclasses import dataclass

from nki_desktop.analysis import peers
from nki_desktop.analysis.origin import is_fictitious, publication_label
from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import DefinitionBreak, breaks_between
from nki_desktop.storage import Store


@dataclass
class Point:
    year: int
    value: float | None
    n: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    missing: str | None = None
    source: str = ""  # file (sheet, row) of a single value
    members: int = 1  # for averages: how many kommuner had a value (the values averaged)
    publications: tuple[str, ...] = ()  # of the value, or of the values averaged

    @property
    def origin(self) -> str:
        """The publication(s) behind the point, in words."""
        return " + ".join(publication_label(p) for p in self.publications)


def _point(v: StoredValue) -> Point:
    return Point(
        v.year,
        v.value,
        v.n,
        v.ci_low,
        v.ci_high,
        v.missing,
        v.source_ref,
        publications=(v.publication,) if v.publication else (),
    )


def series(store: Store, unit: str, area: str, factor: str, group: str) -> list[Point]:
    """Every stored year of one unit's index, oldest first."""
    return [_point(v) for v in store.values(unit=unit, area=area, factor=factor, group=group)]


def average_series(
    store: Store, units: set[str] | list[str], area: str, factor: str, group: str
) -> list[Point]:
    """Unweighted mean over the units with a value, per year (``members`` counts them)."""
    values = store.values(units=sorted(units), area=area, factor=factor, group=group)
    by_year: dict[int, list[StoredValue]] = {}
    for v in values:
        if v.value is not None:
            by_year.setdefault(v.year, []).append(v)
    return [
        Point(
            year,
            sum(v.value or 0.0 for v in vals) / len(vals),
            members=len(vals),
            publications=tuple(sorted({v.publication for v in vals if v.publication})),
        )
        for year, vals in sorted(by_year.items())
    ]


def breaks_in(points: list[Point], area: str) -> list[DefinitionBreak]:
    """Definition changes the series crosses (shown as markers and noted in reports)."""
    years = [p.year for p in points]
    return breaks_between(min(years), max(years), area) if years else []


@dataclass(frozen=True)
class SeriesBreak:
    """Where a line is broken: a change of source or of definition between two points."""

    year: int  # first year of the new segment
    previous_year: int
    kind: str  # "source" or "definition"
    before: str  # the publication(s) or definition before, in words
    after: str


def segments(points: list[Point], area: str) -> tuple[list[list[Point]], list[SeriesBreak]]:
    """Split a series where consecutive values come from different publications or lie on
    both sides of a definition change: such values are never joined as one line.

    Points without a value are left out (they are not drawn)."""
    shown = [p for p in points if p.value is not None]
    parts: list[list[Point]] = []
    breaks: list[SeriesBreak] = []
    for p in shown:
        prev = parts[-1][-1] if parts else None
        if prev is None:
            parts.append([p])
            continue
        changed = breaks_between(prev.year, p.year, area)
        if changed:
            breaks.append(
                SeriesBreak(
                    p.year,
                    prev.year,
                    "definition",
                    f"definitionen före {changed[-1].year}",
                    f"definitionen från {changed[-1].year}",
                )
            )
        if prev.publications != p.publications:  # noted also where the definition changed
            breaks.append(
                SeriesBreak(
                    p.year,
                    prev.year,
                    "source",
                    prev.origin or "okänd källa",
                    p.origin or "okänd källa",
                )
            )
        if changed or prev.publications != p.publications:
            parts.append([p])
        else:
            parts[-1].append(p)
    return parts, breaks


# -- the Trend screen's content ---------------------------------------------------------
COMPARE_LAN = "lan"
COMPARE_GROUP = "kommungrupp"
COMPARE_LARGE = "large"
COMPARE_UNITS = "units"
COMPARE_NONE = "none"


@dataclass
class Line:
    key: str  # "mine", "riket", "compare"
    label: str
    points: list[Point]
    average: bool = False  # an unweighted mean over several kommuner

    @property
    def has_intervals(self) -> bool:
        return any(p.ci_low is not None and p.ci_high is not None for p in self.points)

    @property
    def fictitious(self) -> bool:
        return any(is_fictitious(p.publications) for p in self.points if p.value is not None)


@dataclass
class TrendData:
    kommun: str
    area: str
    factor: str
    group: str
    lines: list[Line]
    breaks: list[DefinitionBreak]

    @property
    def years(self) -> list[int]:
        return sorted({p.year for line in self.lines for p in line.points})

    @property
    def empty(self) -> bool:
        return not any(p.value is not None for line in self.lines for p in line.points)

    def segments(self, line: Line) -> tuple[list[list[Point]], list[SeriesBreak]]:
        """The line's drawn pieces and why it is broken between them."""
        return segments(line.points, self.area)

    def source_notes(self) -> list[str]:
        """One sentence per change of source in a line (definition breaks are noted apart)."""
        notes = []
        for line in self.lines:
            for b in self.segments(line)[1]:
                if b.kind == "source":
                    notes.append(
                        f"{line.label}: {b.previous_year} kommer från {b.before}, "
                        f"{b.year} från {b.after}. Linjen bryts där källan byts – "
                        f"värden ur olika källor är inte en serie."
                    )
        return notes

    def sample_parts(self) -> list[str]:
        """The lines that show sample data (for the warning)."""
        return [line.label for line in self.lines if line.fictitious]


def comparison_members(
    catalogue: Catalogue, kommun: str, kind: str, units: list[str] | None = None
) -> tuple[str, set[str]]:
    """The label and the members of a trend comparison (min kommun excluded)."""
    k = catalogue.get(kommun)
    if kind == COMPARE_LAN and k is not None:
        return f"Medel {k.lan_name}", peers.lan_members(catalogue, kommun) - {kommun}
    if kind == COMPARE_GROUP and k is not None:
        return (
            f"Medel kommungrupp {k.group_name}",
            peers.group_members(catalogue, kommun) - {kommun},
        )
    if kind == COMPARE_LARGE:
        return "Medel kommuner över 40 000 inv.", peers.large_members(catalogue) - {kommun}
    if kind == COMPARE_UNITS and units:
        chosen = set(units) - {kommun}
        return "Medel valda kommuner", chosen
    return "", set()


def trend_data(
    store: Store,
    kommun: str,
    area: str,
    factor: str,
    group: str,
    compare: str = COMPARE_LAN,
    units: list[str] | None = None,
) -> TrendData:
    """Min kommun, Riket and a comparison average over every stored year."""
    catalogue = store.catalogue
    lines = [
        Line("mine", catalogue.name_of(kommun), series(store, kommun, area, factor, group)),
        Line("riket", "Riket", series(store, RIKET, area, factor, group)),
    ]
    label, members = comparison_members(catalogue, kommun, compare, units)
    if members:
        lines.append(
            Line(
                "compare", label, average_series(store, members, area, factor, group), average=True
            )
        )
    all_points = [p for line in lines for p in line.points if p.value is not None]
    return TrendData(kommun, area, factor, group, lines, breaks_in(all_points, area))


@dataclass
class TrendRow:
    """One year of the trend table: each line's value side by side."""

    year: int
    values: dict[str, Point]  # line key -> point

    def value(self, key: str) -> float | None:
        p = self.values.get(key)
        return p.value if p else None

    def diff(self, key: str, other: str) -> float | None:
        a, b = self.value(key), self.value(other)
        return None if a is None or b is None else a - b


def trend_rows(data: TrendData) -> list[TrendRow]:
    """The lines arranged by year (oldest first), for the table under the chart."""
    rows = {y: TrendRow(y, {}) for y in data.years}
    for line in data.lines:
        for p in line.points:
            rows[p.year].values[line.key] = p
    return [rows[y] for y in sorted(rows)]
