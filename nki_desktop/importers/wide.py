"""Rows of a wide table (one row per unit) into observations: shared by ÖJ and Kolada.

Every row is accounted for: stored (kommun, Riket, joint body), skipped with a reason
(summary rows, footnotes, blank rows, duplicates), or rejected with a located problem
(an unknown kommun with values, text in a number column).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import JointBody, Observation, Skip
from nki_desktop.importers.base import ImportProblem, Workbook, cell_text
from nki_desktop.importers.cells import Where, check_formulas, read_count, read_rank, read_value
from nki_desktop.importers.header import (
    KOMMUN_CODE,
    KOMMUN_NAME,
    VALUE,
    Column,
    Header,
    joint_body_key,
    joint_members,
    looks_like_footnote,
    match_unit,
)


@dataclass
class TableResult:
    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    joint_bodies: dict[str, JointBody] = field(default_factory=dict)
    values: int = 0  # cells that held a number
    cells: dict[tuple[int, str, str, str], tuple[Observation, int]] = field(
        default_factory=dict)  # seen cells across sheets, to catch duplicates


def unknown_kommun(workbook: Workbook, catalogue: Catalogue, sheet: str, row: int,
                   column: int, name: str) -> ImportProblem:
    """The located problem for a kommun name that matches nothing, with the closest names."""
    close = catalogue.candidates(name)
    hint = ("Menade du " + " eller ".join(f"{k.name} ({k.code})" for k in close) + "? "
            if close else "")
    hint += "Rätta namnet i filen eller skriv kommunkoden, och importera igen."
    return ImportProblem(workbook.name, f"Kommunen '{name}' finns inte i kommunlistan.",
                         sheet, row, column, hint)


def read_rows(workbook: Workbook, header: Header, catalogue: Catalogue, *, year: int | None,
              group: str, result: TableResult,
              row_filter: Callable[[list], str | None] | None = None) -> None:
    """Read every row under the header into ``result``.

    ``row_filter(row)`` may return a reason to skip a row (e.g. Kolada's gender rows).
    """
    sheet = header.sheet
    columns = [c for c in header.columns if c.role == VALUE]
    code_col = next((c.index for c in header.columns if c.role == KOMMUN_CODE), None)
    name_col = next((c.index for c in header.columns if c.role == KOMMUN_NAME), None)
    unit_col = name_col if name_col is not None else code_col
    cells = result.cells
    value_cols = {c.index for c in columns}
    before = result.values
    for r in range(header.data_start, len(sheet.rows)):
        raw = sheet.rows[r]
        texts = [cell_text(c) for c in raw]
        if not any(texts):
            continue
        row_no = r + 1
        reason = row_filter(raw) if row_filter else None
        if reason:
            result.skipped.append(Skip(sheet.name, row_no, reason, " ".join(t for t in texts
                                                                              if t)))
            continue
        code = raw[code_col] if code_col is not None and code_col < len(raw) else ""
        name = raw[name_col] if name_col is not None and name_col < len(raw) else ""
        has_values = any(texts[i] for i in value_cols if i < len(texts))
        unit = match_unit(catalogue, code, name)
        if unit.kind == "empty" or (unit.kind == "unknown" and not has_values):
            why = ("fotnot/text under tabellen" if looks_like_footnote(texts)
                   else "raden saknar kommun och värden")
            result.skipped.append(Skip(sheet.name, row_no, why, " ".join(t for t in texts if t)))
            continue
        if unit.kind == "unknown":
            raise unknown_kommun(workbook, catalogue, sheet.name, row_no, unit_col or 0,
                                 unit.name)
        if unit.kind == "summary":
            result.skipped.append(Skip(sheet.name, row_no, unit.reason, unit.name))
            continue
        key = unit.key
        if unit.kind == "joint":
            members = joint_members(unit.name, catalogue)
            name = unit.name.split("(")[0].strip() if members else unit.name
            key = joint_body_key(name)
            result.joint_bodies.setdefault(key, JointBody(key, name, members))
        _read_row(workbook, sheet.name, raw, row_no, key, columns, year, group, cells,
                  result)
    if result.values == before and len(sheet.rows) > header.data_start:
        check_formulas(workbook, sheet.name)


def _read_row(workbook: Workbook, sheet: str, raw: list, row_no: int, unit: str,
              columns: list[Column], year: int | None, group: str,
              cells: dict[tuple[int, str, str, str], tuple[Observation, int]],
              result: TableResult) -> None:
    found: dict[tuple[int, str, str], Observation] = {}
    for column in columns:
        cell_year = column.year or year
        if cell_year is None:
            raise ImportProblem(workbook.name, "Året framgår inte av filen.", sheet,
                                hint="Ange ärendeåret (i förhandsvisningen eller med --year).")
        key = (cell_year, column.area or "", column.factor or "")
        obs = found.get(key)
        if obs is None:
            obs = Observation(cell_year, unit, column.area or "", column.factor or "", group,
                              sheet=sheet, row=row_no)
            found[key] = obs
        cell = raw[column.index] if column.index < len(raw) else ""
        where = Where(workbook.name, sheet, row_no, column.index)
        if column.measure == "value":
            obs.value, n, obs.missing = read_value(cell, where)
            obs.column = column.letter
            if n is not None:
                obs.n = n
            if obs.value is not None:
                result.values += 1
        elif column.measure == "n":
            obs.n = read_count(cell, where) if obs.n is None else obs.n
        elif column.measure == "rank":
            obs.rank, obs.rank_of = read_rank(cell, where)
    for (cell_year, area, factor), obs in found.items():
        if obs.value is None and obs.missing is None:
            obs.missing = ""  # only n/rank columns for this cell: the value is absent
        if obs.value is None and obs.n is None and obs.rank is None and not any(
                c.measure == "value" and c.area == area and c.factor == factor
                for c in columns):
            continue
        cell_key = (cell_year, unit, area, factor)
        if cell_key in cells:
            earlier, earlier_row = cells[cell_key]
            if (earlier.value, earlier.n, earlier.rank) == (obs.value, obs.n, obs.rank):
                result.skipped.append(Skip(sheet, row_no, f"dubblett av rad {earlier_row}",
                                           unit))
                continue
            raise ImportProblem(
                workbook.name, f"Samma kommun ({unit}) förekommer två gånger med olika värden "
                f"(rad {earlier_row} och rad {row_no}).", sheet, row_no,
                hint="Ta bort den felaktiga raden och importera igen.")
        cells[cell_key] = (obs, row_no)
        result.observations.append(obs)
