"""The Ranking table: one row per kommun (analysis.ranking.RankRow)."""

from __future__ import annotations

from nki_desktop.analysis.origin import source_text
from nki_desktop.analysis.ranking import RankingTable, RankRow
from nki_desktop.domain.grades import GRADES, grade_for
from nki_desktop.domain.municipalities import GROUP_CODES
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.domain.records import MISSING_MARKERS
from nki_desktop.domain.rules import year_caption
from nki_desktop.ui.models.columns import CENTER, RIGHT, RowTableModel, TableColumn

RANK, CHANGE, NAME, VALUE, GRADE, ANSWERS, PUBLISHED, LAN, GROUP, POPULATION = range(10)


def rank_change_text(change: int | None) -> str:
    """'▲ 3' (climbed), '▼ 2' (fell), '= 0' (same), '' (no comparison)."""
    if change is None:
        return ""
    if change > 0:
        return f"▲ {change}"
    if change < 0:
        return f"▼ {-change}"
    return "= 0"


def _value(r: RankRow) -> str:
    if r.value is None:
        return f"{r.missing} ({MISSING_MARKERS.get(r.missing, 'saknas')})" if r.missing else "–"
    return fmt_index(r.value)


def _grade(r: RankRow) -> str:
    g = grade_for(r.value)
    return f"{g.symbol} {g.label}" if g else ""


def _grade_colour(r: RankRow) -> str | None:
    g = grade_for(r.value)
    return g.colour if g else None


def _published(r: RankRow) -> str:
    if r.published_rank is None:
        return ""
    return f"{r.published_rank} av {r.published_of}" if r.published_of else str(r.published_rank)


class RankingModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(self._columns(None), parent)
        self.table: RankingTable | None = None
        self.is_highlighted = lambda row: bool(row.mine)

    def set_table(self, table: RankingTable) -> None:
        self.table = table
        self.set_columns(self._columns(table), table.rows)

    def _columns(self, table: RankingTable | None) -> list[TableColumn]:
        prev = str(table.previous_year) if table and table.previous_year else "förra året"
        need = table.min_answers if table else 0
        selection = (
            "hela riket" if table is None or table.filter.is_national else "det valda urvalet"
        )

        def change_tip(r: RankRow) -> str:
            if r.rank_change is None:
                return f"Ingen beräknad placering {prev} att jämföra med."
            return (
                f"Beräknad placering {prev}: {r.previous_rank}; nu {r.rank}. "
                f"Index {fmt_index(r.previous_value)} → {fmt_index(r.value)} "
                f"({fmt_change(r.value_change)})."
            )

        def value_tip(r: RankRow) -> str:
            g = grade_for(r.value)
            parts = [
                f"{r.name} {year_caption(table.year) if table else ''}: {_value(r)}"
                + (f" – {g.label.lower()}" if g else ""),
                f"Antal svar: {fmt_number(r.n)}",
            ]
            if r.source:
                parts.append(f"Källa: {source_text(r.publication, r.source)}")
            return "\n".join(parts)

        return [
            TableColumn(
                "Beräknad\nplacering",
                lambda r: "" if r.rank is None else str(r.rank),
                sort=lambda r: r.rank,
                export=lambda r: r.rank,
                align=RIGHT,
                header_tip=f"Placering som programmet räknat fram inom {selection}; lika "
                "värden delar placering (1, 2, 2, 4).",
            ),
            TableColumn(
                "Förändring",
                lambda r: rank_change_text(r.rank_change),
                sort=lambda r: r.rank_change,
                export=lambda r: r.rank_change,
                tooltip=change_tip,
                align=CENTER,
                header_tip="Antal placeringar uppåt (▲) eller nedåt (▼) jämfört med "
                f"den beräknade placeringen {prev} i samma urval.",
            ),
            TableColumn("Kommun", lambda r: r.name, sort=lambda r: r.name.casefold()),
            TableColumn(
                "Index",
                _value,
                sort=lambda r: r.value,
                export=lambda r: r.value,
                tooltip=value_tip,
                align=RIGHT,
            ),
            TableColumn(
                "Betyg",
                _grade,
                sort=lambda r: r.value,
                foreground=_grade_colour,
                header_tip="SKR:s betygsnivåer, på indexet avrundat till heltal som SKR "
                "publicerar det: "
                + ", ".join(f"{g.symbol} {g.label.lower()} ({g.band})" for g in GRADES)
                + ".",
            ),
            TableColumn(
                "Antal\nsvar",
                lambda r: (
                    fmt_number(r.n) + ("" if r.enough_answers or r.n is None else " (för få)")
                ),
                sort=lambda r: r.n,
                export=lambda r: r.n,
                align=RIGHT,
                header_tip=f"Minst {need} svar krävs för att räknas i rankningen.",
            ),
            TableColumn(
                "Publicerad\nplacering",
                _published,
                sort=lambda r: r.published_rank,
                export=lambda r: r.published_rank,
                align=RIGHT,
                header_tip="Placering enligt den importerade källan, där den finns.",
            ),
            TableColumn("Län", lambda r: r.lan_name),
            # the code keeps the table within 1366 pixels; the name is in the tooltip
            TableColumn(
                "Kommun-\ngrupp",
                lambda r: GROUP_CODES.get(r.group_name, r.group_name),
                sort=lambda r: GROUP_CODES.get(r.group_name, r.group_name),
                export=lambda r: r.group_name,
                tooltip=lambda r: r.group_name,
                align=CENTER,
                header_tip="SKR:s kommungruppsindelning 2023, t.ex. A1 Storstäder, "
                "C8 Landsbygdskommun. Håll muspekaren över koden för namnet.",
            ),
            TableColumn(
                "Invånare",
                lambda r: fmt_number(r.population),
                sort=lambda r: r.population,
                export=lambda r: r.population,
                align=RIGHT,
            ),
        ]
