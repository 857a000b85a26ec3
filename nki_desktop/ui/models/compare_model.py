"""The Jämför table: one row per kommun (min kommun first), one column per area or factor,
then rows for the compared kommuner's mean and Riket. Rows grow with the number of peers,
so thirty kommuner scroll down, never sideways."""

from __future__ import annotations

from dataclasses import dataclass

from nki_desktop.analysis.compare import CompareRow, Comparison
from nki_desktop.analysis.origin import source_text
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, TableColumn

MINE, PEER, MEAN, DIFFERENCE, RIKET_ROW = "mine", "peer", "mean", "difference", "riket"


@dataclass(frozen=True)
class UnitRow:
    """A row of the table: a kommun, or the mean, the difference or Riket."""

    kind: str
    unit: str
    name: str


# where the long area names break in a column header, so eleven columns fit 1366 pixels
_BREAKS = {
    "Markupplåtelse": "Markupp-\nlåtelse",
    "Livsmedelskontroll": "Livsmedels-\nkontroll",
    "Serveringstillstånd": "Serverings-\ntillstånd",
    "Receptfria läkemedel": "Receptfria\nläkemedel",
    "Tillgänglighet": "Tillgäng-\nlighet",
    "Rättssäkerhet": "Rätts-\nsäkerhet",
}


def header_text(label: str) -> str:
    """A column header in at most two short lines."""
    if label in _BREAKS:
        return _BREAKS[label]
    words = label.split(" ")
    if len(label) <= 12 or len(words) == 1:
        return label
    # the break that makes the longer line shortest
    best = min(
        range(1, len(words)), key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:])))
    )
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _value(row: UnitRow, column: CompareRow, mine: str) -> float | None:
    if row.kind == MEAN:
        return column.others_mean(mine)
    if row.kind == DIFFERENCE:
        return column.difference(mine)
    if row.kind == RIKET_ROW:
        return column.riket
    return column.value(row.unit)


def _text(row: UnitRow, column: CompareRow, mine: str) -> str:
    if row.kind == DIFFERENCE:
        return fmt_change(_round(column.difference(mine)))
    if row.kind in (MEAN, RIKET_ROW):
        value = _value(row, column, mine)
        return fmt_index(_round(value))
    cell = column.cells.get(row.unit)
    if cell is None or cell.value is None:
        return "för få" if cell and cell.missing else "–"  # the marker is in the tooltip
    g = grade_for(cell.value)
    return f"{fmt_index(cell.value)} {g.symbol}" if g else fmt_index(cell.value)


def _tip(row: UnitRow, column: CompareRow, mine: str) -> str:
    if row.kind == MEAN:
        count = column.others_count(mine)
        return (
            f"{column.label}: ovägt medel av {count} "
            f"{'värde' if count == 1 else 'värden'} bland de jämförda kommunerna "
            "(min kommun ej medräknad)."
        )
    if row.kind == DIFFERENCE:
        return f"{column.label}: min kommun minus de jämförda kommunernas medel."
    if row.kind == RIKET_ROW:
        return f"Riket, {column.label}: {fmt_index(column.riket)}"
    cell = column.cells.get(row.unit)
    if cell is not None and cell.value is None and cell.missing:
        return (
            f"{row.name}, {column.label}: inget publicerat värde (”{cell.missing}”: "
            f"för få svar eller sekretess)" + (f"\nKälla: {cell.source}" if cell.source else "")
        )
    if cell is None or cell.value is None:
        return f"{row.name}, {column.label}: inget värde"
    g = grade_for(cell.value)
    text = (
        f"{row.name}, {column.label}: {fmt_index(cell.value)}"
        + (f" – {g.label.lower()}" if g else "")
        + f"\nAntal svar: {fmt_number(cell.n)}"
    )
    return text + (f"\nKälla: {source_text(cell.publication, cell.source)}" if cell.source else "")


def unit_rows(comparison: Comparison) -> list[UnitRow]:
    """Min kommun, the others by name, then mean, difference and Riket."""
    mine = comparison.mine
    others = sorted(comparison.units[1:], key=lambda u: comparison.names[u].casefold())
    rows = [UnitRow(MINE, mine, comparison.names[mine])]
    rows += [UnitRow(PEER, u, comparison.names[u]) for u in others]
    rows += [
        UnitRow(MEAN, "", "Medel jämförda"),
        UnitRow(DIFFERENCE, "", f"Skillnad {comparison.names[mine]} mot medel"),
        UnitRow(RIKET_ROW, "riket", "Riket"),
    ]
    return rows


def _area_column(column: CompareRow, mine: str, first_header: str) -> TableColumn:
    """One area's or factor's column: each kommun's value, then mean, difference, Riket."""
    return TableColumn(
        header_text(column.label),
        lambda r: _text(r, column, mine),
        sort=lambda r: _value(r, column, mine),
        export=lambda r: _round(_value(r, column, mine)),
        tooltip=lambda r: _tip(r, column, mine),
        align=RIGHT,
        header_tip=f"{first_header}: {column.label}",
    )


class CompareModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__([], parent)
        self.comparison: Comparison | None = None
        self.is_highlighted = lambda row: row.kind == MINE

    def set_comparison(self, comparison: Comparison, kind: str, first_header: str) -> None:
        self.comparison = comparison
        mine = comparison.mine
        columns = [
            TableColumn(
                "Kommun",
                lambda r: r.name,
                header_tip="Min kommun först, sedan de jämförda i bokstavsordning.",
            )
        ]
        columns += [_area_column(c, mine, first_header) for c in comparison.rows(kind)]
        self.set_columns(columns, unit_rows(comparison))
