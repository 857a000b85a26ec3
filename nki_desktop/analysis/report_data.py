"""Everything the board summary shows, gathered once (no Qt): the PDF and the Excel workbook
are two renderings of one :class:`ReportData`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from nki_desktop.analysis import peers, trend
from nki_desktop.analysis.comments import CommentRow, load_comment_rows
from nki_desktop.analysis.goal_table import GoalTable, load_goal_table
from nki_desktop.analysis.map_data import MapData, map_from_values
from nki_desktop.analysis.method import SourceRef, build_sources, method_notes
from nki_desktop.analysis.narrative import summary_sentences
from nki_desktop.analysis.origin import SAMPLE, is_fictitious, join_source, mean_text
from nki_desktop.analysis.overview import (
    KeyFigures,
    Position,
    build_key_figures,
    fetch_overview,
    published_position,
)
from nki_desktop.analysis.respondent import DriverMatrix, driver_matrix_auto, load_frame
from nki_desktop.analysis.sn_report import SnReport
from nki_desktop.analysis.sn_report import load_report as load_sn_report
from nki_desktop.analysis.tracking_report import ReportTracking, load_report_tracking
from nki_desktop.analysis.trend import Point as SeriesPoint
from nki_desktop.analysis.trend import segments
from nki_desktop.domain.areas import (
    AREA_BY_KEY,
    SERVICE_FACTORS,
    TOTAL,
    area_label,
    factor_label,
    group_label,
    index_factor,
)
from nki_desktop.domain.errors import UserError
from nki_desktop.domain.grades import Grade, grade_for
from nki_desktop.domain.municipalities import GROUP_CODES, RIKET, Catalogue
from nki_desktop.domain.ranking import shared_ranks
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import (
    DEFINITION_BREAKS,
    DefinitionBreak,
    PublicationRules,
    publication_rules,
)
from nki_desktop.storage import Store

_FACTOR_ORDER = ("nki", "nui", *SERVICE_FACTORS)


class ReportDataError(UserError, ValueError):
    """Nothing to report for the chosen kommun, year and group (message in Swedish)."""


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


@dataclass
class ReportData:
    kommun: str
    kommun_name: str
    lan_name: str
    kommungrupp: str
    year: int
    group: str
    figures: KeyFigures
    summary: list[str]
    comparison_label: str
    comparison_members: list[tuple[str, str]]
    trend: list[ReportTrendRow]
    areas: list[FigureRow]
    factors: list[FigureRow]
    table: list[FigureRow]
    ranking_national: RankingExcerpt | None
    ranking_lan: RankingExcerpt | None
    breaks: list[DefinitionBreak]
    rules: PublicationRules
    sources: list[SourceRef]
    method_notes: list[tuple[str, str]] = field(default_factory=list)
    created: dt.date = field(default_factory=dt.date.today)
    matrix: DriverMatrix | None = None  # prioriteringsmatris, when respondent data allows
    comments: list[CommentRow] = field(default_factory=list)  # only those the user picked
    goals: GoalTable | None = None  # the kommun's goals of the group with their status
    map_data: MapData | None = None  # NKI totalt of every kommun, for the map page
    tracking: ReportTracking = field(default_factory=ReportTracking)  # actions, notes
    sn: SnReport | None = None  # Svenskt Näringsliv's företagsklimat (another survey)

    @property
    def group_label(self) -> str:
        return group_label(self.group)

    @property
    def summary_text(self) -> str:
        return " ".join(self.summary)

    @property
    def is_sample(self) -> bool:
        return any(s.publication == SAMPLE for s in self.sources)

    def sample_sections(self) -> set[str]:
        """The report sections (keys of reports.options.SECTIONS) that show sample values."""
        out: set[str] = set()
        if self.figures.sample_parts():
            out |= {"cover", "summary"} | ({"goals"} if self.goals else set())
        if any(is_fictitious(r.publications) for r in self.trend):
            out.add("trend")
        for key, rows in (("areas", self.areas), ("factors", self.factors), ("table", self.table)):
            if any(is_fictitious(r.publications) for r in rows):
                out.add(key)
        excerpts = [e for e in (self.ranking_national, self.ranking_lan) if e is not None]
        positions = [p for p in (self.figures.rank_national, self.figures.rank_lan) if p]
        if any(r.publication == SAMPLE for e in excerpts for r in e.rows) or any(
            SAMPLE in p.publications for p in positions
        ):
            out.add("ranking")
        if self.map_data is not None and self.map_data.is_sample:
            out.add("map")
        if self.tracking.fictitious:
            out.add("followup")
        return out

    @property
    def citations(self) -> list[str]:
        """The distinct "Källa: …" lines, in order of first use."""
        return list(dict.fromkeys(s.citation for s in self.sources))

    @property
    def years(self) -> tuple[int, int]:
        shown = [r.year for r in self.trend] or [self.year]
        return min(shown), max(shown)

    def trend_lines(self) -> list[tuple[str, str, list[list[SeriesPoint]]]]:
        """(key, label, segments) of min kommun, Riket and the comparison mean: a line is
        broken where its source or the definition of NKI totalt changes."""

        def pubs(publication: str) -> tuple[str, ...]:
            return (publication,) if publication else ()

        series = [
            (
                "mine",
                self.kommun_name,
                [
                    SeriesPoint(r.year, r.value, publications=pubs(r.publication))
                    for r in self.trend
                ],
            ),
            (
                "riket",
                "Riket",
                [
                    SeriesPoint(r.year, r.riket, publications=pubs(r.riket_publication))
                    for r in self.trend
                ],
            ),
            (
                "compare",
                self.comparison_label,
                [
                    SeriesPoint(
                        r.year,
                        r.comparison,
                        members=r.comparison_count,
                        publications=r.comparison_publications,
                    )
                    for r in self.trend
                ],
            ),
        ]
        return [(key, label, segments(points, TOTAL)[0]) for key, label, points in series]

    def trend_source_notes(self) -> list[str]:
        """'Örebro 2022: Kolada, 2023: SKR, Öppna jämförelser' for each change of source."""
        notes = []
        for _key, label, parts in self.trend_lines():
            points = [p for part in parts for p in part]
            notes += [
                f"{label} {b.previous_year}: {b.before}, {b.year}: {b.after}"
                for b in segments(points, TOTAL)[1]
                if b.kind == "source"
            ]
        return notes


def _order(area: str, factor: str) -> tuple[int, int]:
    areas = list(AREA_BY_KEY)
    return (
        areas.index(area) if area in areas else 99,
        _FACTOR_ORDER.index(factor) if factor in _FACTOR_ORDER else 99,
    )


def _excerpt(
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


def gather(
    store: Store,
    kommun: str,
    year: int,
    group: str = "foretag",
    compare_units: Sequence[str] | None = None,
    first_year: int | None = None,
    radius: int = 5,
    today: dt.date | None = None,
    figures: KeyFigures | None = None,
    comparison_note: tuple[str, str] | None = None,
) -> ReportData:
    """The report's content for min kommun, a case year and a respondent group.

    Reads the store, then builds with the pure builders above; ``figures`` are the key
    figures when the caller (the Översikt) has built them already for this refresh.
    """
    catalogue = store.catalogue
    base = fetch_overview(store, kommun, year, group)
    kf = figures or build_key_figures(base, catalogue)
    if kf is None:
        raise ReportDataError(
            f"Det finns inga lagrade värden för {catalogue.name_of(kommun)} "
            f"({group_label(group).lower()}, {year})."
        )
    k = catalogue.get(kommun)
    names = store.unit_names()
    names.update({x.code: x.name for x in catalogue.kommuner})
    members, comparison_label = comparison_set(catalogue, kommun, compare_units)
    member_values = store.values(year=year, units=sorted(members), group=group) if members else []
    riket = {(v.area, v.factor): v for v in base.riket}
    table, areas, factors = build_figure_rows(
        kf, base.mine, riket, peers.means(member_values, members)
    )
    rows = build_trend_rows(
        trend.series(store, kommun, TOTAL, "nki", group),
        trend.series(store, RIKET, TOTAL, "nki", group),
        trend.average_series(store, members, TOTAL, "nki", group),
        year,
        first_year,
    )
    breaks = build_breaks(kf, rows, table)

    own_total = next((v for v in base.mine if (v.area, v.factor) == (TOTAL, "nki")), None)
    published = bool(own_total and own_total.rank)
    kommun_units = {x.code for x in catalogue.kommuner}
    national = _excerpt(
        base.totals, kommun, kommun_units, "Rankning i riket", names, radius, published
    )
    lan = None
    if k is not None:
        lan = _excerpt(
            base.totals,
            kommun,
            peers.lan_members(catalogue, kommun),
            f"Rankning i {k.lan_name}",
            names,
            radius,
            False,
        )

    matrix = None
    if store.respondent_count(kommun):
        candidate = driver_matrix_auto(load_frame(store, kommun, group), year, group)
        matrix = candidate if candidate.adequate else None
    used = base.mine + base.riket + list(member_values)  # min kommun, Riket, the group
    shown_units = {r.unit for e in (national, lan) if e is not None for r in e.rows}
    used += [v for v in base.totals if v.unit in shown_units]
    trend_years = {r.year for r in rows}
    used += [
        v
        for v in store.values(units=[kommun, RIKET], area=TOTAL, factor="nki", group=group)
        if v.year in trend_years
    ]
    rules = publication_rules(year)
    return ReportData(
        kommun=kommun,
        kommun_name=kf.kommun_name,
        lan_name=k.lan_name if k else "",
        kommungrupp=k.group_name if k else "",
        year=year,
        group=group,
        figures=kf,
        summary=summary_sentences(kf),
        comparison_label=comparison_label,
        comparison_members=sorted(((u, names.get(u, u)) for u in members), key=lambda m: m[1]),
        trend=rows,
        areas=areas,
        factors=factors,
        table=table,
        ranking_national=national,
        ranking_lan=lan,
        breaks=breaks,
        rules=rules,
        sources=build_sources(store.list_imports(), used),
        matrix=matrix,
        map_data=map_from_values(base.totals, catalogue, year, group, kommun),
        method_notes=with_note(
            method_notes(rules, year, breaks, comparison_label), comparison_note
        ),
        created=today or dt.date.today(),
        comments=load_comment_rows(store, kommun, picked_only=True),
        tracking=load_report_tracking(store, kommun, group, first_year, year),
        goals=load_goal_table(store, kommun, group, year),
        sn=load_sn_report(store, kommun),
    )
