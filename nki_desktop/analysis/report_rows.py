"""The rows of the board summary and the pure builders that make them (no Qt, no store):
the key-figure table, NKI totalt over the years, ranking excerpts and definition breaks.
:mod:`~nki_desktop.analysis.report_data` gathers them into one ``ReportData``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nki_desktop.analysis import peers, trend
from nki_desktop.analysis.origin import join_source, mean_text
from nki_desktop.analysis.overview import KeyFigures, Position, published_position
from nki_desktop.domain.areas import (
    AREA_BY_KEY,
    SERVICE_FACTORS,
    TOTAL,
    area_label,
    factor_label,
    index_factor,
)
from nki_desktop.domain.grades import Grade, grade_for
from nki_desktop.domain.municipalities import GROUP_CODES, Catalogue
from nki_desktop.domain.ranking import shared_ranks
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import DEFINITION_BREAKS, DefinitionBreak

_FACTOR_ORDER = ("nki", "nui", *SERVICE_FACTORS)


@dataclass
class ReportTrendRow:
    year: int
    value: float | None
    n: int | None
    riket: float | None
    comparison: float | None
    missing: str | None = None
    source: str = ""  # min kommun's value: publication and file
    publication: str = ""
    riket_publication: str = ""
    comparison_count: int = 0  # values the comparison mean is taken over
    comparison_publications: tuple[str, ...] = ()

    @property
    def publications(self) -> set[str]:
        return {self.publication, self.riket_publication, *self.comparison_publications}


@dataclass
class FigureRow:
    """One index of min kommun for the report year, with what it is compared with."""

    area: str
    factor: str
    value: float | None
    n: int | None
    riket: float | None
    comparison: float | None
    rank: Position | None = None
    missing: str | None = None
    comparison_count: int = 0  # values the comparison mean is taken over
    publications: tuple[str, ...] = ()  # of the value, Riket and the comparison mean

    @property
    def comparison_text(self) -> str:
        """'medel av 31 värden', or '' without a comparison mean."""
        return mean_text(self.comparison_count) if self.comparison is not None else ""

    @property
    def area_label(self) -> str:
        return area_label(self.area)

    @property
    def factor_label(self) -> str:
        return factor_label(self.factor)

    @property
    def grade(self) -> Grade | None:
        return grade_for(self.value)


@dataclass
class ExcerptRow:
    rank: int
    unit: str
    name: str
    value: float
    n: int | None
    is_self: bool
    publication: str = ""


@dataclass
class RankingExcerpt:
    title: str
    rows: list[ExcerptRow]
    of: int
    computed: bool  # True when the program ranked (not a published ranking)
    note: str = ""


def _order(area: str, factor: str) -> tuple[int, int]:
    areas = list(AREA_BY_KEY)
    return (
        areas.index(area) if area in areas else 99,
        _FACTOR_ORDER.index(factor) if factor in _FACTOR_ORDER else 99,
    )


def ranking_excerpt(
    values: list[StoredValue],
    kommun: str,
    members: set[str],
    title: str,
    names: dict[str, str],
    radius: int,
    use_published: bool,
) -> RankingExcerpt | None:
    """Rows around min kommun in a ranking, published ranks where they exist."""
    shown = [v for v in values if v.unit in members and v.value is not None]
    if use_published:
        ranked = [v for v in shown if v.rank]
        ranks = {v.unit: int(v.rank or 0) for v in ranked}
        of = max((v.rank_of or 0 for v in ranked), default=0)  # 0: unknown (importers
        # complete it when the file holds the whole ranking)
    else:
        ranked = shown
        ranks = shared_ranks({v.unit: float(v.value or 0) for v in shown})
        of = len(shown)
    if kommun not in ranks:
        return None
    ranked.sort(key=lambda v: (ranks[v.unit], names.get(v.unit, v.unit)))
    at = next(i for i, v in enumerate(ranked) if v.unit == kommun)
    if len(ranked) > 2 * radius + 3:
        ranked = ranked[max(0, at - radius) : at + radius + 1]
    window = ranked
    rows = [
        ExcerptRow(
            ranks[v.unit],
            v.unit,
            names.get(v.unit, v.unit),
            float(v.value or 0),
            v.n,
            v.unit == kommun,
            v.publication,
        )
        for v in window
    ]
    note = (
        "Placeringen är beräknad av programmet bland kommuner med värde; den är inte "
        "en publicerad rankning."
        if not use_published
        else "Placering enligt den importerade rankningen (kommuner med tillräckligt många svar)."
    )
    return RankingExcerpt(title, rows, of, not use_published, note)


def _trend_row(
    year: int, own: trend.Point | None, nat: trend.Point | None, avg: trend.Point | None
) -> ReportTrendRow:
    def value_of(p: trend.Point | None) -> float | None:
        return p.value if p else None

    def pub(p: trend.Point | None) -> str:
        return p.publications[0] if p and p.publications and p.value is not None else ""

    return ReportTrendRow(
        year,
        value_of(own),
        own.n if own else None,
        value_of(nat),
        value_of(avg),
        own.missing if own else None,
        join_source(own.origin, own.source) if own else "",
        pub(own),
        pub(nat),
        avg.members if avg else 0,
        avg.publications if avg else (),
    )


def with_note(notes: list[tuple[str, str]], note: tuple[str, str] | None) -> list[tuple[str, str]]:
    """The method notes with how the comparison group was chosen (e.g. as similar kommuner)
    right after the note on comparisons."""
    if note is None:
        return notes
    at = next((i + 1 for i, (head, _) in enumerate(notes) if head == "Jämförelser"), len(notes))
    return notes[:at] + [note] + notes[at:]


def comparison_set(
    catalogue: Catalogue, kommun: str, compare_units: Sequence[str] | None
) -> tuple[set[str], str]:
    """The comparison units and their label: the user's choice, else the SKR kommungrupp."""
    if compare_units:
        members = {u for u in compare_units if u != kommun}
        return members, "Jämförelsegruppen"
    k = catalogue.get(kommun)
    members = peers.group_members(catalogue, kommun) - {kommun}
    code = GROUP_CODES.get(k.group_name, "") if k else ""
    label = f"Kommungruppen ({code} {k.group_name})".replace("( ", "(") if k else "Kommungruppen"
    return members, label


def build_figure_rows(
    kf: KeyFigures,
    mine: Sequence[StoredValue],
    riket: dict[tuple[str, str], StoredValue],
    comparison: dict[tuple[str, str], peers.Mean],
) -> tuple[list[FigureRow], list[FigureRow], list[FigureRow]]:
    """Pure: the full table, the area rows and the factor rows of min kommun's year."""

    def row(v: StoredValue) -> FigureRow:
        r, m = riket.get((v.area, v.factor)), comparison.get((v.area, v.factor))
        pubs = (
            {v.publication}
            | ({r.publication} if r and r.value is not None else set())
            | set(m.publications if m else ())
        )
        return FigureRow(
            v.area,
            v.factor,
            v.value,
            v.n,
            r.value if r else None,
            m.value if m else None,
            published_position(v),
            v.missing,
            m.count if m else 0,
            tuple(sorted(pubs)),
        )

    by_cell = {(v.area, v.factor): v for v in mine}
    table = sorted((row(v) for v in mine), key=lambda r: _order(r.area, r.factor))
    areas = [
        row(by_cell[(f.key, index_factor(f.key))])
        for f in kf.areas
        if (f.key, index_factor(f.key)) in by_cell
    ]
    factors = [row(by_cell[(TOTAL, f.key)]) for f in kf.factors]
    return table, areas, factors


def build_trend_rows(
    own: Sequence[trend.Point],
    riket: Sequence[trend.Point],
    comparison: Sequence[trend.Point],
    year: int,
    first_year: int | None,
) -> list[ReportTrendRow]:
    """Pure: NKI totalt per year up to the report year (min kommun, Riket, comparison)."""
    mine = {p.year: p for p in own}
    nat = {p.year: p for p in riket}
    avg = {p.year: p for p in comparison}
    years = sorted(
        y for y in set(mine) | set(nat) if y <= year and (first_year is None or y >= first_year)
    )
    return [_trend_row(y, mine.get(y), nat.get(y), avg.get(y)) for y in years]


def build_breaks(
    kf: KeyFigures, rows: Sequence[ReportTrendRow], table: Sequence[FigureRow]
) -> list[DefinitionBreak]:
    """Pure: the definition changes within the years shown (or within the change shown)."""
    year = kf.year
    first, last = (rows[0].year, rows[-1].year) if rows else (year, year)
    shown_areas = {TOTAL} | {r.area for r in table}
    breaks = [b for b in DEFINITION_BREAKS if first < b.year <= last and shown_areas & set(b.areas)]
    if kf.previous_year is not None:  # the change since last year may cross one too
        breaks += [
            b
            for b in DEFINITION_BREAKS
            if b not in breaks and kf.previous_year < b.year <= year and shown_areas & set(b.areas)
        ]
    return breaks
