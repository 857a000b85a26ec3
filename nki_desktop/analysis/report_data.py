"""Everything the board summary shows, gathered once (no Qt): the PDF and the Excel workbook
are two renderings of one :class:`ReportData`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from nki_desktop.analysis import peers, trend
from nki_desktop.analysis.narrative import summary_sentences
from nki_desktop.analysis.overview import KeyFigures, Position, key_figures, published_position
from nki_desktop.analysis.respondent import DriverMatrix, driver_matrix_auto, load_frame
from nki_desktop.domain.areas import (
    AREA_BY_KEY,
    SERVICE_FACTORS,
    TOTAL,
    area_label,
    factor_label,
    group_label,
)
from nki_desktop.domain.errors import UserError
from nki_desktop.domain.grades import GRADES, Grade, grade_for
from nki_desktop.domain.municipalities import GROUP_CODES, RIKET
from nki_desktop.domain.ranking import TIES_NOTE, shared_ranks
from nki_desktop.domain.records import PUBLICATIONS, StoredValue
from nki_desktop.domain.rules import (
    DEFINITION_BREAKS,
    DefinitionBreak,
    PublicationRules,
    publication_rules,
)
from nki_desktop.storage import Store

# How each publication is cited under a figure or table.
CITATIONS: dict[str, str] = {
    "oj": "Källa: SKR, Insikt",
    "own": "Källa: SKR, Insikt",
    "respondent": "Källa: SKR, Insikt (egen beräkning från svarsdata)",
    "kolada": "Källa: Kolada",
    "template": "Källa: egen sammanställning",
    "sample": "Exempeldata – fiktiva värden, inte SKR:s siffror",
}
_FACTOR_ORDER = ("nki", "nui", *SERVICE_FACTORS)


class ReportDataError(UserError, ValueError):
    """Nothing to report for the chosen kommun, year and group (message in Swedish)."""


@dataclass
class TrendRow:
    year: int
    value: float | None
    n: int | None
    riket: float | None
    comparison: float | None
    missing: str | None = None


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
class RankRow:
    rank: int
    unit: str
    name: str
    value: float
    n: int | None
    is_self: bool


@dataclass
class RankingExcerpt:
    title: str
    rows: list[RankRow]
    of: int
    computed: bool  # True when the program ranked (not a published ranking)
    note: str = ""


@dataclass
class SourceRef:
    import_id: int
    file_name: str
    imported_at: str  # date, YYYY-MM-DD
    publication: str
    citation: str

    @property
    def publication_label(self) -> str:
        return PUBLICATIONS.get(self.publication, self.publication)


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
    trend: list[TrendRow]
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

    @property
    def group_label(self) -> str:
        return group_label(self.group)

    @property
    def summary_text(self) -> str:
        return " ".join(self.summary)

    @property
    def is_sample(self) -> bool:
        return any(s.publication == "sample" for s in self.sources)

    @property
    def citations(self) -> list[str]:
        """The distinct "Källa: …" lines, in order of first use."""
        return list(dict.fromkeys(s.citation for s in self.sources))

    @property
    def years(self) -> tuple[int, int]:
        shown = [r.year for r in self.trend] or [self.year]
        return min(shown), max(shown)


def _order(area: str, factor: str) -> tuple[int, int]:
    areas = list(AREA_BY_KEY)
    return (areas.index(area) if area in areas else 99,
            _FACTOR_ORDER.index(factor) if factor in _FACTOR_ORDER else 99)


def _excerpt(values: list[StoredValue], kommun: str, members: set[str], title: str,
             names: dict[str, str], radius: int, use_published: bool) -> RankingExcerpt | None:
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
        ranked = ranked[max(0, at - radius):at + radius + 1]
    window = ranked
    rows = [RankRow(ranks[v.unit], v.unit, names.get(v.unit, v.unit), float(v.value or 0), v.n,
                    v.unit == kommun) for v in window]
    note = ("Placeringen är beräknad av programmet bland kommuner med värde; den är inte "
            "en publicerad rankning." if not use_published else
            "Placering enligt den importerade rankningen (kommuner med tillräckligt många "
            "svar).")
    return RankingExcerpt(title, rows, of, not use_published, note)


def _sources(store: Store, used: list[StoredValue]) -> list[SourceRef]:
    ids = {v.import_id for v in used}
    out = []
    for info in store.list_imports():
        if info.id in ids:
            out.append(SourceRef(info.id, info.file_name, info.imported_at[:10], info.publication,
                                 CITATIONS.get(info.publication, "Källa: " + info.publication)))
    return out


def method_notes(rules: PublicationRules, year: int, breaks: list[DefinitionBreak],
                 comparison_label: str) -> list[tuple[str, str]]:
    """Short notes on method, each a (heading, text) pair."""
    bands = "; ".join(f"{g.symbol} {g.label.lower()} {b}" for g, b in zip(
        GRADES, ("80 eller mer", "70–79", "62–69", "under 62"), strict=True))
    notes = [
        ("Vad NKI är",
         "Nöjd Kund Index (NKI) mäter hur nöjda de som haft ett ärende hos kommunens "
         "myndighetsutövning är. Det bygger på tre frågor om helhetsintrycket (nöjdhet, "
         "förväntningar, ideal) som besvaras på en skala 1–10 och räknas om till ett index "
         "0–100. Undersökningen heter Insikt och genomförs av SKR tillsammans med Stockholm "
         "Business Alliance. Serviceområdena (information, tillgänglighet, bemötande, "
         "kompetens, rättssäkerhet, effektivitet) redovisas som index på samma sätt. "
         "Upphandling mäts med NUI och ingår aldrig i NKI totalt."),
        ("Betyg", f"SKR:s betygsskala: {bands}. Betyget anges alltid med ord och symbol, "
                  f"så att det går att läsa även i svartvitt."),
        ("Minsta antal svar",
         f"För ärendeår {year} gäller: minst {rules.min_answers_portal} svar för att ett "
         f"resultat ska visas, minst {rules.min_answers_oj} svar i Öppna jämförelser och "
         f"minst {rules.min_answers_total_rank} svar för att rankas på NKI totalt"
         + ("" if rules.confirmed else " (regler enligt närmast dokumenterade år)") + "."),
        ("Jämförelser", f"Riket är SKR:s värde för hela landet. {comparison_label} är ett "
                        f"ovägt medelvärde av kommunernas publicerade värden."),
        ("Placering vid lika värden", TIES_NOTE),
    ]
    if breaks:
        notes.append(("Ändrade definitioner", " ".join(b.text for b in breaks)))
    else:
        notes.append(("Ändrade definitioner", "Inga definitionsändringar berör de år som "
                                              "visas."))
    return notes


def gather(store: Store, kommun: str, year: int, group: str = "foretag",
           compare_units: Sequence[str] | None = None, first_year: int | None = None,
           radius: int = 5, today: dt.date | None = None) -> ReportData:
    """The report's content for min kommun, a case year and a respondent group."""
    catalogue = store.catalogue
    kf = key_figures(store, kommun, year, group, catalogue)
    if kf is None:
        raise ReportDataError(f"Det finns inga lagrade värden för {catalogue.name_of(kommun)} "
                              f"({group_label(group).lower()}, {year}).")
    k = catalogue.get(kommun)
    names = store.unit_names()
    names.update({x.code: x.name for x in catalogue.kommuner})

    # The comparison set: the user's chosen units, else the same SKR kommungrupp.
    if compare_units:
        members = {u for u in compare_units if u != kommun}
        comparison_label = f"Jämförelsegruppen ({len(members)} enheter)"
    else:
        members = peers.group_members(catalogue, kommun) - {kommun}
        code = GROUP_CODES.get(k.group_name, "") if k else ""
        comparison_label = (f"Kommungruppen ({code} {k.group_name})".replace("( ", "(")
                            if k else "Kommungruppen")
    year_values = store.values(year=year, units=sorted({kommun, RIKET} | members), group=group)
    comparison = peers.averages(year_values, members)
    riket = {(v.area, v.factor): v.value for v in year_values if v.unit == RIKET}
    mine = [v for v in year_values if v.unit == kommun]


    def row(v: StoredValue) -> FigureRow:
        rank = published_position(v)
        return FigureRow(v.area, v.factor, v.value, v.n, riket.get((v.area, v.factor)),
                         comparison.get((v.area, v.factor)), rank, v.missing)

    by_cell = {(v.area, v.factor): v for v in mine}
    table = sorted((row(v) for v in mine), key=lambda r: _order(r.area, r.factor))
    areas = [row(by_cell[(f.key, AREA_BY_KEY[f.key].index_factor)]) for f in kf.areas
             if (f.key, AREA_BY_KEY[f.key].index_factor) in by_cell]
    factors = [row(by_cell[(TOTAL, f.key)]) for f in kf.factors]

    # Trend of NKI totalt: min kommun, Riket and the comparison average.
    own = {p.year: p for p in trend.series(store, kommun, TOTAL, "nki", group)}
    nat = {p.year: p.value for p in trend.series(store, RIKET, TOTAL, "nki", group)}
    avg = {p.year: p.value for p in trend.average_series(store, members, TOTAL, "nki", group)}
    years = sorted(y for y in set(own) | set(nat) if y <= year
                   and (first_year is None or y >= first_year))
    rows = [TrendRow(y, own[y].value if y in own else None, own[y].n if y in own else None,
                     nat.get(y), avg.get(y), own[y].missing if y in own else None)
            for y in years]
    first, last = (min(years), max(years)) if years else (year, year)
    shown_areas = {TOTAL} | {r.area for r in table}
    breaks = [b for b in DEFINITION_BREAKS
              if first < b.year <= last and shown_areas & set(b.areas)]
    if kf.previous_year is not None:  # the change since last year may cross one too
        breaks += [b for b in DEFINITION_BREAKS if b not in breaks
                   and kf.previous_year < b.year <= year and shown_areas & set(b.areas)]

    totals = store.values(year=year, area=TOTAL, factor="nki", group=group)
    kommun_units = {x.code for x in catalogue.kommuner}
    published = bool(by_cell.get((TOTAL, "nki")) and by_cell[(TOTAL, "nki")].rank)
    national = _excerpt(totals, kommun, kommun_units, "Rankning i riket", names, radius,
                        published)
    lan = None
    if k is not None:
        lan = _excerpt(totals, kommun, peers.lan_members(catalogue, kommun),
                       f"Rankning i {k.lan_name}", names, radius, False)

    matrix = None
    if store.respondent_count(kommun):
        candidate = driver_matrix_auto(load_frame(store, kommun, group), year, group)
        matrix = candidate if candidate.adequate else None
    used = mine + [v for v in year_values if v.unit == RIKET]
    used += store.values(unit=kommun, area=TOTAL, factor="nki", group=group)
    rules = publication_rules(year)
    return ReportData(
        kommun=kommun, kommun_name=kf.kommun_name, lan_name=k.lan_name if k else "",
        kommungrupp=k.group_name if k else "", year=year, group=group, figures=kf,
        summary=summary_sentences(kf), comparison_label=comparison_label,
        comparison_members=sorted(((u, names.get(u, u)) for u in members),
                                  key=lambda m: m[1]),
        trend=rows, areas=areas, factors=factors, table=table, ranking_national=national,
        ranking_lan=lan, breaks=breaks, rules=rules, sources=_sources(store, used), matrix=matrix,
        method_notes=method_notes(rules, year, breaks, comparison_label),
        created=today or dt.date.today())
