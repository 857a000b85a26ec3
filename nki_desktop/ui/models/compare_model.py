"""The Jämför table: one row per area or factor, one column per kommun (analysis.compare)."""

from __future__ import annotations

from nki_desktop.analysis.compare import CompareRow, Comparison
from nki_desktop.analysis.origin import mean_text, source_text
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, TableColumn


def _cell_text(row: CompareRow, unit: str) -> str:
    cell = row.cells.get(unit)
    if cell is None or cell.value is None:
        return f"{cell.missing} (för få svar)" if cell and cell.missing else "–"
    g = grade_for(cell.value)
    return f"{fmt_index(cell.value)} {g.symbol}" if g else fmt_index(cell.value)


def _cell_tip(row: CompareRow, unit: str, name: str) -> str:
    cell = row.cells.get(unit)
    if cell is None or cell.value is None:
        return f"{name}, {row.label}: inget värde"
    g = grade_for(cell.value)
    text = (f"{name}, {row.label}: {fmt_index(cell.value)}"
            + (f" – {g.label.lower()}" if g else "") + f"\nAntal svar: {fmt_number(cell.n)}")
    return text + (f"\nKälla: {source_text(cell.publication, cell.source)}" if cell.source
                   else "")


def _unit_column(unit: str, name: str, mine: bool) -> TableColumn:
    """One unit's column: its value per row, the Jämför table's middle columns."""
    return TableColumn(name, lambda r: _cell_text(r, unit), sort=lambda r: r.value(unit),
                       export=lambda r: r.value(unit),
                       tooltip=lambda r: _cell_tip(r, unit, name), align=RIGHT,
                       header_tip="Min kommun" if mine else name)


class CompareModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__([], parent)
        self.comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison, kind: str, first_header: str) -> None:
        self.comparison = comparison
        mine = comparison.mine
        columns = [TableColumn(first_header, lambda r: r.label)]
        for unit in comparison.units:
            columns.append(_unit_column(unit, comparison.names.get(unit, unit), unit == mine))
        columns += [
            TableColumn("Medel jämförda", lambda r: fmt_index(_round(r.others_mean(mine))),
                   sort=lambda r: r.others_mean(mine),
                   export=lambda r: _round(r.others_mean(mine)), align=RIGHT,
                   tooltip=lambda r: f"Ovägt {mean_text(r.others_count(mine))}",
                   header_tip="Ovägt medel av de jämförda kommunerna med värde (min kommun "
                              "ej medräknad)."),
            TableColumn("Medel av antal värden", lambda r: fmt_number(r.others_count(mine)),
                   sort=lambda r: r.others_count(mine), export=lambda r: r.others_count(mine),
                   align=RIGHT, header_tip="Hur många kommuner som har ett värde i medlet."),
            TableColumn("Skillnad mot medel", lambda r: fmt_change(_round(r.difference(mine))),
                   sort=lambda r: r.difference(mine),
                   export=lambda r: _round(r.difference(mine)), align=RIGHT),
            TableColumn("Riket", lambda r: fmt_index(r.riket), sort=lambda r: r.riket,
                   export=lambda r: r.riket, align=RIGHT),
        ]
        self.set_columns(columns, comparison.rows(kind))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
