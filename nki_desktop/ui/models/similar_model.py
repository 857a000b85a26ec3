"""Rows and columns of the "Liknande kommuner" table: min kommun first, then the closest
kommuner with their distance and each criterion's figure side by side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nki_desktop.analysis.similar import SimilarResult, Value
from nki_desktop.analysis.similar_criteria import CATEGORY, Criterion
from nki_desktop.analysis.similar_text import fmt_distance, fmt_value, fmt_weight
from nki_desktop.ui.models.columns import LEFT, RIGHT, RowTableModel, TableColumn


@dataclass
class SimilarRow:
    rank: int | None  # None: min kommun
    unit: str
    name: str
    distance: float | None = None
    used: int = 0
    total: int = 0
    values: dict[str, Value] = field(default_factory=dict)
    diffs: dict[str, float | None] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def is_mine(self) -> bool:
        return self.rank is None

    def largest(self) -> tuple[str, float] | None:
        """The criterion that adds most to the distance (weight × difference)."""
        found = [
            (key, d * self.weights.get(key, 0.0))
            for key, d in self.diffs.items()
            if d is not None and self.weights.get(key, 0.0) > 0
        ]
        return max(found, key=lambda kv: kv[1]) if found else None


def similar_rows(result: SimilarResult, names: Mapping[str, str]) -> list[SimilarRow]:
    """Min kommun's own figures, then one row per close kommun."""
    rows = [SimilarRow(None, result.mine, names.get(result.mine, result.mine), values=result.own)]
    for rank, match in enumerate(result.matches, 1):
        d = match.distance
        rows.append(
            SimilarRow(
                rank,
                match.unit,
                names.get(match.unit, match.unit),
                d.value,
                d.used,
                d.total,
                {p.key: p.other for p in d.parts},
                {p.key: p.difference for p in d.parts},
                {p.key: p.weight for p in d.parts},
            )
        )
    return rows


def _criterion_column(c: Criterion, weight: float, label_of: Mapping[str, str]) -> TableColumn:
    def tip(row: SimilarRow) -> str:
        if row.is_mine:
            return f"{row.name}: {c.label} {fmt_value(c, row.values.get(c.key))}"
        d = row.diffs.get(c.key)
        if d is None:
            return f"{row.name} saknar värde: kriteriet hoppas över för den här kommunen."
        return f"Skillnad mot {label_of['mine']}: {fmt_distance(d)} (vikt {fmt_weight(weight)})"

    def raw(row: SimilarRow) -> Value:
        return row.values.get(c.key)

    return TableColumn(
        f"{c.short}\n{c.span}" if c.is_result else c.label,
        lambda row: fmt_value(c, raw(row)),
        sort=raw,
        export=raw,
        tooltip=tip,
        align=LEFT if c.kind == CATEGORY else RIGHT,
        header_tip=f"{c.label}, vikt {fmt_weight(weight)}",
    )


def similar_columns(result: SimilarResult, names: Mapping[str, str]) -> list[TableColumn]:
    mine = names.get(result.mine, result.mine)
    labels = {c.key: c.short for c in result.criteria}

    def largest(row: SimilarRow) -> str:
        found = row.largest()
        if row.is_mine or found is None:
            return ""
        key, _ = found
        return f"{labels[key]} ({fmt_distance(row.diffs[key])})"

    columns = [
        TableColumn(
            "Nr",
            lambda r: "▶" if r.is_mine else str(r.rank),
            sort=lambda r: r.rank or 0,
            tooltip=lambda r: "Min kommun" if r.is_mine else "",
        ),
        TableColumn("Kommun", lambda r: r.name),
        TableColumn(
            "Avstånd",
            lambda r: "" if r.is_mine else fmt_distance(r.distance),
            sort=lambda r: r.distance,
            export=lambda r: None if r.distance is None else round(r.distance, 4),
            align=RIGHT,
            header_tip="Viktat medel av de standardiserade skillnaderna; 0 = lika i allt.",
        ),
        TableColumn(
            "Kriterier",
            lambda r: "" if r.is_mine else f"{r.used} av {r.total}",
            header_tip="Hur många kriterier avståndet bygger på (saknade värden hoppas över).",
        ),
        TableColumn(
            "Störst skillnad",
            largest,
            header_tip="Kriteriet som bidrar mest till avståndet (vikt × skillnad).",
        ),
    ]
    label_of = {"mine": mine}
    for c in result.active:
        columns.append(_criterion_column(c, result.weight(c.key), label_of))
    return columns


class SimilarModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__([], parent)
        self.is_highlighted = lambda row: bool(row.is_mine)

    def set_result(self, result: SimilarResult, names: Mapping[str, str]) -> None:
        self.set_columns(similar_columns(result, names), similar_rows(result, names))
