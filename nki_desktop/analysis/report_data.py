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
from nki_desktop.analysis.origin import SAMPLE, is_fictitious
from nki_desktop.analysis.overview import KeyFigures, build_key_figures, fetch_overview
from nki_desktop.analysis.report_rows import (
    ExcerptRow,
    FigureRow,
    RankingExcerpt,
    ReportTrendRow,
    build_breaks,
    build_figure_rows,
    build_trend_rows,
    comparison_set,
    ranking_excerpt,
    with_note,
)
from nki_desktop.analysis.respondent import DriverMatrix, driver_matrix_auto, load_frame
from nki_desktop.analysis.sn_report import SnReport
from nki_desktop.analysis.sn_report import load_report as load_sn_report
from nki_desktop.analysis.tracking_report import ReportTracking, load_report_tracking
from nki_desktop.analysis.trend import Point as SeriesPoint
from nki_desktop.analysis.trend import segments
from nki_desktop.domain.areas import TOTAL, group_label
from nki_desktop.domain.errors import UserError
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.rules import DefinitionBreak, PublicationRules, publication_rules
from nki_desktop.storage import Store

# The rows and their pure builders live in report_rows; they stay importable from here.
__all__ = [
    "ExcerptRow",
    "FigureRow",
    "RankingExcerpt",
    "ReportData",
    "ReportDataError",
    "ReportTrendRow",
    "build_breaks",
    "build_figure_rows",
    "build_trend_rows",
    "comparison_set",
    "gather",
    "with_note",
]


class ReportDataError(UserError, ValueError):
    """Nothing to report for the chosen kommun, year and group (message in Swedish)."""


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

    Reads the store, then builds with the pure builders of ``report_rows``; ``figures`` are
    the key figures when the caller (the Översikt) has built them already for this refresh.
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
    national = ranking_excerpt(
        base.totals, kommun, kommun_units, "Rankning i riket", names, radius, published
    )
    lan = None
    if k is not None:
        lan = ranking_excerpt(
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
