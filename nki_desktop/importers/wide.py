"""Rows of a wide table (one row per unit) into observations: shared by ÖJ and Kolada.

Every row is accounted for: stored (kommun, Riket, joint body), skipped with a reason and
its row (summary rows, footnotes and notes, headings, a repeated header, duplicates, a row
with values that names no unit), or rejected with a located problem (an unknown kommun
with values, text in a number column). Blank rows are passed over. Riket, joint bodies,
summaries and notes are recognised in whichever column their label stands.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nki_desktop.domain.municipalities import Catalogue, joint_body_key
from nki_desktop.domain.records import JointBody, Observation, Skip
from nki_desktop.importers.base import ImportProblem, Workbook, cell_text
from nki_desktop.importers.cells import (
    MAX_COUNT,
    Where,
    check_formulas,
    read_count,
    read_rank,
    read_value,
)
from nki_desktop.importers.header import Column, Header
from nki_desktop.importers.labels import KOMMUN_CODE, KOMMUN_NAME, VALUE
from nki_desktop.importers.rows import (
    UnitMatch,
    joint_members,
    looks_like_footnote,
    match_unit,
)
from nki_desktop.importers.wide_runs import _keep, _read_runs, _runs


@dataclass
class TableResult:
    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    joint_bodies: dict[str, JointBody] = field(default_factory=dict)
    values: int = 0  # cells that held a number
    cells: dict[tuple[int, str, str, str], tuple[Observation, int]] = field(
        default_factory=dict
    )  # seen cells across sheets, to catch duplicates


def unknown_kommun(
    workbook: Workbook, catalogue: Catalogue, sheet: str, row: int, column: int, name: str
) -> ImportProblem:
    """The located problem for a kommun name that matches nothing, with the closest names."""
    close = catalogue.candidates(name)
    hint = (
        "Menade du " + " eller ".join(f"{k.name} ({k.code})" for k in close) + "? " if close else ""
    )
    hint += "Rätta namnet i filen eller skriv kommunkoden, och importera igen."
    return ImportProblem(
        workbook.name, f"Kommunen '{name}' finns inte i kommunlistan.", sheet, row, column, hint
    )


def read_rows(
    workbook: Workbook,
    header: Header,
    catalogue: Catalogue,
    *,
    year: int | None,
    group: str,
    result: TableResult,
    row_filter: Callable[[list[Any]], str | None] | None = None,
) -> None:
    """Read every row under the header into ``result``.

    ``row_filter(row)`` may return a reason to skip a row (e.g. Kolada's gender rows).
    """
    sheet = header.sheet
    columns = [c for c in header.columns if c.role == VALUE]
    code_col = next((c.index for c in header.columns if c.role == KOMMUN_CODE), None)
    name_col = next((c.index for c in header.columns if c.role == KOMMUN_NAME), None)
    unit_col = name_col if name_col is not None else code_col
    cells = result.cells
    file = workbook.name
    plan = _plan(workbook, sheet.name, columns, year)
    value_keys = {(y, a, f) for _i, y, a, f, m, _l in plan if m == "value"}
    runs = _runs(plan, value_keys)
    value_cols = {c.index for c in columns}
    before = result.values
    header_rows = [sheet.rows[i] for i in header.rows]
    for r in range(header.data_start, len(sheet.rows)):
        raw = sheet.rows[r]
        if all(c == "" or c is None for c in raw):
            continue
        row_no = r + 1
        reason = row_filter(raw) if row_filter else None
        if reason:
            result.skipped.append(Skip(sheet.name, row_no, reason, _joined(raw)))
            continue
        width = len(raw)
        code = raw[code_col] if code_col is not None and code_col < width else ""
        name = raw[name_col] if name_col is not None and name_col < width else ""
        unit = row_unit(catalogue, raw, code, name, value_cols)
        has_values = unit.kind != "kommun" and any(
            i < width and cell_text(raw[i]) for i in value_cols
        )
        why = _not_a_unit_row(raw, unit, has_values, header_rows)
        if why:
            result.skipped.append(Skip(sheet.name, row_no, why, _joined(raw)))
            continue
        if unit.kind == "unknown":
            raise unknown_kommun(workbook, catalogue, sheet.name, row_no, unit_col or 0, unit.name)
        if unit.kind == "summary":
            result.skipped.append(Skip(sheet.name, row_no, unit.reason, unit.name))
            continue
        key = unit.key
        if unit.kind == "joint":
            members = joint_members(unit.name, catalogue)
            name = unit.name.split("(")[0].strip() if members else unit.name
            key = joint_body_key(name)
            result.joint_bodies.setdefault(key, JointBody(key, name, members))
        if runs is None:
            _read_row(file, sheet.name, raw, row_no, key, plan, value_keys, group, cells, result)
        else:
            _read_runs(file, sheet.name, raw, row_no, key, runs, group, cells, result)
    if result.values == before and len(sheet.rows) > header.data_start:
        check_formulas(workbook, sheet.name)


def row_unit(
    catalogue: Catalogue, raw: list[Any], code: object, name: object, value_cols: set[int]
) -> UnitMatch:
    """Which unit a row is about, wherever its label stands.

    Kommuner are named in the unit columns. Riket, joint bodies and summary rows are often
    labelled elsewhere: a name in the code column, or, with the unit columns empty, a label
    in the län column or an unnamed first column. Those labels are only looked for outside
    the value columns, and only when the unit columns are empty or do not name a kommun,
    so a misspelled kommun is still reported rather than taken for something else.
    """
    unit = match_unit(catalogue, code, name)
    if unit.kind not in ("empty", "unknown"):
        return unit
    texts = (
        [cell_text(code), cell_text(name)]
        if unit.kind == "unknown"
        else [cell_text(c) for i, c in enumerate(raw) if i not in value_cols]
    )
    for text in texts:
        if text and not text.isdigit():
            other = match_unit(catalogue, "", text)
            if other.kind in ("riket", "joint", "summary"):
                return other
    return unit


def _not_a_unit_row(
    raw: list[Any], unit: UnitMatch, has_values: bool, header_rows: list[list[Any]]
) -> str:
    """Why a row that names no kommun is not stored ('' when it is a unit's row, or when
    an unknown name with values must be reported as a problem)."""
    if unit.kind == "kommun":
        return ""
    texts = [cell_text(c) for c in raw]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    for header_row in header_rows:  # the header repeated (a printed list's page break)
        if len(filled) >= 2 and all(
            i < len(header_row) and cell_text(header_row[i]) == t for i, t in filled
        ):
            return "rubrikraden upprepas"
    if unit.kind in ("riket", "joint") and not has_values:
        # "Förbund och gemensamma nämnder", "¹ Gemensam nämnd …": a heading or a note
        return (
            "fotnot/text i tabellen"
            if looks_like_footnote(texts)
            else "rubrik eller text utan värden"
        )
    if unit.kind in ("kommun", "riket", "joint", "summary"):
        return ""
    if not has_values:
        return (
            "fotnot/text under tabellen"
            if looks_like_footnote(texts)
            else "raden saknar kommun och värden"
        )
    if unit.kind == "empty":
        if looks_like_footnote(texts):  # a note typed into a value column
            return "fotnot/text i tabellen"
        return "raden har värden men ingen kommun eller enhet; värdena sparas inte"
    return ""


def _joined(raw: list[Any]) -> str:
    return " ".join(t for t in (cell_text(c) for c in raw) if t)


_Plan = list[tuple[int, int, str, str, str, str]]  # index, year, area, factor, measure, letter


def _plan(workbook: Workbook, sheet: str, columns: list[Column], year: int | None) -> _Plan:
    plan: _Plan = []
    for c in columns:
        cell_year = c.year or year
        if cell_year is None:
            raise ImportProblem(
                workbook.name,
                "Året framgår inte av filen.",
                sheet,
                hint="Ange ärendeåret (i förhandsvisningen eller med --year).",
            )
        plan.append((c.index, cell_year, c.area or "", c.factor or "", c.measure, c.letter))
    return plan


def _read_row(
    file: str,
    sheet: str,
    raw: list[Any],
    row_no: int,
    unit: str,
    plan: _Plan,
    value_keys: set[tuple[int, str, str]],
    group: str,
    cells: dict[tuple[int, str, str, str], tuple[Observation, int]],
    result: TableResult,
) -> None:
    found: dict[tuple[int, str, str], Observation] = {}
    width = len(raw)
    for index, cell_year, area, factor, measure, letter in plan:
        key = (cell_year, area, factor)
        obs = found.get(key)
        if obs is None:
            obs = Observation(cell_year, unit, area, factor, group, sheet=sheet, row=row_no)
            found[key] = obs
        cell = raw[index] if index < width else ""
        if measure == "value":
            if type(cell) is float and math.isfinite(cell):
                obs.value = cell
            else:
                obs.value, n, obs.missing = read_value(cell, Where(file, sheet, row_no, index))
                if n is not None:
                    obs.n = n
            obs.column = letter
            if obs.value is not None:
                result.values += 1
        elif measure == "n":
            if obs.n is None:
                obs.n = (
                    int(round(cell))
                    if type(cell) is float and 0 <= cell <= MAX_COUNT
                    else read_count(cell, Where(file, sheet, row_no, index))
                )
        elif measure == "rank":
            if type(cell) is float and 0 <= cell <= MAX_COUNT:
                obs.rank = int(round(cell))
            else:
                obs.rank, obs.rank_of = read_rank(cell, Where(file, sheet, row_no, index))
    for key, obs in found.items():
        if obs.value is None and obs.missing is None:
            obs.missing = ""  # only n/rank columns for this cell: the value is absent
        if obs.value is None and obs.n is None and obs.rank is None and key not in value_keys:
            continue
        _keep(obs, key, file, sheet, row_no, unit, cells, result)
